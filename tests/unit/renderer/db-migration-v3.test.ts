import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { type ActionItemRow, TrellisDatabase } from '../../../renderer/db/database';
import { actionItemsForMeeting, compareActionItems } from '../../../shared/domain/carry-over';
import type { Meeting } from '../../../shared/domain/meetings';
import { createDatabaseAt } from '../../support/schema-history';

/**
 * One team as Trellis 0.1.0 (Dexie version 2) stored it: people, a team, a mentor, series, the
 * last meetings of each with notes, a meeting outside any series, action items (open, overdue,
 * done), queued and placed talking points and a user template. Version 3 adds indexes and fills
 * each series' newest meeting; nothing else may change. Made once from the sample
 * generator (small, seed "v2-fixture", today 2026-03-16) and frozen here: later changes to the
 * generator do not change it.
 */
type Fixture = Record<'people' | 'teams' | 'relationships' | 'series' | 'meetings' | 'actionItems' | 'talkingPoints' | 'templates', { id: string }[]>;
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v2-one-team.json', import.meta.url), 'utf8')) as Fixture;
const TODAY = '2026-03-16';

/** Writes the fixture with the schema exactly as released (versions 1 and 2). */
const createV2Database = (name: string) => createDatabaseAt(name, [1, 2], fixture);

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('database version 3', () => {
  it('upgrades a version 2 database, keeps every row exactly as it was, and answers the new index queries', async () => {
    const name = `migration-v3-${crypto.randomUUID()}`;
    await createV2Database(name);
    const db = new TrellisDatabase(name);
    await db.open();
    // Opened at the newest version: 3's upgrade ran, and any later one (they only add tables) after it.
    expect(db.verno).toBeGreaterThanOrEqual(3);
    const meetings = fixture.meetings as Meeting[];
    for (const [table, rows] of Object.entries(fixture)) {
      if (table === 'series') continue;
      expect(byId(await db.table(table).toArray()), table).toEqual(byId(rows));
    }
    // Series keep every field and learn their newest meeting, so Today need not look for it.
    const newest = (seriesId: string) => {
      const own = meetings.filter((m) => m.seriesId === seriesId).sort((a, b) => b.date.localeCompare(a.date));
      return own[0] ? { id: own[0].id, date: own[0].date } : null;
    };
    expect(byId(await db.series.toArray())).toEqual(byId(fixture.series.map((s) => ({ ...s, latestMeeting: newest(s.id) }))));
    expect((await db.series.toArray()).every((s) => s.latestMeeting)).toBe(true);

    const items = fixture.actionItems as ActionItemRow[];
    const overdue = items.filter((a) => !a.done && a.due !== undefined && a.due < TODAY);
    expect(overdue.length).toBeGreaterThan(3);
    const repos = createRepositories(db);
    const capped = await repos.actionItems.overdue(TODAY, 3);
    expect(capped.more).toBe(true);
    expect(await repos.actionItems.overdueCount(TODAY)).toBe(overdue.length);
    expect(capped.items.map((a) => a.id)).toEqual(
      overdue
        .sort(compareActionItems)
        .slice(0, 3)
        .map((a) => a.id),
    );
    expect(capped.items[0]).not.toHaveProperty('open');

    // [personId+doneAt] was built from the old rows: a meeting shows the items closed since it began.
    for (const meeting of meetings) {
      const mine = items.filter((a) => a.personId === meeting.personId).map(({ open: _open, ...a }) => a);
      const dates = new Map(meetings.filter((m) => m.personId === meeting.personId).map((m) => [m.id, m.date]));
      const expected = actionItemsForMeeting(meeting, mine, dates).sort(compareActionItems);
      expect(await repos.actionItems.forMeeting(meeting), meeting.id).toEqual(expected);
    }

    // [personId+createdAt] too: a timeline of someone's newest meetings gets their items.
    const someone = meetings[0]!.personId;
    const theirs = meetings.filter((m) => m.personId === someone);
    const ids = new Set(theirs.map((m) => m.id));
    expect(new Set((await repos.actionItems.forMeetings(someone, theirs)).map((a) => a.id))).toEqual(
      new Set(items.filter((a) => ids.has(a.meetingId)).map((a) => a.id)),
    );

    // The meeting outside any series still carries over into the next one started without a series.
    const loose = meetings.find((m) => m.seriesId === null)!;
    const next = await repos.meetings.start({ personId: loose.personId, seriesId: null, kind: 'career', date: TODAY });
    expect(next.agenda).toEqual([expect.objectContaining({ text: 'Promotion timeline', carriedFromMeetingId: loose.id })]);
    db.close();
  });
});
