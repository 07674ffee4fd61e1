/**
 * The database side of backups: export every table as stored, check an export before a
 * restore, and replace the data all-or-nothing. Tables are never listed here: they come from
 * the schema (`db.tables`), so a table added in a new Dexie version is backed up and restored
 * without touching this file. No IPC here; features/settings/backup-actions.ts moves the text.
 */
import Dexie, { type IndexableTypePart, type Table } from 'dexie';
import { importDB, importInto } from 'dexie-export-import';

import type { DatabaseFacts, DataRange, TableFacts } from '../../shared/backup';
import { BackupDataError } from './backup-errors';
import { STRICT_DURABILITY } from './durability';
import { renewSearchGeneration } from './search-index-store';

/** The JSON dexie-export-import writes (format 1). */
export interface DexieExport {
  formatName: 'dexie';
  formatVersion: number;
  data: {
    databaseName: string;
    databaseVersion: number;
    tables: { name: string; schema: string; rowCount: number }[];
    data: { tableName: string; inbound: boolean; rows: unknown[] }[];
  };
}

export { BackupDataError };

/** Dexie's schema string of a table: primary key first, then indexes (as dexie-export-import writes it). */
export function schemaString(table: Table): string {
  return [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(',');
}

/** The schema of a database as backups describe it. */
export function schemaOf(db: Dexie): { name: string; schema: string }[] {
  return db.tables.map((t) => ({ name: t.name, schema: schemaString(t) }));
}

/**
 * Two schema strings describe the same table when the primary key and the set of indexes agree
 * (IndexedDB lists indexes by name, the code in the order it declares them).
 */
export function sameSchema(a: string, b: string): boolean {
  const norm = (s: string) => {
    const [key = '', ...indexes] = s.split(',').map((x) => x.trim());
    return [key, ...indexes.filter(Boolean).sort()].join(',');
  };
  return norm(a) === norm(b);
}

/** Same tables with the same schemas. */
export function sameTables(a: { name: string; schema: string }[], b: { name: string; schema: string }[]): boolean {
  const other = new Map(b.map((t) => [t.name, t.schema]));
  return a.length === other.size && a.every((t) => other.has(t.name) && sameSchema(t.schema, other.get(t.name)!));
}

/**
 * The database exactly as stored: no schema declared (Dexie opens what is there, so no upgrade
 * runs), no add-ons or middleware (with the passphrase lock, rows stay encrypted as stored), and
 * strict durability for the writes of a restore.
 */
export async function openAsStored(name: string): Promise<Dexie> {
  const db = new Dexie(name, { ...STRICT_DURABILITY, addons: [] });
  await db.open();
  return db;
}

const dateField = /(^date$|At$|Date$|^due$|Since$)/;
const isoDay = /^\d{4}-\d{2}-\d{2}/;

/** Follows the earliest and latest dates in rows (fields named date, due, …At, …Date, …Since). */
export function dateRangeTracker() {
  let from: string | null = null;
  let to: string | null = null;
  return {
    observe(row: unknown) {
      if (typeof row !== 'object' || row === null) return;
      for (const [key, value] of Object.entries(row)) {
        if (typeof value !== 'string' || !dateField.test(key) || !isoDay.test(value)) continue;
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

/** Rows read (and turned into JSON) per request while exporting. */
const EXPORT_PAGE = 2000;

/**
 * Exports every table in one read transaction (a consistent snapshot) and hands the JSON to
 * `write` in pieces of at most `chunkChars` characters, never cutting a character in two.
 *
 * The file is dexie-export-import's format 1 (what `parseDatabaseExport` and `importDB` read),
 * written here rather than by `exportDB`: Trellis's rows are plain JSON (strings, numbers,
 * booleans, null, arrays, objects: the zod schemas of shared/ and the lock's base64 envelopes),
 * so the per-row Typeson pass `exportDB` makes for Dates, Blobs and typed arrays only cost time. Each page of rows is one native `JSON.stringify`, kept as a Blob
 * (outside the JavaScript heap) until the transaction is over, then streamed to `write`.
 */
export async function exportDatabase(
  db: Dexie,
  write: (chunk: string) => Promise<void>,
  options: { chunkChars: number; onProgress?: (p: ExportProgress) => void },
): Promise<DatabaseFacts> {
  const dates = dateRangeTracker();
  const tables = db.tables;
  const counts = new Map<string, number>();
  const pieces: (string | Blob)[] = [];
  let totalRows = 0;
  let doneRows = 0;
  await db.transaction('r', tables, async () => {
    const rowCounts = await Promise.all(tables.map((t) => t.count()));
    totalRows = rowCounts.reduce((a, b) => a + b, 0);
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
    pieces.push(empty.slice(0, empty.lastIndexOf(']')));
    for (const [t, table] of tables.entries()) {
      const inbound = !!table.schema.primKey.keyPath;
      pieces.push(`${t > 0 ? ',' : ''}{"tableName":${JSON.stringify(table.name)},"inbound":${String(inbound)},"rows":[`);
      let count = 0;
      let lastKey: unknown = null;
      for (;;) {
        const collection = lastKey === null ? table.orderBy(':id') : table.where(':id').above(lastKey);
        const page = collection.limit(EXPORT_PAGE);
        const [values, keys] = inbound ? [await page.toArray(), null] : await Promise.all([page.toArray(), page.primaryKeys()]);
        if (values.length === 0) break;
        for (const value of values) dates.observe(value);
        const rows = keys ? values.map((v, i) => [keys[i], v]) : values;
        const json = JSON.stringify(rows);
        pieces.push(new Blob([`${count > 0 ? ',' : ''}${json.slice(1, -1)}`]));
        count += values.length;
        doneRows += values.length;
        lastKey = keys ? keys[keys.length - 1] : Dexie.getByKeyPath(values[values.length - 1], table.schema.primKey.keyPath as string);
        options.onProgress?.({ phase: 'reading', fraction: totalRows ? doneRows / totalRows : 1 });
        if (values.length < EXPORT_PAGE) break;
      }
      counts.set(table.name, count);
      pieces.push(']}');
    }
    pieces.push(']}}');
  });

  const size = pieces.reduce((n, p) => n + (typeof p === 'string' ? p.length : p.size), 0);
  let pending = '';
  let sent = 0;
  const flush = async (all: boolean) => {
    while (pending.length >= options.chunkChars || (all && pending.length > 0)) {
      let end = Math.min(pending.length, options.chunkChars);
      const last = pending.charCodeAt(end - 1);
      if (end < pending.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
      await write(pending.slice(0, end));
      pending = pending.slice(end);
    }
  };
  for (const [i, piece] of pieces.entries()) {
    const text = typeof piece === 'string' ? piece : await piece.text();
    sent += typeof piece === 'string' ? piece.length : piece.size;
    pieces[i] = '';
    pending += text;
    await flush(false);
    options.onProgress?.({ phase: 'saving', fraction: size ? sent / size : 1 });
  }
  await flush(true);
  const facts: TableFacts[] = tables.map((t) => ({ name: t.name, schema: schemaString(t), rows: counts.get(t.name) ?? 0 }));
  return { name: db.name, version: db.verno, tables: facts, dataRange: dates.range() };
}

const isKey = (value: unknown): boolean =>
  typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value)) || (Array.isArray(value) && value.every(isKey));

/**
 * Checks a backup's database part against its manifest and against this Trellis's schema,
 * before anything is written. Returns the parsed export, ready for `restoreDatabase`.
 */
export function parseDatabaseExport(
  text: string,
  manifest: DatabaseFacts,
  current: { name: string; version: number; tables: { name: string; schema: string }[] },
): DexieExport {
  let json: DexieExport;
  try {
    json = JSON.parse(text) as DexieExport;
  } catch {
    throw new BackupDataError('The backup is damaged: its database part is not valid JSON.');
  }
  const data = json?.data;
  if (json?.formatName !== 'dexie' || typeof data !== 'object' || data === null || !Array.isArray(data.tables) || !Array.isArray(data.data)) {
    throw new BackupDataError('The backup is damaged: its database part is not a database export.');
  }
  if (json.formatVersion !== 1)
    throw new BackupDataError(`The backup's database part is in export format ${String(json.formatVersion)}, which this Trellis cannot read.`);
  if (data.databaseName !== manifest.name || data.databaseVersion !== manifest.version) {
    throw new BackupDataError('The backup is damaged: its database part does not match its manifest (name or version).');
  }
  if (data.databaseVersion > current.version) {
    throw new BackupDataError(
      `This backup was made by a newer Trellis (data format ${data.databaseVersion}; this Trellis reads up to ${current.version}). Update Trellis, then restore it.`,
    );
  }
  const byName = new Map(manifest.tables.map((t) => [t.name, t]));
  if (data.tables.length !== manifest.tables.length) throw new BackupDataError('The backup is damaged: its tables do not match its manifest.');
  for (const table of data.tables) {
    const listed = byName.get(table?.name);
    if (!listed || listed.schema !== table.schema || listed.rows !== table.rowCount) {
      throw new BackupDataError(`The backup is damaged: table ${String(table?.name)} does not match its manifest.`);
    }
  }
  if (data.databaseVersion === current.version) {
    if (!sameTables(data.tables, current.tables))
      throw new BackupDataError(`The backup's tables do not match data format ${current.version} of this Trellis, so it cannot be restored.`);
  }
  const seen = new Set<string>();
  for (const part of data.data) {
    const table = data.tables.find((t) => t.name === part?.tableName);
    if (!table || seen.has(table.name) || !Array.isArray(part.rows)) throw new BackupDataError('The backup is damaged: its rows do not match its tables.');
    seen.add(table.name);
    if (part.rows.length !== table.rowCount) {
      throw new BackupDataError(`The backup is damaged: table ${table.name} should have ${table.rowCount} rows but has ${part.rows.length}.`);
    }
    const keyPath = table.schema.split(',')[0]?.replace(/^[+&*]+/, '') ?? '';
    for (const [i, row] of part.rows.entries()) {
      const ok = part.inbound
        ? typeof row === 'object' && row !== null && !Array.isArray(row) && (keyPath === '' || isKey(Dexie.getByKeyPath(row, keyPath)))
        : Array.isArray(row) && row.length === 2;
      if (!ok) throw new BackupDataError(`The backup is damaged: row ${i + 1} of table ${table.name} has no valid key.`);
    }
  }
  if (seen.size !== data.tables.length) throw new BackupDataError('The backup is damaged: some tables have no rows section.');
  return json;
}

/** Rows written per bulk request while restoring. */
const IMPORT_PAGE = 5000;

/** Whether any row carries Typeson's `$types` (a Date, a Blob…): only such rows need the library's import. */
function needsTypeson(json: DexieExport): boolean {
  return json.data.data.some((part) => part.rows.some((row) => typeof row === 'object' && row !== null && '$types' in row));
}

/** A dexie-export-import stream over an export already in memory: import without awaiting a file. */
function loadedStream(json: DexieExport) {
  return { result: json, done: () => true, eof: () => true, pullAsync: async () => json, pullSync: () => json };
}

export interface RestoreOptions {
  /** Opens the code's own database class on a name (runs its migrations): for older backups. */
  openWithCode: (name: string) => Dexie;
  onProgress?: (fraction: number) => void;
}

/**
 * An older backup is imported into a scratch database, migrated by the code's upgrades, and
 * exported again as stored (no middleware: with the passphrase lock, encrypted fields stay as
 * they are; an upgrade that rewrote one would have to run unlocked, and none does).
 */
async function migrate(json: DexieExport, openWithCode: RestoreOptions['openWithCode']): Promise<DexieExport> {
  const scratch = `${json.data.databaseName}-restore-${crypto.randomUUID()}`;
  try {
    const imported = await importDB(loadedStream(json) as never, { name: scratch });
    imported.close();
    const migrated = openWithCode(scratch);
    await migrated.open();
    migrated.close();
    const stored = await openAsStored(scratch);
    const parts: string[] = [];
    try {
      await exportDatabase(stored, async (chunk) => void parts.push(chunk), { chunkChars: 1 << 24 });
    } finally {
      stored.close();
    }
    const upgraded = JSON.parse(parts.join('')) as DexieExport;
    upgraded.data.databaseName = json.data.databaseName;
    return upgraded;
  } finally {
    await Dexie.delete(scratch);
  }
}

/** Rows read per request when comparing a table with a backup. */
const COMPARE_PAGE = 5000;

/**
 * Makes one table hold exactly `rows` (as exportDatabase writes them), inside the caller's
 * transaction: rows that are already stored as they are in the backup are not written again,
 * changed and missing ones are put, and rows the backup does not have are deleted. IndexedDB
 * writes (each row and each of its index entries) cost far more than reads here, and the usual
 * restore (yesterday's backup onto today's data) differs in a few rows. Returns the rows written.
 */
async function replaceRows(table: Table, rows: unknown[], inbound: boolean, onRows: (rows: number) => void): Promise<number> {
  const keyPath = table.schema.primKey.keyPath as string | string[] | null;
  const keyOf = (row: unknown): unknown => (inbound ? Dexie.getByKeyPath(row as object, keyPath as string) : (row as [unknown, unknown])[0]);
  const valueOf = (row: unknown): unknown => (inbound ? row : (row as [unknown, unknown])[1]);
  // The backup's rows by key (as JSON, which compares arrays and strings alike), each as JSON text.
  const wanted = new Map<string, { key: unknown; value: unknown; json: string }>();
  for (const row of rows) wanted.set(JSON.stringify(keyOf(row)), { key: keyOf(row), value: valueOf(row), json: JSON.stringify(valueOf(row)) });
  const gone: unknown[] = [];
  const same = new Set<string>();
  let lastKey: unknown = null;
  for (;;) {
    const collection = lastKey === null ? table.orderBy(':id') : table.where(':id').above(lastKey);
    const page = collection.limit(COMPARE_PAGE);
    // As in exportDatabase: an inbound row carries its key, so only outbound tables read keys apart.
    const values = await page.toArray();
    if (values.length === 0) break;
    const keys = inbound ? values.map((v) => Dexie.getByKeyPath(v, keyPath as string)) : await page.primaryKeys();
    for (const [i, value] of values.entries()) {
      const id = JSON.stringify(keys[i]);
      const backup = wanted.get(id);
      if (!backup) gone.push(keys[i]);
      // Stored values read back in the order they were written, as the backup's JSON was: equal rows give equal text.
      else if (backup.json === JSON.stringify(value)) same.add(id);
    }
    lastKey = keys[keys.length - 1];
    if (values.length < COMPARE_PAGE) break;
  }
  if (gone.length) await table.bulkDelete(gone as IndexableTypePart[]);
  const changed = [...wanted].filter(([id]) => !same.has(id)).map(([, row]) => row);
  onRows(same.size);
  for (let i = 0; i < changed.length; i += IMPORT_PAGE) {
    const page = changed.slice(i, i + IMPORT_PAGE);
    if (inbound) await table.bulkPut(page.map((r) => r.value));
    else
      await table.bulkPut(
        page.map((r) => r.value),
        page.map((r) => r.key as IndexableTypePart),
      );
    onRows(page.length);
  }
  return changed.length + gone.length;
}

export interface RestoreStats {
  /** Rows in the backup. */
  rows: number;
  /** Rows put or deleted: the rest were stored as they are in the backup already. */
  written: number;
}

/**
 * Replaces every table of the stored database with the backup's rows in ONE transaction with
 * strict durability: if anything fails (a full disk, a closed window, a bug), IndexedDB rolls
 * the whole transaction back and the current data stays exactly as it was.
 */
export async function restoreDatabase(name: string, parsed: DexieExport, options: RestoreOptions): Promise<RestoreStats> {
  let json = parsed;
  const target = await openAsStored(name);
  try {
    if (json.data.databaseVersion < target.verno) {
      target.close();
      json = await migrate(json, options.openWithCode);
      await target.open();
    }
    if (json.data.databaseVersion !== target.verno || !sameTables(json.data.tables, schemaOf(target))) {
      throw new BackupDataError(`The backup's tables do not match the data format on this computer (${target.verno}).`);
    }
    // A search index saved for the data being replaced must not be taken for the restored data's.
    renewSearchGeneration(name);
    const rowsOf = new Map(json.data.data.map((part) => [part.tableName, part]));
    const total = json.data.data.reduce((n, part) => n + part.rows.length, 0);
    let done = 0;
    let writtenRows = 0;
    await target.transaction('rw', target.tables, async () => {
      if (needsTypeson(json)) {
        // A file whose rows carry types JSON has no words for (not one Trellis writes): the library's own import.
        await importInto(target, loadedStream(json) as never, {
          noTransaction: true,
          clearTablesBeforeImport: true,
          // A backup restores into Trellis's database whatever it was called where it was made.
          acceptNameDiff: true,
          progressCallback: ({ completedRows, totalRows }) => {
            options.onProgress?.(totalRows ? completedRows / totalRows : 1);
            return true;
          },
        });
        writtenRows = total;
        return;
      }
      // Plain rows, as exportDatabase writes them: each table made equal to the backup's rows.
      for (const table of target.tables) {
        const part = rowsOf.get(table.name);
        const written = await replaceRows(table, part?.rows ?? [], part?.inbound ?? !!table.schema.primKey.keyPath, (rows) => {
          done += rows;
          options.onProgress?.(total ? done / total : 1);
        });
        writtenRows += written;
      }
    });
    return { rows: total, written: writtenRows };
  } finally {
    target.close();
  }
}
