import 'fake-indexeddb/auto';

import { liveQuery } from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';

import { createRepositories, type Repositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { DatabaseNotEmptyError, loadSample } from '../../../renderer/db/sample';
import { seriesRowsData } from '../../../renderer/features/one-on-ones/hooks';
import { seriesHealth } from '../../../shared/domain/cadence';
import { actionItemsForMeeting, compareActionItems } from '../../../shared/domain/carry-over';
import type { ActionItem, Meeting } from '../../../shared/domain/meetings';
import { generateSample, type SampleData } from '../../../shared/sample';
import { countReads } from '../../support/read-counter';

/**
 * The narrow queries the screens use, checked against the same answers computed the slow way
 * (everything in memory) over the medium sample: 29 series, 3,000 meetings, 15,000 action items.
 */
const TODAY = '2026-11-18';
let sample: SampleData;
let db: TrellisDatabase;
let repos: Repositories;
let reads: ReturnType<typeof countReads>;

const byDateDesc = (a: Meeting, b: Meeting) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);
const meetingsOf = (personId: string) => sample.tables.meetings.filter((m) => m.personId === personId).sort(byDateDesc);

beforeAll(async () => {
  sample = generateSample({ size: 'medium', seed: 'queries', today: TODAY });
  db = new TrellisDatabase(`scale-${crypto.randomUUID()}`);
  reads = countReads(db);
  repos = createRepositories(db, () => new Date(`${TODAY}T12:00:00Z`));
  await loadSample(db, sample);
}, 120_000);

/** The person with the longest history, and one who has barely started. */
function longestAndShortest() {
  const counts = new Map<string, number>();
  for (const m of sample.tables.meetings) counts.set(m.personId, (counts.get(m.personId) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return { longest: sorted[0]!, shortest: sorted.at(-1)! };
}

describe('loading a sample', () => {
  it('writes every generated row and refuses a database that already has data', async () => {
    expect(await db.meetings.count()).toBe(3000);
    expect(await db.actionItems.count()).toBe(15_000);
    expect(await db.actionItems.filter((a) => a.open === 1).count()).toBe(1500);
    await expect(loadSample(db, sample)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await db.meetings.count()).toBe(3000);
  });
});

describe('latest meeting of each series', () => {
  const expected = (seriesId: string) => {
    const own = sample.tables.meetings.filter((m) => m.seriesId === seriesId).sort(byDateDesc);
    const held = own.find((m) => m.date <= TODAY);
    return { lastHeld: held ? { id: held.id, date: held.date } : null, newest: own[0] ? { id: own[0].id, date: own[0].date } : null };
  };

  it('gives every series its last meeting held by today and its newest from the series rows, reading no meeting', async () => {
    const rows = await repos.series.rows();
    reads.reset();
    const activity = await repos.meetings.seriesActivity(rows, TODAY);
    expect(reads.requests('meetings')).toBe(0);
    for (const s of rows) {
      expect(activity.get(s.id), s.id).toEqual(expected(s.id));
      // Overdue computed from it is what it was from the whole history.
      const own = sample.tables.meetings.filter((m) => m.seriesId === s.id);
      const from = activity.get(s.id)!.lastHeld;
      expect(seriesHealth(s, from ? [from.date] : [], TODAY)).toEqual(
        seriesHealth(
          s,
          own.map((m) => m.date),
          TODAY,
        ),
      );
    }
    const overdue = rows.filter((s) => !s.archived && seriesHealth(s, [activity.get(s.id)!.lastHeld?.date ?? ''].filter(Boolean), TODAY).overdue);
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('reads the [seriesId+date] index, keys only, for a series row that does not know its newest meeting', async () => {
    const rows = (await repos.series.rows()).map(({ id }) => ({ id }));
    reads.reset();
    const activity = await repos.meetings.seriesActivity(rows, TODAY);
    expect(reads.of('meetings')).toBe(0);
    expect(reads.requests('meetings')).toBeLessThanOrEqual(rows.length * 2);
    for (const { id } of rows) expect(activity.get(id), id).toEqual(expected(id));
  });

  it('keeps each series’ newest meeting as meetings are started ahead of time and deleted', async () => {
    const s = (await repos.series.list()).find((x) => !x.archived)!;
    const row = async () => (await repos.series.rows()).find((r) => r.id === s.id)!;
    const before = (await repos.meetings.seriesActivity([await row()], TODAY)).get(s.id)!;
    const ahead = await repos.meetings.start({ personId: s.personId, seriesId: s.id, kind: s.kind, date: '2026-12-30' });
    expect((await row()).latestMeeting).toEqual({ id: ahead.id, date: '2026-12-30' });
    // The meeting opened ahead is the newest; the series still last met when it did.
    expect((await repos.meetings.seriesActivity([await row()], TODAY)).get(s.id)).toEqual({
      lastHeld: before.lastHeld,
      newest: { id: ahead.id, date: '2026-12-30' },
    });
    await repos.meetings.remove(ahead.id);
    expect((await row()).latestMeeting).toEqual(before.newest);
    // The series screens never see the stored-only field.
    expect(await repos.series.get(s.id)).not.toHaveProperty('latestMeeting');
  });
});

describe('overdue action items', () => {
  const overdueInMemory = () => sample.tables.actionItems.filter((a) => !a.done && a.due !== undefined && a.due < TODAY).sort(compareActionItems);

  it('returns the most overdue up to the cap with the true total, from one index range', async () => {
    const all = overdueInMemory();
    expect(all.length).toBeGreaterThan(200);
    reads.reset();
    const capped = await repos.actionItems.overdue(TODAY, 50);
    expect(reads.of('actionItems')).toBe(51);
    expect(reads.requests('actionItems')).toBe(1);
    expect(capped.more).toBe(true);
    expect(await repos.actionItems.overdueCount(TODAY)).toBe(all.length);
    expect(capped.items).toHaveLength(50);
    // Most overdue first; ties on the due date may come in either order at the cap.
    expect(capped.items.map((a) => a.due)).toEqual(all.slice(0, 50).map((a) => a.due));
    expect(capped.items.every((a) => !a.done && a.due! < TODAY)).toBe(true);
    const everything = await repos.actionItems.overdue(TODAY, 100_000);
    expect(everything.more).toBe(false);
    expect(new Set(everything.items.map((a) => a.id))).toEqual(new Set(all.map((a) => a.id)));
    expect((await repos.actionItems.overdue(TODAY, all.length)).more).toBe(false);
    expect((await repos.actionItems.overdue(TODAY, all.length - 1)).more).toBe(true);
  });

  it('drops an item from the list as soon as it is done', async () => {
    const first = (await repos.actionItems.overdue(TODAY, 1)).items[0]!;
    const before = await repos.actionItems.overdueCount(TODAY);
    await repos.actionItems.setDone(first.id, true);
    const after = await repos.actionItems.overdue(TODAY, 1);
    expect(await repos.actionItems.overdueCount(TODAY)).toBe(before - 1);
    expect(after.items[0]?.id).not.toBe(first.id);
    await repos.actionItems.setDone(first.id, false);
    expect(await repos.actionItems.overdueCount(TODAY)).toBe(before);
  });
});

describe('a person’s history', () => {
  it('reads the newest meetings in reverse with a limit', async () => {
    const { longest } = longestAndShortest();
    const [personId, count] = longest;
    expect(count).toBeGreaterThan(150);
    reads.reset();
    const page = await repos.meetings.historyForPerson(personId, 40);
    // A jump to the 40th newest date, then one read: a few requests, not one per meeting.
    expect(reads.of('meetings')).toBeLessThanOrEqual(41);
    expect(reads.requests('meetings')).toBeLessThanOrEqual(4);
    expect(page.map((m) => m.id)).toEqual(
      meetingsOf(personId)
        .slice(0, 40)
        .map((m) => m.id),
    );
    expect(await repos.meetings.historyForPerson(personId, 10_000)).toHaveLength(count);
    reads.reset();
    const items = await repos.actionItems.forMeetings(personId, page);
    const ids = new Set(page.map((m) => m.id));
    const expectedItems = sample.tables.actionItems.filter((a) => ids.has(a.meetingId));
    expect(new Set(items.map((a) => a.id))).toEqual(new Set(expectedItems.map((a) => a.id)));
    // Only the items since the window began, not the person's whole history of items.
    expect(reads.of('actionItems')).toBeLessThan(expectedItems.length * 1.5);
    expect(reads.requests('actionItems')).toBe(1);
  });

  it('finds the last meeting held, and the dates of the meetings a screen names, without reading the history', async () => {
    for (const [personId] of Object.values(longestAndShortest())) {
      const mine = meetingsOf(personId);
      reads.reset();
      const last = await repos.meetings.lastHeldForPerson(personId, TODAY);
      expect(reads.of('meetings')).toBeLessThanOrEqual(2);
      expect(reads.requests('meetings')).toBeLessThanOrEqual(4);
      expect(last?.id).toBe(mine.find((m) => m.date <= TODAY)?.id);
      const named = mine.slice(0, 5).map((m) => m.id);
      reads.reset();
      expect(await repos.meetings.datesOf([...named, ...named, 'gone'])).toEqual(new Map(mine.slice(0, 5).map((m) => [m.id, m.date])));
      expect(reads.of('meetings')).toBe(named.length);
    }
  });

  it('shows each meeting the same action items as a scan of all the person’s items would', async () => {
    const { longest } = longestAndShortest();
    const mine = meetingsOf(longest[0]);
    const items: ActionItem[] = sample.tables.actionItems.filter((a) => a.personId === longest[0]);
    const dates = new Map(mine.map((m) => [m.id, m.date]));
    for (const meeting of [mine[0]!, mine[1]!, mine[10]!, mine[Math.floor(mine.length / 2)]!, mine.at(-1)!]) {
      const shown = await repos.actionItems.forMeeting(meeting);
      expect(shown).toEqual(actionItemsForMeeting(meeting, items, dates).sort(compareActionItems));
    }
    // The dates the meeting screen labels ("from 12 Nov") come with them: items' and carried points' origins.
    const carrying = mine.find((m) => m.agenda.some((a) => a.carriedFromMeetingId))!;
    const { items: shownThere, meetingDates } = await repos.actionItems.forMeetingWithOrigins(carrying);
    for (const origin of [...carrying.agenda.flatMap((a) => a.carriedFromMeetingId ?? []), ...shownThere.map((a) => a.meetingId)]) {
      if (origin !== carrying.id) expect(meetingDates.get(origin)).toBe(dates.get(origin));
    }
    // The newest meeting reads what it shows, not the person's 5-year history of items or meetings.
    reads.reset();
    const shown = await repos.actionItems.forMeeting(mine[0]!);
    expect(reads.of('actionItems')).toBeLessThan(items.length / 5);
    expect(reads.of('meetings')).toBeLessThanOrEqual(
      new Set([...shown.map((a) => a.meetingId), ...mine[0]!.agenda.flatMap((a) => a.carriedFromMeetingId ?? [])]).size,
    );
  });
});

describe('starting a meeting', () => {
  it('reads a handful of rows inside its transaction, however long the history, and carries over as before', async () => {
    const { longest } = longestAndShortest();
    const personId = longest[0];
    const series = (await repos.series.forPerson(personId))[0]!;
    const previous = meetingsOf(personId).find((m) => m.seriesId === series.id && m.date <= TODAY)!;
    await db.meetings.update(previous.id, { agenda: [...previous.agenda, { id: 'left-open', text: 'Still to discuss', author: 'them', done: false }] });
    reads.reset();
    const started = await repos.meetings.start({ personId, seriesId: series.id, kind: series.kind, date: '2026-11-19' });
    expect(reads.of('meetings')).toBeLessThanOrEqual(3);
    expect(started.agenda).toContainEqual(expect.objectContaining({ text: 'Still to discuss', carriedFromMeetingId: previous.id }));
    // Asking again for the same day opens the same meeting.
    expect((await repos.meetings.start({ personId, seriesId: series.id, kind: series.kind, date: '2026-11-19' })).id).toBe(started.id);
    await repos.meetings.remove(started.id);
  });
});

describe('live queries', () => {
  it('an autosave of notes re-runs the meeting screen’s query, not the lists of Today, 1:1s or the person page', async () => {
    const { longest } = longestAndShortest();
    const meeting = meetingsOf(longest[0])[0]!;
    const runs = { series: 0, personSeries: 0, overdue: 0, meeting: 0 };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
    const subscriptions = [
      liveQuery(() => seriesRowsData(repos, TODAY)).subscribe(() => runs.series++),
      liveQuery(() => seriesRowsData(repos, TODAY, longest[0])).subscribe(() => runs.personSeries++),
      liveQuery(() => repos.actionItems.overdue(TODAY, 50)).subscribe(() => runs.overdue++),
      liveQuery(() => repos.meetings.get(meeting.id)).subscribe(() => runs.meeting++),
    ];
    try {
      await settle();
      expect(runs).toEqual({ series: 1, personSeries: 1, overdue: 1, meeting: 1 });
      for (const text of ['Agreed', 'Agreed: ship it', 'Agreed: ship it on Monday']) {
        await repos.meetings.saveNotes(meeting.id, { sharedNotes: text });
        await settle();
      }
      expect(runs).toEqual({ series: 1, personSeries: 1, overdue: 1, meeting: 4 });
      // Starting a meeting does change what the lists show: they follow.
      const s = (await repos.series.forPerson(longest[0]))[0]!;
      const started = await repos.meetings.start({ personId: s.personId, seriesId: s.id, kind: s.kind, date: '2026-11-20' });
      await settle();
      expect(runs.series).toBe(2);
      expect(runs.personSeries).toBe(2);
      await repos.meetings.remove(started.id);
    } finally {
      for (const sub of subscriptions) sub.unsubscribe();
    }
  });
});
