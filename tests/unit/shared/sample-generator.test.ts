import { describe, expect, it } from 'vitest';

import { firstOccurrence } from '../../../shared/domain/cadence';
import { wouldCreateCycle } from '../../../shared/domain/org';
import {
  generateSample,
  type SampleData,
  type SampleModule,
  sampleModules,
  sampleSizes,
  sampleTableNames,
  sampleTableSchemas,
  SampleValidationError,
  validateSample,
  wordCount,
} from '../../../shared/sample';
import { apportion, Random } from '../../../shared/sample/random';

const TODAY = '2026-11-16';
const counts = (s: SampleData) => Object.fromEntries(sampleTableNames.map((t) => [t, s.tables[t].length]));
const dayMs = 86_400_000;
const yearsBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / dayMs / 365.25;

/** The invariants a real Trellis database keeps, checked on a generated one (problems collected, one expect). */
function expectConsistent(s: SampleData) {
  const { people, series, meetings, actionItems, talkingPoints, teams, relationships, assessments } = s.tables;
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => void (ok || problems.length > 20 || problems.push(what));
  const personIds = new Set(people.map((p) => p.id));
  const teamIds = new Set(teams.map((t) => t.id));
  // Emails and names are unique, managers exist, nobody manages themselves round a loop.
  check(new Set(people.map((p) => p.email)).size === people.length, 'emails are unique');
  check(
    people
      .filter((p) => p.managerId === null)
      .map((p) => p.id)
      .join() === s.meId,
    'only the user has no manager',
  );
  for (const p of people) {
    if (p.managerId) check(personIds.has(p.managerId) && !wouldCreateCycle(people, p.id, p.managerId), `manager of ${p.id}`);
    if (p.teamId) check(teamIds.has(p.teamId), `team of ${p.id}`);
    check(p.levelSince! >= p.startDate!, `level since of ${p.id}`);
  }
  for (const r of relationships) check(personIds.has(r.fromId) && personIds.has(r.toId) && r.fromId !== r.toId, `relationship ${r.id}`);
  // One weekly series with everyone but the user; meetings fall on its weekday, from its start.
  const seriesById = new Map(series.map((x) => [x.id, { series: x, first: firstOccurrence(x) }]));
  check(
    series
      .map((x) => x.personId)
      .sort()
      .join() ===
      people
        .filter((p) => p.id !== s.meId)
        .map((p) => p.id)
        .sort()
        .join(),
    'one series per person but the user',
  );
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const pointsById = new Map(talkingPoints.map((p) => [p.id, p]));
  for (const m of meetings) {
    const own = seriesById.get(m.seriesId!);
    check(own?.series.personId === m.personId, `series of meeting ${m.id}`);
    check(m.date >= own!.first && m.date <= s.today, `date of meeting ${m.id}`);
    check((new Date(`${m.date}T00:00:00Z`).getUTCDay() || 7) === own!.series.weekday, `weekday of meeting ${m.id}`);
    for (const item of m.agenda) {
      if (item.carriedFromMeetingId) check(meetingById.get(item.carriedFromMeetingId)!.date < m.date, `carried item ${item.id}`);
      if (item.fromTalkingPointId) check(pointsById.get(item.fromTalkingPointId)?.meetingId === m.id, `queued item ${item.id}`);
    }
  }
  // Action items belong to a meeting of the same person; done ones were done after they were agreed.
  for (const a of actionItems) {
    check(meetingById.get(a.meetingId)?.personId === a.personId, `meeting of item ${a.id}`);
    check(a.done ? a.doneAt! >= a.createdAt && a.doneAt!.slice(0, 10) <= s.today : a.doneAt === undefined, `done state of item ${a.id}`);
  }
  // Nothing was written after today: an assessment of the half-year under way is dated today at the latest.
  for (const a of assessments) {
    check(a.date <= s.today && a.period.from <= a.date && a.createdAt.slice(0, 10) <= a.date, `date of assessment ${a.id}`);
    if (a.finishedAt) check(a.finishedAt >= a.createdAt && a.finishedAt.slice(0, 10) <= a.date, `finished date of assessment ${a.id}`);
  }
  // Queued points wait for someone without a meeting open today.
  const metToday = new Set(meetings.filter((m) => m.date === s.today).map((m) => m.personId));
  for (const p of talkingPoints.filter((x) => !x.meetingId)) check(!metToday.has(p.personId), `queued point ${p.id}`);
  expect(problems).toEqual([]);
}

describe('sample data generator', () => {
  it('makes the same data from the same seed and today, and different data from another seed', () => {
    const a = generateSample({ size: 'small', seed: 'alpha', today: TODAY });
    const b = generateSample({ size: 'small', seed: 'alpha', today: TODAY });
    expect(b).toEqual(a);
    const c = generateSample({ size: 'small', seed: 'beta', today: TODAY });
    expect(c.tables.people.map((p) => p.name)).not.toEqual(a.tables.people.map((p) => p.name));
    const later = generateSample({ size: 'small', seed: 'alpha', today: '2026-12-01' });
    expect(later.tables.meetings.every((m) => m.date <= '2026-12-01')).toBe(true);
    expect(later.tables.meetings.some((m) => m.date > TODAY)).toBe(true);
  });

  it('small: one team over a few months, with something to do today', () => {
    const s = generateSample({ size: 'small', seed: 'small', today: TODAY });
    expect(counts(s)).toMatchObject({ teams: 1, people: 7, series: 6, meetings: 90, actionItems: 360, talkingPoints: 120 });
    expect(s.tables.actionItems.filter((a) => !a.done)).toHaveLength(40);
    const first = s.tables.meetings.reduce((d, m) => (m.date < d ? m.date : d), TODAY);
    expect(yearsBetween(first, TODAY)).toBeLessThan(0.4);
    expect(s.tables.talkingPoints.some((p) => !p.meetingId)).toBe(true);
    expect(s.tables.actionItems.some((a) => !a.done && a.due && a.due < TODAY)).toBe(true);
    expectConsistent(s);
  });

  it('medium is a tenth of large, over five years', () => {
    const s = generateSample({ size: 'medium', seed: 'medium', today: TODAY });
    expect(counts(s)).toMatchObject({ people: 30, series: 29, meetings: 3000, actionItems: 15_000, talkingPoints: 2000 });
    expect(s.tables.actionItems.filter((a) => !a.done)).toHaveLength(1500);
    expectConsistent(s);
  });

  it('large: 300 people in five levels, 299 weekly series, 30,000 meetings of 100–600 words over five years', () => {
    const s = generateSample({ size: 'large', seed: 'large', today: TODAY });
    const { people, series, meetings, actionItems, talkingPoints } = s.tables;
    expect(counts(s)).toMatchObject({ people: 300, series: 299, meetings: 30_000, actionItems: 150_000, talkingPoints: 20_000 });
    // Five levels: the longest chain of managers has five people in it.
    const byId = new Map(people.map((p) => [p.id, p]));
    const depth = (id: string): number => (byId.get(id)?.managerId ? 1 + depth(byId.get(id)!.managerId!) : 1);
    expect(Math.max(...people.map((p) => depth(p.id)))).toBe(5);
    expect(new Set(people.map((p) => depth(p.id))).size).toBe(5);
    expect(series.every((x) => x.cadence === 'weekly')).toBe(true);
    const words = meetings.map((m) => wordCount(m.sharedNotes) + wordCount(m.privateNotes));
    expect(Math.min(...words)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...words)).toBeLessThanOrEqual(600);
    const mean = words.reduce((a, b) => a + b, 0) / words.length;
    expect(mean).toBeGreaterThan(300);
    expect(mean).toBeLessThan(400);
    const open = actionItems.filter((a) => !a.done);
    expect(open).toHaveLength(15_000);
    // About half of what is open is overdue, as after years of real use.
    const overdue = open.filter((a) => a.due && a.due < TODAY).length;
    expect(overdue).toBeGreaterThan(4000);
    expect(overdue).toBeLessThan(11_000);
    const first = meetings.reduce((d, m) => (m.date < d ? m.date : d), TODAY);
    expect(yearsBetween(first, TODAY)).toBeGreaterThan(4.8);
    expect(yearsBetween(first, TODAY)).toBeLessThanOrEqual(5.01);
    expect(talkingPoints.filter((p) => !p.meetingId).length).toBeGreaterThan(50);
    // Long and short histories: someone with years of weekly 1:1s, someone who just started.
    const perSeries = new Map<string, number>();
    for (const m of meetings) perSeries.set(m.seriesId!, (perSeries.get(m.seriesId!) ?? 0) + 1);
    expect(Math.max(...perSeries.values())).toBeGreaterThan(200);
    expect(Math.min(...perSeries.values())).toBeLessThan(12);
    expectConsistent(s);
  }, 120_000);

  it('writes varied, plausible notes: no placeholder left, no two meetings alike', () => {
    const s = generateSample({ size: 'medium', seed: 'text', today: TODAY });
    const notes = s.tables.meetings.map((m) => m.sharedNotes);
    expect(new Set(notes).size).toBe(notes.length);
    const all = [...notes, ...s.tables.meetings.map((m) => m.privateNotes), ...s.tables.actionItems.map((a) => a.text)].join('\n');
    expect(all).not.toMatch(/\{\w+\}|lorem|ipsum|undefined|\bthe the\b/i);
    const headings = new Set(notes.flatMap((n) => n.match(/^## .+$/gm) ?? []));
    expect(headings.size).toBeGreaterThan(20);
    expect(new Set(s.tables.actionItems.map((a) => a.text)).size).toBeGreaterThan(1000);
    expect(s.tables.meetings.some((m) => m.privateNotes === '')).toBe(true);
    expect(s.tables.meetings.filter((m) => m.mood !== undefined).length / s.tables.meetings.length).toBeGreaterThan(0.6);
    const carried = s.tables.meetings.flatMap((m) => m.agenda).filter((i) => i.carriedFromMeetingId);
    expect(carried.length).toBeGreaterThan(100);
  });

  it('checks every row against its domain schema and names the row that does not fit', () => {
    const s = generateSample({ size: 'small', seed: 'schema', today: TODAY, validate: false });
    expect(() => validateSample(s.tables)).not.toThrow();
    for (const table of sampleTableNames) for (const row of s.tables[table]) expect(sampleTableSchemas[table].safeParse(row).success).toBe(true);
    const broken: SampleModule = {
      id: 'broken',
      fills: ['meetings'],
      after: ['one-on-ones'],
      generate: (ctx) => void ctx.tables.meetings.push({ ...ctx.tables.meetings[0]!, date: '2026-02-30' }),
    };
    expect(() => generateSample({ size: 'small', today: TODAY, modules: [...sampleModules, broken] })).toThrow(SampleValidationError);
    expect(() => generateSample({ size: 'small', today: TODAY, modules: [...sampleModules, broken] })).toThrow(/meetings row 90 .*date: Use a date like/);
  });

  it('grows by registering modules: a new one runs after what it reads and leaves the other tables as they were', () => {
    const before = generateSample({ size: 'small', seed: 'grow', today: TODAY });
    let sawPeople = 0;
    const feedback: SampleModule = {
      id: 'feedback',
      fills: [],
      after: ['org', 'one-on-ones'],
      generate: (ctx) => {
        sawPeople = ctx.tables.people.length;
        for (let i = 0; i < 1000; i++) ctx.rng.next();
        expect(ctx.facts.sceneFor?.(ctx.tables.people[1]!.id, TODAY).them).toBe(ctx.tables.people[1]!.name.split(' ')[0]);
      },
    };
    const after = generateSample({
      size: 'small',
      seed: 'grow',
      today: TODAY,
      modules: [sampleModules[0]!, sampleModules[1]!, feedback, ...sampleModules.slice(2)],
    });
    expect(sawPeople).toBe(7);
    expect(after.tables).toEqual(before.tables);
    expect(() => generateSample({ size: 'small', today: TODAY, modules: [feedback, ...sampleModules] })).toThrow(/feedback runs before org, one-on-ones/);
  });

  it('refuses an unknown size or a date that is not one', () => {
    expect(() => generateSample({ size: 'huge' as 'large', today: TODAY })).toThrow(/unknown size "huge"/);
    expect(() => generateSample({ size: 'small', today: '16/11/2026' })).toThrow(/not a date/);
  });

  it('sizes: medium is a tenth of large', () => {
    const { medium, large } = sampleSizes;
    for (const key of ['meetings', 'actionItems', 'openActionItems', 'talkingPoints'] as const) expect(medium[key] * 10).toBe(large[key]);
    const people = (levels: readonly number[]) => levels.reduce((a, b) => a + b, 0);
    expect(people(medium.levels) * 10).toBe(people(large.levels));
  });
});

describe('random helpers', () => {
  it('apportions a total exactly, in proportion, with a minimum', () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(apportion(7, [0, 0, 0], 2).reduce((a, b) => a + b)).toBe(7);
    expect(() => apportion(3, [1, 1], 2)).toThrow();
    const rng = new Random('x');
    const weights = Array.from({ length: 500 }, () => rng.next());
    expect(apportion(30_000, weights).reduce((a, b) => a + b)).toBe(30_000);
  });

  it('makes UUIDs shaped like crypto.randomUUID, and independent forks', () => {
    const rng = new Random('ids');
    expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Random('a').fork('x').next()).toBe(new Random('a').fork('x').next());
    expect(new Random('a').fork('x').next()).not.toBe(new Random('a').fork('y').next());
  });
});
