import Dexie, { type EntityTable } from 'dexie';

import type { ActionItem, Meeting, MeetingTemplate, Series, TalkingPoint } from '../../shared/domain/meetings';
import type { Person } from '../../shared/domain/person';
import type { Relationship } from '../../shared/domain/relationships';
import type { Team } from '../../shared/domain/team';

export const DATABASE_NAME = 'trellis';

/**
 * Action items as stored: `open` mirrors `done` as 1/0 because IndexedDB cannot index booleans,
 * and "open items of Alex" / "all open items" are the queries the 1:1 screens run.
 */
export type ActionItemRow = ActionItem & { open: 0 | 1 };

/**
 * The local database. Released versions are never edited (docs/data-migrations.md): every
 * schema change is a new `this.version(n)` with an upgrade and a test from old data.
 */
export class TrellisDatabase extends Dexie {
  people!: EntityTable<Person, 'id'>;
  teams!: EntityTable<Team, 'id'>;
  relationships!: EntityTable<Relationship, 'id'>;
  series!: EntityTable<Series, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  actionItems!: EntityTable<ActionItemRow, 'id'>;
  talkingPoints!: EntityTable<TalkingPoint, 'id'>;
  /** User-made templates and the user's edits of built-in ones (same id as the built-in). */
  templates!: EntityTable<MeetingTemplate, 'id'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Version 1 (released in 0.1.0). Booleans are not indexable in IndexedDB: `archived` is filtered in memory.
    this.version(1).stores({
      people: 'id, name, email, managerId, updatedAt',
    });
    // Version 2: teams, relationships and 1:1s. Only new tables and one new index on people,
    // so existing rows need no rewriting (people without `teamId` simply have no team).
    this.version(2).stores({
      people: 'id, name, email, managerId, teamId, updatedAt',
      teams: 'id, name',
      relationships: 'id, fromId, toId, kind',
      series: 'id, personId, [personId+kind]',
      meetings: 'id, personId, seriesId, date, [personId+date], [seriesId+date]',
      actionItems: 'id, personId, meetingId, open, [personId+open], due',
      talkingPoints: 'id, personId, meetingId',
      templates: 'id, name',
    });
  }
}

export type DatabaseEvents = {
  /** Runs before the database closes for an upgrade elsewhere: pending autosaves are written first. */
  beforeClose?: () => Promise<unknown>;
  /** Another window or a newer Trellis wants to upgrade the database: we closed it. */
  onVersionChange?: () => void;
  /** An older connection elsewhere blocks our upgrade. */
  onBlocked?: () => void;
};

export function openDatabase(events: DatabaseEvents = {}, name?: string): TrellisDatabase {
  const db = new TrellisDatabase(name);
  db.on('versionchange', () => {
    // Save what is pending, then let the upgrade go ahead; `beforeClose` bounds its own wait.
    void Promise.resolve(events.beforeClose?.())
      .catch(() => {})
      .finally(() => {
        db.close();
        events.onVersionChange?.();
      });
    return false;
  });
  db.on('blocked', () => events.onBlocked?.());
  return db;
}
