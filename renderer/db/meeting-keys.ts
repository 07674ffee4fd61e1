import Dexie from 'dexie';

import type { MeetingKind } from '../../shared/domain/meetings';
import type { MeetingRef, TrellisDatabase } from './database';

export type { MeetingRef } from './database';

/**
 * Reads of the [personId+date] and [seriesId+date] indexes that never load a meeting row (notes
 * can be long): key cursors hand back the index key and the primary key only.
 */
export async function newestRef(collection: MeetingRange): Promise<MeetingRef | null> {
  let found: MeetingRef | null = null;
  await collection
    .reverse()
    .limit(1)
    .eachKey((key, cursor) => {
      found = { id: cursor.primaryKey as string, date: (key as [string, string])[1] };
    });
  return found;
}

/** A person's meetings from `from` to `upTo` (both included), by [personId+date]. */
export const personMeetings = (
  db: TrellisDatabase,
  personId: string,
  upTo: string | typeof Dexie.maxKey = Dexie.maxKey,
  from: string | typeof Dexie.minKey = Dexie.minKey,
) => db.meetings.where('[personId+date]').between([personId, from], [personId, upTo], true, true);

export const seriesMeetings = (db: TrellisDatabase, seriesId: string, upTo: string | typeof Dexie.maxKey = Dexie.maxKey) =>
  db.meetings.where('[seriesId+date]').between([seriesId, Dexie.minKey], [seriesId, upTo], true, true);

export type MeetingRange = ReturnType<typeof personMeetings>;

/**
 * The date of a person's newest meeting of `kind` from `from` to `upTo` (both included): the last
 * key of [personId+kind+date], so no meeting row is loaded however long the history.
 */
export async function newestDateOfKind(
  db: TrellisDatabase,
  personId: string,
  kind: MeetingKind,
  upTo: string,
  from: string | typeof Dexie.minKey = Dexie.minKey,
): Promise<string | undefined> {
  const [newest] = await db.meetings
    .where('[personId+kind+date]')
    .between([personId, kind, from], [personId, kind, upTo], true, true)
    .reverse()
    .limit(1)
    .keys();
  return newest === undefined ? undefined : (newest as unknown as [string, MeetingKind, string])[2];
}

/**
 * Meeting id → date for the given meetings (those a screen labels "from 12 Nov"), in one batch of
 * gets: a handful of rows, instead of walking a person's whole history.
 */
export async function meetingDatesOf(db: TrellisDatabase, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.meetings.bulkGet(unique) : [];
  return new Map(rows.flatMap((m) => (m ? [[m.id, m.date] as const] : [])));
}
