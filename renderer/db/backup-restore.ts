/** Checks an export against its manifest and this Trellis's schema, and replaces the data all-or-nothing. */
import Dexie, { type IndexableTypePart, type Table } from 'dexie';
import { importDB, importInto } from 'dexie-export-import';

import type { DatabaseFacts } from '../../shared/backup';
import { BackupDataError } from './backup-errors';
import { exportHere } from './backup-export';
import { type DexieExport, openAsStored, sameTables, schemaOf } from './backup-schema';
import { renewSearchGeneration } from './search-index-store';

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
    const parts: string[] = [];
    await exportHere(scratch, async (chunk) => void parts.push(chunk), { chunkChars: 1 << 24 });
    const upgraded = JSON.parse(parts.join('')) as DexieExport;
    upgraded.data.databaseName = json.data.databaseName;
    return upgraded;
  } finally {
    await Dexie.delete(scratch);
  }
}

/** Rows read per request when comparing a table with a backup. */
const COMPARE_PAGE = 5000;

/** Whether keys rise strictly (IndexedDB's order): then the backup's rows can be walked beside the stored ones. */
function strictlyRising(keys: unknown[]): boolean {
  for (let i = 1; i < keys.length; i++) if (indexedDB.cmp(keys[i - 1], keys[i]) >= 0) return false;
  return true;
}

/** The stored rows of a table in key order, COMPARE_PAGE at a time, each page with its keys. */
async function* storedPages(table: Table): AsyncGenerator<{ values: unknown[]; keys: unknown[] }> {
  const keyPath = table.schema.primKey.keyPath as string | null;
  let lastKey: unknown = null;
  for (;;) {
    const collection = lastKey === null ? table.orderBy(':id') : table.where(':id').above(lastKey);
    const page = collection.limit(COMPARE_PAGE);
    const values: unknown[] = await page.toArray();
    if (values.length === 0) return;
    const keys: unknown[] = keyPath ? values.map((v) => Dexie.getByKeyPath(v as object, keyPath)) : await page.primaryKeys();
    yield { values, keys };
    if (values.length < COMPARE_PAGE) return;
    lastKey = keys[keys.length - 1];
  }
}

/**
 * Makes one table hold exactly `rows` (as exportDatabase writes them), inside the caller's
 * transaction: rows that are already stored as they are in the backup are not written again,
 * changed and missing ones are put, and rows the backup does not have are deleted. IndexedDB
 * writes (each row and each of its index entries) cost far more than reads here, and the usual
 * restore (yesterday's backup onto today's data) differs in a few rows. Returns the rows written.
 *
 * A backup Trellis wrote lists each table's rows in key order, as IndexedDB reads them: the
 * stored rows are read a page at a time and walked beside the backup's, and a page whose rows
 * are the backup's next ones, equal, is told by ONE comparison of two JSON texts (stored values
 * read back in the order they were written, as the backup's JSON was: equal rows give equal
 * text). Only a page that differs is compared row by row. Rows in any other order are compared
 * through a map by key.
 */
async function replaceRows(table: Table, rows: unknown[], inbound: boolean, onRows: (rows: number) => void): Promise<number> {
  const keyPath = table.schema.primKey.keyPath as string | string[] | null;
  const keyOf = (row: unknown): unknown => (inbound ? Dexie.getByKeyPath(row as object, keyPath as string) : (row as [unknown, unknown])[0]);
  const valueOf = (row: unknown): unknown => (inbound ? row : (row as [unknown, unknown])[1]);
  const backupKeys = rows.map(keyOf);
  if (!strictlyRising(backupKeys)) return replaceRowsByKey(table, rows, keyOf, valueOf, onRows);
  const put: number[] = [];
  const gone: unknown[] = [];
  let same = 0;
  // The next backup row not yet matched with a stored one.
  let next = 0;
  for await (const { values, keys } of storedPages(table)) {
    const n = values.length;
    const whole =
      next + n <= rows.length &&
      indexedDB.cmp(backupKeys[next], keys[0]) === 0 &&
      indexedDB.cmp(backupKeys[next + n - 1], keys[n - 1]) === 0 &&
      // An inbound row holds its key, so equal JSON means equal keys; an outbound table's keys are compared.
      (inbound || keys.every((key, i) => indexedDB.cmp(key, backupKeys[next + i]) === 0)) &&
      JSON.stringify(values) === JSON.stringify(inbound ? rows.slice(next, next + n) : rows.slice(next, next + n).map(valueOf));
    if (whole) {
      same += n;
      next += n;
    } else {
      for (const [i, value] of values.entries()) {
        while (next < rows.length && indexedDB.cmp(backupKeys[next], keys[i]) < 0) put.push(next++);
        if (next < rows.length && indexedDB.cmp(backupKeys[next], keys[i]) === 0) {
          if (JSON.stringify(valueOf(rows[next])) === JSON.stringify(value)) same += 1;
          else put.push(next);
          next += 1;
        } else gone.push(keys[i]);
      }
    }
  }
  while (next < rows.length) put.push(next++);
  if (gone.length) await table.bulkDelete(gone as IndexableTypePart[]);
  onRows(same);
  for (let i = 0; i < put.length; i += IMPORT_PAGE) {
    const page = put.slice(i, i + IMPORT_PAGE);
    if (inbound) await table.bulkPut(page.map((r) => rows[r]));
    else
      await table.bulkPut(
        page.map((r) => valueOf(rows[r])),
        page.map((r) => backupKeys[r] as IndexableTypePart),
      );
    onRows(page.length);
  }
  return put.length + gone.length;
}

/** replaceRows for rows in no particular order: the backup's rows by key, each stored row looked up. */
async function replaceRowsByKey(
  table: Table,
  rows: unknown[],
  keyOf: (row: unknown) => unknown,
  valueOf: (row: unknown) => unknown,
  onRows: (rows: number) => void,
): Promise<number> {
  const inbound = !!table.schema.primKey.keyPath;
  // The backup's rows by key (as JSON, which compares arrays and strings alike), each as JSON text.
  const wanted = new Map<string, { key: unknown; value: unknown; json: string }>();
  for (const row of rows) wanted.set(JSON.stringify(keyOf(row)), { key: keyOf(row), value: valueOf(row), json: JSON.stringify(valueOf(row)) });
  const gone: unknown[] = [];
  const same = new Set<string>();
  for await (const { values, keys } of storedPages(table)) {
    for (const [i, value] of values.entries()) {
      const id = JSON.stringify(keys[i]);
      const backup = wanted.get(id);
      if (!backup) gone.push(keys[i]);
      else if (backup.json === JSON.stringify(value)) same.add(id);
    }
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
