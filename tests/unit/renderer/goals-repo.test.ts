import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { keepUnsaved, replayUnsaved } from '../../../renderer/app/unsaved';
import { TrellisDatabase } from '../../../renderer/db/database';
import { ValidationError } from '../../../renderer/db/errors';
import { evidenceFor } from '../../../renderer/db/evidence';
import { carriesOver } from '../../../shared/domain/carry-over';
import { checkInAgendaLine, milestoneProgress } from '../../../shared/domain/plans';

const code = { ladderId: 'support', competencyId: 'code', levelId: 'S2', criterionId: 'code-s2-a' };
const comms = { ladderId: 'support', competencyId: 'communication', levelId: 'S2', criterionId: 'comms-s2-b' };

async function setup() {
  let clock = Date.parse('2026-11-02T09:00:00Z');
  const db = new TrellisDatabase(`goals-${crypto.randomUUID()}`);
  const repos = createRepositories(db, () => new Date((clock += 60_000)));
  const alex = await repos.people.create({ name: 'Alex Rivera' });
  const sam = await repos.people.create({ name: 'Sam Lee' });
  const goal = await repos.goals.create({
    personId: alex.id,
    title: '  Lead the billing migration ',
    criteria: [code, comms],
    teamOutcome: 'Checkout p95 < 300 ms',
    targetDate: '2027-03-31',
  });
  return { db, repos, alex, sam, goal };
}

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe('goals repository', () => {
  it('creates a goal in progress linked to two criteria, with its competency ids for the index', async () => {
    const { repos, alex, goal } = await setup();
    expect(goal).toMatchObject({
      title: 'Lead the billing migration',
      status: 'in-progress',
      criteria: [code, comms],
      competencyIds: ['code', 'communication'],
      date: '2026-11-02',
    });
    expect(await repos.goals.inProgress(alex.id)).toEqual([goal]);
    expect(await repos.goals.hasInProgress(alex.id)).toBe(true);
    await repos.goals.setStatus(goal.id, 'done');
    expect(await repos.goals.hasInProgress(alex.id)).toBe(false);
    expect((await repos.goals.get(goal.id))!.closedOn).toBe('2026-11-02');
    expect(await repos.goals.forPerson(alex.id)).toHaveLength(1);
  });

  it('refuses a goal without a title or with a bad date, writing nothing', async () => {
    const { repos, alex } = await setup();
    await expect(repos.goals.create({ personId: alex.id, title: '  ', criteria: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.goals.create({ personId: alex.id, title: 'x', criteria: [], targetDate: '2027-02-30' })).rejects.toThrow('Use a date');
    await expect(repos.goals.create({ personId: 'nobody', title: 'x', criteria: [] })).rejects.toThrow('This person was not found');
    expect(await repos.goals.forPerson(alex.id)).toHaveLength(1);
  });

  it('a check-in from a 1:1 appends a dated note to the goal and one ticked line to the meeting, in one write', async () => {
    const { repos, alex, goal } = await setup();
    const meeting = await repos.meetings.start({ personId: alex.id, seriesId: null, kind: 'one-on-one', date: '2026-11-05' });
    const agendaBefore = meeting.agenda.length;
    const checkIn = await repos.goals.addCheckIn({
      goalId: goal.id,
      date: meeting.date,
      note: 'Picked the cut-over date\nand who reviews',
      meetingId: meeting.id,
    });
    expect(checkIn).toMatchObject({
      goalId: goal.id,
      personId: alex.id,
      date: '2026-11-05',
      from: { kind: 'meeting', id: meeting.id },
      criteria: [code, comms],
    });
    const after = (await repos.meetings.get(meeting.id))!;
    expect(after.agenda).toHaveLength(agendaBefore + 1);
    const line = after.agenda.at(-1)!;
    expect(line).toMatchObject({ text: 'Discussed goal “Lead the billing migration”: Picked the cut-over date', done: true, author: 'me' });
    // Ticked: it never carries over to the next 1:1.
    expect(carriesOver(line, new Set())).toBe(false);
    expect(await repos.goals.checkInsFromMeeting(meeting.id)).toEqual([checkIn]);
    expect(await repos.goals.checkIns(goal.id)).toEqual([checkIn]);
    // A check-in outside a 1:1 touches no meeting.
    await repos.goals.addCheckIn({ goalId: goal.id, date: '2026-11-20', note: 'Rollout plan written' });
    expect((await repos.goals.checkIns(goal.id)).map((c) => c.date)).toEqual(['2026-11-20', '2026-11-05']);
    expect((await repos.meetings.get(meeting.id))!.agenda).toHaveLength(agendaBefore + 1);
    expect((await repos.goals.latestCheckIns([goal.id])).get(goal.id)!.date).toBe('2026-11-20');
  });

  it('refuses a check-in from another person’s meeting or without a note, and leaves the meeting alone', async () => {
    const { repos, sam, goal } = await setup();
    const theirs = await repos.meetings.start({ personId: sam.id, seriesId: null, kind: 'one-on-one', date: '2026-11-05' });
    await expect(repos.goals.addCheckIn({ goalId: goal.id, date: '2026-11-05', note: 'x', meetingId: theirs.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.goals.addCheckIn({ goalId: goal.id, date: '2026-11-05', note: '   ' })).rejects.toThrow('Write what was discussed');
    expect((await repos.meetings.get(theirs.id))!.agenda).toEqual(theirs.agenda);
    expect(await repos.goals.checkIns(goal.id)).toEqual([]);
  });

  it('milestones follow the goal’s criteria and count as evidence once done', async () => {
    const { db, repos, alex, goal } = await setup();
    const first = await repos.goals.addMilestone(goal.id, { title: 'Draft the plan', due: '2026-12-01' });
    await repos.goals.addMilestone(goal.id, { title: 'Cut over' });
    expect(milestoneProgress(await repos.goals.milestones(goal.id)).label).toBe('0 of 2 milestones done');
    const done = await repos.goals.setMilestoneDone(first.id, true);
    expect(done).toMatchObject({ doneOn: '2026-11-02', date: '2026-11-02' });
    expect(milestoneProgress(await repos.goals.milestones(goal.id)).label).toBe('1 of 2 milestones done');

    await repos.goals.setCriteria(goal.id, [comms]);
    expect((await repos.goals.milestones(goal.id)).every((m) => m.competencyIds.join() === 'communication')).toBe(true);
    expect((await evidenceFor(db, { personId: alex.id, competencyId: 'communication' }, ['milestone'])).map((e) => e.title)).toEqual([
      'Milestone done: Draft the plan',
    ]);
    expect(await evidenceFor(db, { personId: alex.id, competencyId: 'code' }, ['milestone'])).toEqual([]);

    const undone = await repos.goals.setMilestoneDone(first.id, false);
    expect(undone.doneOn).toBeUndefined();
    expect(undone.date).toBe('2026-12-01');
    expect(await evidenceFor(db, { personId: alex.id }, ['milestone'])).toEqual([]);
  });

  it('check-ins are evidence per competency, and deleting a goal deletes its parts', async () => {
    const { db, repos, alex, goal } = await setup();
    await repos.goals.addCheckIn({ goalId: goal.id, date: '2026-11-10', note: 'Paired on the schema' });
    await repos.goals.addMilestone(goal.id, { title: 'Plan' });
    const items = await evidenceFor(db, { personId: alex.id, competencyId: 'code', from: '2026-11-01', to: '2026-11-30' }, ['goal-check-in']);
    expect(items).toEqual([expect.objectContaining({ kind: 'goal-check-in', date: '2026-11-10', title: 'Goal check-in: Paired on the schema' })]);
    expect(await evidenceFor(db, { personId: alex.id, from: '2026-12-01' }, ['goal-check-in'])).toEqual([]);
    await repos.goals.remove(goal.id);
    expect(await repos.goals.get(goal.id)).toBeUndefined();
    expect(await db.goalMilestones.count()).toBe(0);
    expect(await db.goalCheckIns.count()).toBe(0);
  });

  it('the goal text autosave is replayed after a reload cut it off', async () => {
    const { repos, goal } = await setup();
    const storage = memoryStorage();
    keepUnsaved({ kind: 'goal-text', key: `goal-text:${goal.id}`, args: [goal.id, { description: 'What done looks like', privateNotes: 'mine' }] }, storage);
    expect((await replayUnsaved(repos, storage)).replayed).toBe(1);
    expect(await repos.goals.get(goal.id)).toMatchObject({ description: 'What done looks like', privateNotes: 'mine' });
  });
});

describe('checkInAgendaLine', () => {
  it('names the goal and the note’s first line, within the agenda’s limit', () => {
    expect(checkInAgendaLine(' Ship it ', '  first\nsecond')).toBe('Discussed goal “Ship it”: first');
    expect(checkInAgendaLine('g', 'x'.repeat(5000)).length).toBe(2000);
  });
});
