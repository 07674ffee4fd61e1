import type Dexie from 'dexie';

/** The Dexie version the code declares (before opening: the highest `version(n)`). */
export function declaredVersion(db: Dexie): number {
  return db.verno;
}

/** The version of the database as stored on disk, or null when there is none yet. */
export async function storedVersion(name: string): Promise<number | null> {
  const found = (await indexedDB.databases()).find((d) => d.name === name);
  // Dexie stores version n as IndexedDB version n × 10.
  return found?.version ? found.version / 10 : null;
}
