/**
 * Exports every table as stored, in one read-only transaction (a consistent copy), handing the
 * JSON on in chunks. Tables come from the schema (`db.tables`), never from a list here.
 */
import Dexie from 'dexie';

import type { DatabaseFacts, DataRange, TableFacts } from '../../shared/backup';
import { openAsStored, schemaString } from './backup-schema';

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

/** An IndexedDB request as a promise (resolved in the success event, so the transaction stays active for the next request). */
function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Cuts text given as pieces into chunks of at most `size` characters, never between the two
 * halves of a surrogate pair: each chunk is built once from the pieces it spans.
 */
export function* chunksOf(pieces: Iterable<string>, size: number): Generator<string> {
  if (size < 2) throw new RangeError('A chunk must hold at least two characters');
  let parts: string[] = [];
  let length = 0;
  const take = (): string => {
    let chunk = parts.join('');
    parts = [];
    length = 0;
    const last = chunk.charCodeAt(chunk.length - 1);
    // A high surrogate at the cut: its low half starts the next chunk, so it goes there too.
    if (last >= 0xd800 && last <= 0xdbff) {
      parts = [chunk.slice(-1)];
      length = 1;
      chunk = chunk.slice(0, -1);
    }
    return chunk;
  };
  for (const piece of pieces) {
    let offset = 0;
    while (piece.length - offset >= size - length) {
      const end = offset + size - length;
      parts.push(piece.slice(offset, end));
      offset = end;
      length = size;
      yield take();
    }
    if (offset < piece.length) {
      parts.push(offset === 0 ? piece : piece.slice(offset));
      length += piece.length - offset;
    }
  }
  if (length > 0) yield parts.join('');
}

/**
 * Characters handed to `write` and not yet taken. While the read transaction runs, each page goes
 * on to `write` at once, so main deflates and hashes it while the next pages are read. Once this
 * much waits (main has fallen behind), the rest is kept as Blobs until the transaction is over:
 * the transaction cannot wait for main (IndexedDB would commit it half-way), and the page's
 * memory must not hold the whole database.
 */
const MAX_WAITING_CHARS = 16 * 1024 * 1024;

/**
 * The text of the export on its way to `write`: chunks of at most `chunkChars`, taken one at a
 * time in order. `put` never waits; what cannot go yet is kept, as a Blob when it is large.
 */
class Outbox {
  private tail = '';
  private waiting = 0;
  private queue: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  /** Everything after the first piece that could not go at once, in order. */
  private readonly later: (string | Blob)[] = [];
  private total = 0;
  private taken = 0;

  constructor(
    private readonly write: (chunk: string) => Promise<void>,
    private readonly chunkChars: number,
    private readonly onTaken: (taken: number, total: number) => void,
    private readonly maxWaiting: number,
  ) {}

  /** Adds text to the export; `large` text is kept as a Blob if it has to wait. */
  put(text: string, large = false): void {
    if (this.failure) throw this.failure.error;
    this.total += text.length;
    if (this.later.length === 0 && this.waiting < this.maxWaiting) {
      const chunks = [...chunksOf([this.tail, text], this.chunkChars)];
      this.tail = chunks.pop() ?? '';
      for (const chunk of chunks) this.send(chunk);
      return;
    }
    if (this.later.length === 0 && this.tail) this.later.push(this.tail);
    this.tail = '';
    this.later.push(large ? new Blob([text]) : text);
  }

  /** Sends everything that is left, in order; resolves once `write` has taken the last chunk. */
  async flush(): Promise<void> {
    await this.queue;
    for (let i = 0; i < this.later.length; i++) {
      const piece = this.later[i]!;
      this.later[i] = '';
      const text = typeof piece === 'string' ? piece : await piece.text();
      const chunks = [...chunksOf([this.tail, text], this.chunkChars)];
      this.tail = chunks.pop() ?? '';
      for (const chunk of chunks) await this.take(chunk);
    }
    this.later.length = 0;
    if (this.tail) await this.take(this.tail);
    this.tail = '';
  }

  private send(chunk: string): void {
    this.waiting += chunk.length;
    this.queue = this.queue.then(() => this.take(chunk));
    // Seen by the next put (which aborts the read) or by flush; not an unhandled rejection meanwhile.
    this.queue.catch((error: unknown) => (this.failure ??= { error }));
  }

  private async take(chunk: string): Promise<void> {
    await this.write(chunk);
    this.waiting = Math.max(0, this.waiting - chunk.length);
    this.taken += chunk.length;
    // Blob sizes are bytes, string lengths characters: close enough for a progress bar.
    this.onTaken(this.taken, this.total);
  }
}

/**
 * Exports every table in one read transaction (a consistent snapshot) and hands the JSON to
 * `write` in pieces of at most `chunkChars` characters, never cutting a character in two. `write`
 * is called again only once it has resolved.
 *
 * The file is dexie-export-import's format 1 (what `parseDatabaseExport` and `importDB` read),
 * written here rather than by `exportDB`: Trellis's rows are plain JSON (strings, numbers,
 * booleans, null, arrays, objects: the zod schemas of shared/ and the lock's base64 envelopes),
 * so the per-row Typeson pass `exportDB` makes for Dates, Blobs and typed arrays only cost time.
 * Rows are read with IndexedDB's own `getAll` in key order, a page of about `pageChars` at a time
 * (the next page is asked for before this one is turned into JSON, so IndexedDB reads while the
 * page works, and each page is its own short task), in one native transaction of the database
 * opened as stored: no Dexie layer per row. Each page is one native `JSON.stringify`, handed on
 * through an Outbox while the next page is read.
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
  const dates = dateRangeTracker();
  const tables = db.tables;
  const counts = new Map<string, number>();
  let reading = true;
  const out = new Outbox(
    write,
    options.chunkChars,
    (taken, total) => {
      if (!reading) options.onProgress?.({ phase: 'saving', fraction: total ? Math.min(1, taken / total) : 1 });
    },
    options.maxWaitingChars ?? MAX_WAITING_CHARS,
  );
  const idb = db.backendDB();
  const names = tables.map((t) => t.name);
  const tx = idb.transaction(names, 'readonly');
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('The backup could not read the database'));
  });
  try {
    const rowCounts = await Promise.all(names.map((name) => requested(tx.objectStore(name).count())));
    const totalRows = rowCounts.reduce((a, b) => a + b, 0);
    let doneRows = 0;
    const header = {
      formatName: 'dexie',
      formatVersion: 1,
      data: {
        databaseName: db.name,
        databaseVersion: db.verno,
        tables: tables.map((t, i) => ({ name: t.name, schema: schemaString(t), rowCount: rowCounts[i]! })),
        data: [] as unknown[],
      },
    };
    const empty = JSON.stringify(header);
    // Everything up to the inside of `data.data: [`; its closing `]}}` goes after the tables.
    out.put(empty.slice(0, empty.lastIndexOf(']')));
    for (const [t, table] of tables.entries()) {
      const store = tx.objectStore(table.name);
      const inbound = store.keyPath !== null;
      out.put(`${t > 0 ? ',' : ''}{"tableName":${JSON.stringify(table.name)},"inbound":${String(inbound)},"rows":[`);
      type Page = [values: unknown[], keys: IDBValidKey[] | null, asked: number];
      const read = (after: IDBValidKey | null, rows: number): Promise<Page> => {
        const range = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
        const page = Promise.all([requested(store.getAll(range, rows)), inbound ? null : requested(store.getAllKeys(range, rows)), rows]);
        // A page still being read when the export stops (a write failed) fails with the abort: seen, not unhandled.
        page.catch(() => {});
        return page;
      };
      let count = 0;
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
        for (const value of values) dates.observe(value);
        const json = JSON.stringify(keys ? values.map((v, i) => [keys[i], v]) : values);
        pageRows = nextPageRows(values.length, json.length, options.pageChars);
        out.put(count > 0 ? `,${json.slice(1, -1)}` : json.slice(1, -1), true);
        count += values.length;
        doneRows += values.length;
        options.onProgress?.({ phase: 'reading', fraction: totalRows ? doneRows / totalRows : 1 });
      }
      counts.set(table.name, count);
      out.put(']}');
    }
    out.put(']}}');
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already over.
    }
    await done.catch(() => {});
    throw error;
  }
  await done;
  reading = false;
  await out.flush();
  const facts: TableFacts[] = tables.map((t) => ({ name: t.name, schema: schemaString(t), rows: counts.get(t.name) ?? 0 }));
  return { name: db.name, version: db.verno, tables: facts, dataRange: dates.range() };
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
