/** What a backup's database part is: dexie-export-import's JSON, and the schema it is checked against. */
import Dexie, { type Table } from 'dexie';

import { STRICT_DURABILITY } from './durability';

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
