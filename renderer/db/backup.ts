/**
 * The database side of backups: export every table as stored, check an export before a
 * restore, and replace the data all-or-nothing. Tables are never listed here: they come from
 * the schema (`db.tables`), so a table added in a new Dexie version is backed up and restored
 * without touching this file. No IPC here; features/settings/backup-actions.ts moves the text.
 */
import Dexie, { type Table } from 'dexie';
import { exportDB, importDB, importInto } from 'dexie-export-import';

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

/**
 * Exports every table in one read transaction (a consistent snapshot) and hands the JSON to
 * `write` in pieces of at most `chunkChars` characters, never cutting a character in two.
 */
export async function exportDatabase(
  db: Dexie,
  write: (chunk: string) => Promise<void>,
  options: { chunkChars: number; onProgress?: (p: ExportProgress) => void },
): Promise<DatabaseFacts> {
  const counts = new Map<string, number>(db.tables.map((t) => [t.name, 0]));
  const dates = dateRangeTracker();
  const blob = await exportDB(db, {
    prettyJson: false,
    numRowsPerChunk: 2000,
    filter: (table, value) => {
      counts.set(table, (counts.get(table) ?? 0) + 1);
      dates.observe(value);
      return true;
    },
    progressCallback: ({ completedRows, totalRows }) => {
      options.onProgress?.({ phase: 'reading', fraction: totalRows ? completedRows / totalRows : 0 });
      return true;
    },
  });
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder();
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
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    sent += value.byteLength;
    pending += decoder.decode(value, { stream: true });
    await flush(false);
    options.onProgress?.({ phase: 'saving', fraction: blob.size ? sent / blob.size : 1 });
  }
  pending += decoder.decode();
  await flush(true);
  const tables: TableFacts[] = db.tables.map((t) => ({ name: t.name, schema: schemaString(t), rows: counts.get(t.name) ?? 0 }));
  return { name: db.name, version: db.verno, tables, dataRange: dates.range() };
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

/** A dexie-export-import stream over an export already in memory: import without awaiting a file. */
function loadedStream(json: DexieExport) {
  return { result: json, done: () => true, eof: () => true, pullAsync: async () => json, pullSync: () => json };
}

export interface RestoreOptions {
  /** Opens the code's own database class on a name (runs its migrations): for older backups. */
  openWithCode: (name: string) => Dexie;
  onProgress?: (fraction: number) => void;
}

/** An older backup is imported into a scratch database, migrated by the code's upgrades, re-exported. */
async function migrate(json: DexieExport, openWithCode: RestoreOptions['openWithCode']): Promise<DexieExport> {
  const scratch = `${json.data.databaseName}-restore-${crypto.randomUUID()}`;
  try {
    const imported = await importDB(loadedStream(json) as never, { name: scratch });
    imported.close();
    const migrated = openWithCode(scratch);
    await migrated.open();
    const blob = await exportDB(migrated, { prettyJson: false });
    migrated.close();
    const upgraded = JSON.parse(await blob.text()) as DexieExport;
    upgraded.data.databaseName = json.data.databaseName;
    return upgraded;
  } finally {
    await Dexie.delete(scratch);
  }
}

/**
 * Replaces every table of the stored database with the backup's rows in ONE transaction with
 * strict durability: if anything fails (a full disk, a closed window, a bug), IndexedDB rolls
 * the whole transaction back and the current data stays exactly as it was.
 */
export async function restoreDatabase(name: string, parsed: DexieExport, options: RestoreOptions): Promise<void> {
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
    await target.transaction('rw', target.tables, async () => {
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
    });
  } finally {
    target.close();
  }
}
