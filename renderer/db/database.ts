import Dexie, { type EntityTable } from 'dexie';
import type { Person } from '../../shared/domain/person';

export const DATABASE_NAME = 'trellis';

/**
 * The local database. Released versions are never edited (docs/data-migrations.md): every
 * schema change is a new `this.version(n)` with an upgrade and a test from old data.
 */
export class TrellisDatabase extends Dexie {
  people!: EntityTable<Person, 'id'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Version 1 (released in 0.1.0). Booleans are not indexable in IndexedDB: `archived` is filtered in memory.
    this.version(1).stores({
      people: 'id, name, email, managerId, updatedAt',
    });
  }
}

export type DatabaseEvents = {
  /** Another window or a newer Trellis wants to upgrade the database: we closed it. */
  onVersionChange?: () => void;
  /** An older connection elsewhere blocks our upgrade. */
  onBlocked?: () => void;
};

export function openDatabase(events: DatabaseEvents = {}, name?: string): TrellisDatabase {
  const db = new TrellisDatabase(name);
  db.on('versionchange', () => {
    db.close();
    events.onVersionChange?.();
    return false;
  });
  db.on('blocked', () => events.onBlocked?.());
  return db;
}
