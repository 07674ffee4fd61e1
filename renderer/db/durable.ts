import type Dexie from 'dexie';

import { STRICT_DURABILITY } from './durability';

const connections = new WeakMap<Dexie, Dexie>();

/**
 * A second connection to the same database whose write transactions ask Chromium to flush to
 * disk before they report success (`chromeTransactionDurability: 'strict'`), for bulk writes
 * such as imports. Same class, so it has the same schema; live queries on the first connection
 * see its changes.
 */
export function durable<T extends Dexie>(db: T): T {
  let strict = connections.get(db) as T | undefined;
  if (!strict) {
    const Database = db.constructor as new (name: string, options: typeof STRICT_DURABILITY) => T;
    strict = new Database(db.name, STRICT_DURABILITY);
    // Another window or a newer Trellis upgrading the database: get out of its way.
    strict.on('versionchange', () => {
      strict!.close();
      connections.delete(db);
      return false;
    });
    connections.set(db, strict);
  }
  return strict;
}
