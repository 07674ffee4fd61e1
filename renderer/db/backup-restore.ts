/** Checks an export against its manifest and this Trellis's schema, and replaces the data all-or-nothing. */
import Dexie from 'dexie';
import { importDB, importInto } from 'dexie-export-import';

import type { DatabaseFacts } from '../../shared/backup';
import { type TableChanges, TableDiff } from './backup-diff';
import { BackupDataError } from './backup-errors';
import { exportDatabase, exportHere, ExportText, readStoredPages } from './backup-export';
import { Outbox } from './backup-outbox';
import { type DexieExport, openAsStored, sameTables, schemaOf } from './backup-schema';
import { NATIVE_STRICT_DURABILITY } from './durability';
import { abortAndWait, countRows, requested, transactionDone } from './idb-native';
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
  /** 0…1 of the phase: replacing the rows, then (with `safety`) saving the backup of the current data. */
  onProgress?: (fraction: number, phase: 'replacing' | 'saving') => void;
  /** Back up the current data from the restore's own read of it, before it is replaced. */
  safety?: SafetyBackup;
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

/**
 * Characters of JSON one read request brings while a restore compares the stored rows with the
 * backup's: larger than the page's export default, as the restore's read is the backup of the
 * current data too, and each request is a round trip to IndexedDB. The user watches the restore's
 * progress meanwhile; a page this size is a task of some tens of milliseconds.
 */
const RESTORE_PAGE_CHARS = 2 * 1024 * 1024;

/** The backup of the current data that a restore makes from its own read of it (see restoreDatabase). */
export interface SafetyBackup {
  write: (chunk: string) => Promise<void>;
  chunkChars: number;
  /** Saves the backup (and whatever must follow it before the data is replaced); the restore commits once it resolves. */
  finish: (facts: DatabaseFacts) => Promise<void>;
}

export interface RestoreStats {
  /** Rows in the backup. */
  rows: number;
  /** Rows put or deleted: the rest were stored as they are in the backup already. */
  written: number;
}

/**
 * Keeps `tx` from committing until `work` settles, by asking it for one missing row at a time:
 * IndexedDB commits a transaction as soon as nothing more is asked of it, and a call to main is
 * not an IndexedDB request. (Dexie.waitFor does the same for Dexie's transactions.)
 */
async function holdOpen<T>(store: IDBObjectStore, work: Promise<T>): Promise<T> {
  let over = false;
  const settled = work.then(
    () => void (over = true),
    () => void (over = true),
  );
  await new Promise<void>((resolve, reject) => {
    const ask = () => {
      if (over) return resolve();
      const request = store.get(-Infinity);
      request.onsuccess = ask;
      request.onerror = () => reject(request.error ?? new Error('The restore lost its transaction'));
    };
    ask();
  });
  await settled;
  return work;
}

/**
 * Writes a table's changes inside the restore's transaction: deletes, then puts, IMPORT_PAGE
 * requests at a time (IndexedDB runs a transaction's requests in order, so the last one's
 * success means the page is written). A failed request aborts the transaction.
 */
async function writeChanges(store: IDBObjectStore, diff: TableDiff, changes: TableChanges, onRows: (rows: number) => void): Promise<void> {
  let last: IDBRequest | null = null;
  for (const key of changes.gone) last = store.delete(key);
  for (let i = 0; i < changes.put.length; i += IMPORT_PAGE) {
    const page = changes.put.slice(i, i + IMPORT_PAGE);
    for (const index of page) {
      const { value, key } = diff.entry(index);
      last = key === undefined ? store.put(value) : store.put(value, key);
    }
    await requested(last!);
    last = null;
    onRows(page.length);
  }
  if (last) await requested(last);
}

/**
 * Replaces every table of the stored database with the backup's rows in ONE transaction with
 * strict durability: if anything fails (a full disk, a closed window, a bug), IndexedDB rolls
 * the whole transaction back and the current data stays exactly as it was.
 *
 * With `safety`, that same transaction's read of the current rows is also the backup of them:
 * each table is read once, its JSON goes to `safety.write` while it is compared with the
 * backup's rows, and only then are its changes written. The transaction is held open until
 * `safety.finish` has saved that backup, so the data is replaced only once a backup of it exists;
 * a backup that cannot be saved aborts the restore.
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
    const total = json.data.data.reduce((n, part) => n + part.rows.length, 0);
    if (needsTypeson(json)) {
      await importTyped(target, json, options);
      return { rows: total, written: total };
    }
    return { rows: total, written: await replaceAll(target, json, total, options) };
  } finally {
    target.close();
  }
}

/** A file whose rows carry types JSON has no words for (not one Trellis writes): the library's own import, after the backup. */
async function importTyped(target: Dexie, json: DexieExport, options: RestoreOptions): Promise<void> {
  const { safety } = options;
  if (safety) await safety.finish(await exportDatabase(target, safety.write, { chunkChars: safety.chunkChars }));
  await target.transaction('rw', target.tables, () =>
    importInto(target, loadedStream(json) as never, {
      noTransaction: true,
      clearTablesBeforeImport: true,
      // A backup restores into Trellis's database whatever it was called where it was made.
      acceptNameDiff: true,
      progressCallback: ({ completedRows, totalRows }) => {
        options.onProgress?.(totalRows ? completedRows / totalRows : 1, 'replacing');
        return true;
      },
    }),
  );
}

/**
 * Plain rows, as exportDatabase writes them: each table read (and backed up), compared, and made
 * equal to the backup's `total` rows. Returns the rows put or deleted.
 */
async function replaceAll(target: Dexie, json: DexieExport, total: number, options: RestoreOptions): Promise<number> {
  const { safety } = options;
  const rowsOf = new Map(json.data.data.map((part) => [part.tableName, part]));
  const names = target.tables.map((t) => t.name);
  const tx = target.backendDB().transaction(names, 'readwrite', NATIVE_STRICT_DURABILITY);
  const done = transactionDone(tx, 'The restore could not write the database');
  const out = safety ? new Outbox(safety.write, safety.chunkChars, (taken, all) => options.onProgress?.(all ? Math.min(1, taken / all) : 1, 'saving')) : null;
  let written = 0;
  try {
    const stored = await countRows(tx, names);
    const work = stored.reduce((a, b) => a + b, 0) + total;
    let doneWork = 0;
    const progress = (rows: number) => {
      doneWork += rows;
      options.onProgress?.(work ? doneWork / work : 1, 'replacing');
    };
    const text = out && new ExportText(target, out, stored);
    for (const name of names) {
      const store = tx.objectStore(name);
      const part = rowsOf.get(name);
      const rows = part?.rows ?? [];
      const inbound = part?.inbound ?? store.keyPath !== null;
      if (inbound !== (store.keyPath !== null)) throw new BackupDataError(`The backup is damaged: the rows of table ${name} do not match its keys.`);
      const diff = new TableDiff(rows, store.keyPath);
      text?.beginTable(name, inbound);
      await readStoredPages(store, RESTORE_PAGE_CHARS, (page) => {
        text?.page(page);
        diff.page(page);
        progress(page.values.length);
      });
      text?.endTable();
      const changes = diff.end();
      progress(changes.same);
      await writeChanges(store, diff, changes, progress);
      written += changes.put.length + changes.gone.length;
    }
    if (out && text && safety) {
      const facts = text.end();
      const start = performance.now();
      await holdOpen(
        tx.objectStore(names[0]!),
        out.flush().then(() => safety.finish(facts)),
      );
      // For the bench: the time the transaction waited for the backup of the current data to be saved.
      performance.measure('trellis:restore:held-for-backup', { start, end: performance.now() });
    }
  } catch (error) {
    await abortAndWait(tx, done);
    throw error;
  }
  await done;
  return written;
}
