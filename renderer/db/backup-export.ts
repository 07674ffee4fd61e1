/**
 * Exports every table as stored, in one read-only transaction (a consistent copy), handing the
 * JSON on in chunks. Tables come from the schema (`db.tables`), never from a list here.
 */
import Dexie from 'dexie';

import type { DatabaseFacts, DataRange, TableFacts } from '../../shared/backup';
import { Outbox } from './backup-outbox';
import { openAsStored, schemaString } from './backup-schema';
import { abortAndWait, countRows, requested, transactionDone } from './idb-native';

const dateField = /(^date$|At$|Date$|^due$|Since$)/;
const isoDay = /^\d{4}-\d{2}-\d{2}/;

/** Follows the earliest and latest dates in rows (fields named date, due, …At, …Date, …Since). */
export function dateRangeTracker() {
  let from: string | null = null;
  let to: string | null = null;
  // Rows of a table share their few field names: each name is tested once, not once per row.
  const isDateField = new Map<string, boolean>();
  return {
    observe(row: unknown) {
      if (typeof row !== 'object' || row === null) return;
      for (const key in row) {
        if (!Object.hasOwn(row, key)) continue;
        let dated = isDateField.get(key);
        if (dated === undefined) isDateField.set(key, (dated = dateField.test(key)));
        if (!dated) continue;
        const value = (row as Record<string, unknown>)[key];
        if (typeof value !== 'string' || !isoDay.test(value)) continue;
        const day = value.slice(0, 10);
        if (from === null || day < from) from = day;
        if (to === null || day > to) to = day;
      }
    },
    range: (): DataRange => (from && to ? { from, to } : null),
  };
}

export interface ExportProgress {
  /** 0…1 */
  fraction: number;
  phase: 'reading' | 'saving';
}

/**
 * How much of a table one request reads, in characters of its JSON, by default. Reading a page
 * and turning it into JSON is one task on the thread that reads: bounded by size, not by rows, so
 * a page of long meeting notes stays short and small. That matters on the page (the restore of an
 * older backup exports its migrated copy there, where a long task is felt); backups read in a
 * worker (backup-export.worker.ts), which asks for bigger pages, as each request costs a round
 * trip to IndexedDB.
 */
const PAGE_CHARS = 256 * 1024;
/** Rows of a table's first page, before its row size is known; and the bounds of any page. */
const FIRST_PAGE_ROWS = 100;
const MIN_PAGE_ROWS = 10;
const MAX_PAGE_ROWS = 5000;

/** The rows of the next page, from the JSON size of the page just read. */
export function nextPageRows(rows: number, jsonChars: number, pageChars = PAGE_CHARS): number {
  if (rows === 0 || jsonChars === 0) return MAX_PAGE_ROWS;
  return Math.max(MIN_PAGE_ROWS, Math.min(MAX_PAGE_ROWS, Math.floor(pageChars / (jsonChars / rows))));
}

/** A page of a table's rows as stored, and the JSON the export writes for it (`[row,…]`, or `[[key,row],…]` for a table without inbound keys). */
export interface StoredPage {
  values: unknown[];
  keys: IDBValidKey[] | null;
  json: string;
}

/**
 * Reads a table's rows in key order with IndexedDB's own `getAll`, a page of about `pageChars`
 * characters of JSON at a time, and hands each page to `onPage` with its JSON. The next page is
 * asked for before this one becomes JSON, so IndexedDB reads while the page works; each page is
 * its own short task.
 */
export async function readStoredPages(store: IDBObjectStore, pageChars: number, onPage: (page: StoredPage) => void): Promise<void> {
  const inbound = store.keyPath !== null;
  type Page = [values: unknown[], keys: IDBValidKey[] | null, asked: number];
  const read = (after: IDBValidKey | null, rows: number): Promise<Page> => {
    const range = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
    const page = Promise.all([requested(store.getAll(range, rows)), inbound ? null : requested(store.getAllKeys(range, rows)), rows]);
    // A page still being read when the read stops (a write failed) fails with the abort: seen, not unhandled.
    page.catch(() => {});
    return page;
  };
  let pageRows = FIRST_PAGE_ROWS;
  let next: Promise<Page> | null = read(null, pageRows);
  while (next) {
    const [values, keys, asked]: Page = await next;
    if (values.length === 0) break;
    const lastKey: IDBValidKey = keys
      ? keys[keys.length - 1]!
      : (Dexie.getByKeyPath(values[values.length - 1] as object, store.keyPath as string) as IDBValidKey);
    // Sized from the page before this one: the read is under way while this page becomes JSON.
    next = values.length < asked ? null : read(lastKey, pageRows);
    const json = JSON.stringify(keys ? values.map((v, i) => [keys[i], v]) : values);
    pageRows = nextPageRows(values.length, json.length, pageChars);
    onPage({ values, keys, json });
  }
}

/**
 * The export's text, written into an Outbox table by table as the rows are read: the header
 * (every table with its row count), then each table's rows, then the end. The file is
 * dexie-export-import's format 1 (what `parseDatabaseExport` and `importDB` read).
 */
export class ExportText {
  private readonly dates = dateRangeTracker();
  private readonly counts = new Map<string, number>();
  private table: { name: string; rows: number } | null = null;

  constructor(
    private readonly db: Dexie,
    private readonly out: Outbox,
    rowCounts: number[],
  ) {
    const header = {
      formatName: 'dexie',
      formatVersion: 1,
      data: {
        databaseName: db.name,
        databaseVersion: db.verno,
        tables: db.tables.map((t, i) => ({ name: t.name, schema: schemaString(t), rowCount: rowCounts[i]! })),
        data: [] as unknown[],
      },
    };
    const empty = JSON.stringify(header);
    // Everything up to the inside of `data.data: [`; its closing `]}}` goes after the tables.
    out.put(empty.slice(0, empty.lastIndexOf(']')));
  }

  beginTable(name: string, inbound: boolean): void {
    this.out.put(`${this.counts.size > 0 ? ',' : ''}{"tableName":${JSON.stringify(name)},"inbound":${String(inbound)},"rows":[`);
    this.table = { name, rows: 0 };
  }

  page({ values, json }: StoredPage): void {
    const table = this.table!;
    for (const value of values) this.dates.observe(value);
    this.out.put(table.rows > 0 ? `,${json.slice(1, -1)}` : json.slice(1, -1), true);
    table.rows += values.length;
  }

  endTable(): void {
    const table = this.table!;
    this.counts.set(table.name, table.rows);
    this.table = null;
    this.out.put(']}');
  }

  /** Ends the text; the facts the manifest records of it. */
  end(): DatabaseFacts {
    this.out.put(']}}');
    const tables: TableFacts[] = this.db.tables.map((t) => ({ name: t.name, schema: schemaString(t), rows: this.counts.get(t.name) ?? 0 }));
    return { name: this.db.name, version: this.db.verno, tables, dataRange: this.dates.range() };
  }
}

/**
 * Exports every table in one read transaction (a consistent snapshot) and hands the JSON to
 * `write` in pieces of at most `chunkChars` characters, never cutting a character in two. `write`
 * is called again only once it has resolved.
 *
 * Written here rather than by dexie-export-import's `exportDB`: Trellis's rows are plain JSON
 * (strings, numbers, booleans, null, arrays, objects: the zod schemas of shared/ and the lock's
 * base64 envelopes), so the per-row Typeson pass `exportDB` makes for Dates, Blobs and typed
 * arrays only cost time. Rows are read by `readStoredPages` in one native transaction of the
 * database opened as stored: no Dexie layer per row. Each page is one native `JSON.stringify`,
 * handed on through an Outbox while the next page is read.
 */
export async function exportDatabase(
  db: Dexie,
  write: (chunk: string) => Promise<void>,
  options: {
    chunkChars: number;
    onProgress?: (p: ExportProgress) => void;
    /** Characters `write` may have waiting before the rest waits in Blobs; MAX_WAITING_CHARS by default. */
    maxWaitingChars?: number;
    /** About how many characters of JSON one read request brings; PAGE_CHARS by default. */
    pageChars?: number;
  },
): Promise<DatabaseFacts> {
  if (!db.isOpen()) await db.open();
  const out = new Outbox(
    write,
    options.chunkChars,
    (taken, total) => options.onProgress?.({ phase: 'saving', fraction: total ? Math.min(1, taken / total) : 1 }),
    options.maxWaitingChars,
  );
  const names = db.tables.map((t) => t.name);
  const tx = db.backendDB().transaction(names, 'readonly');
  const done = transactionDone(tx, 'The backup could not read the database');
  let facts: DatabaseFacts;
  try {
    const rowCounts = await countRows(tx, names);
    const totalRows = rowCounts.reduce((a, b) => a + b, 0);
    let doneRows = 0;
    const text = new ExportText(db, out, rowCounts);
    for (const name of names) {
      const store = tx.objectStore(name);
      text.beginTable(name, store.keyPath !== null);
      await readStoredPages(store, options.pageChars ?? PAGE_CHARS, (page) => {
        text.page(page);
        doneRows += page.values.length;
        options.onProgress?.({ phase: 'reading', fraction: totalRows ? doneRows / totalRows : 1 });
      });
      text.endTable();
    }
    facts = text.end();
  } catch (error) {
    await abortAndWait(tx, done);
    throw error;
  }
  await done;
  await out.flush();
  return facts;
}

/**
 * Exports the stored database `name` (see exportDatabase), handing its JSON to `write` in chunks.
 * The app runs it in a worker (backup-export-client.ts, which the first screen loads without this
 * module); `exportHere` runs it on the calling thread.
 */
export type ExportStored = (
  name: string,
  write: (chunk: string) => Promise<void>,
  options: { chunkChars: number; onProgress?: (p: ExportProgress) => void },
) => Promise<DatabaseFacts>;

/** The export on the calling thread: for tests, and where there are no workers. */
export const exportHere: ExportStored = async (name, write, options) => {
  const db = await openAsStored(name);
  try {
    return await exportDatabase(db, write, options);
  } finally {
    db.close();
  }
};
