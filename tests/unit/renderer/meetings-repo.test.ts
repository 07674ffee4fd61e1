import 'fake-indexeddb/auto';

import { beforeEach, describe, expect, it } from 'vitest';

import { createRepositories, type Repositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { ValidationError } from '../../../renderer/db/errors';

let clock = new Date('2026-11-09T09:00:00Z');
const now = () => {
  clock = new Date(clock.getTime() + 1000);
  return clock;
};

let repos: Repositories;
let alexId: string;

beforeEach(async () => {
  const db = new TrellisDatabase(`repo-${crypto.randomUUID()}`);
  repos = createRepositories(db, now);
  alexId = (await repos.people.create({ name: 'Alex Rivera' })).id;
});

async function weeklySeries() {
  return repos.series.create({
    personId: alexId,
    kind: 'one-on-one',
    cadence: 'weekly',
    weekday: 1,
    time: '10:00',
    durationMinutes: 30,
    startDate: '2026-11-09',
    timeZone: 'Europe/Berlin',
  });
}

describe('series', () => {
  it('refuses a second active series of the same kind and an unknown time zone', async () => {
    await weeklySeries();
    await expect(weeklySeries()).rejects.toThrow('Alex Rivera already has a 1:1 series');
    const bad = repos.series.create({
      personId: alexId,
      kind: 'mentoring',
      cadence: 'weekly',
      weekday: 1,
      time: '10:00',
      durationMinutes: 30,
      startDate: '2026-11-09',
      timeZone: 'Mars/Olympus',
    });
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    expect(await repos.series.list()).toHaveLength(1);
  });
});

describe('starting a meeting', () => {
  it('carries unfinished talking points with their first origin and shows open action items from earlier meetings', async () => {
    const series = await weeklySeries();
    const first = await repos.meetings.start({ personId: alexId, seriesId: series.id, kind: 'one-on-one', date: '2026-11-09', templateId: 'builtin-weekly' });
    expect(first.agenda.map((i) => i.text)).toContain('What is on your mind this week?');
    const promo = await repos.meetings.addAgendaItem(first.id, 'Promotion timeline', 'them');
    for (const item of first.agenda) await repos.meetings.setAgendaDone(first.id, item.id, true);
    const open = await repos.actionItems.add(first.id, { text: 'Share the design doc', owner: 'them', due: '2026-11-12' });
    const closed = await repos.actionItems.add(first.id, { text: 'Book the offsite', owner: 'me' });
    await repos.actionItems.setDone(closed.id, true);

    const second = await repos.meetings.start({ personId: alexId, seriesId: series.id, kind: 'one-on-one', date: '2026-11-16' });
    expect(second.agenda).toEqual([expect.objectContaining({ text: 'Promotion timeline', author: 'them', done: false, carriedFromMeetingId: first.id })]);
    expect((await repos.actionItems.forMeeting(second)).map((a) => a.text)).toEqual([open.text]);

    // Still unfinished a week later: it keeps naming the meeting it was first raised in.
    const third = await repos.meetings.start({ personId: alexId, seriesId: series.id, kind: 'one-on-one', date: '2026-11-23' });
    expect(third.agenda[0]?.carriedFromMeetingId).toBe(first.id);
    expect(promo.id).not.toBe(third.agenda[0]?.id);

    // Starting the same day again opens the same meeting instead of a duplicate.
    expect((await repos.meetings.start({ personId: alexId, seriesId: series.id, kind: 'one-on-one', date: '2026-11-23' })).id).toBe(third.id);

    // An item closed in the second meeting still shows there, but not in the third.
    await repos.actionItems.setDone(open.id, true);
    expect((await repos.actionItems.forMeeting((await repos.meetings.get(third.id))!)).map((a) => a.text)).toEqual([open.text]);
    expect(await repos.actionItems.openForPerson(alexId)).toEqual([]);
  });

  it('moves queued talking points onto the next meeting and out of the queue', async () => {
    const series = await weeklySeries();
    await repos.talkingPoints.queue(alexId, 'Conference budget', '2026-11-09');
    expect((await repos.talkingPoints.queued(alexId)).map((p) => p.text)).toEqual(['Conference budget']);
    const meeting = await repos.meetings.start({ personId: alexId, seriesId: series.id, kind: 'one-on-one', date: '2026-11-09' });
    expect(meeting.agenda).toEqual([expect.objectContaining({ text: 'Conference budget', fromTalkingPointId: expect.any(String) })]);
    expect(await repos.talkingPoints.queued(alexId)).toEqual([]);

    // A meeting backfilled before the newest one leaves the queue alone.
    await repos.talkingPoints.queue(alexId, 'Offsite', '2026-11-16');
    const backfilled = await repos.meetings.start({ personId: alexId, seriesId: series.id, kind: 'one-on-one', date: '2026-11-02' });
    expect(backfilled.agenda).toEqual([]);
    expect((await repos.talkingPoints.queued(alexId)).map((p) => p.text)).toEqual(['Offsite']);
    await repos.talkingPoints.remove((await repos.talkingPoints.queued(alexId))[0]!.id);

    // With today's meeting already open, a new point goes straight onto its agenda.
    const placed = await repos.talkingPoints.queue(alexId, 'Team lunch', '2026-11-09');
    expect(placed.placedInMeetingId).toBe(meeting.id);
    expect((await repos.meetings.get(meeting.id))?.agenda.map((i) => i.text)).toEqual(['Conference budget', 'Team lunch']);
  });

  it('deleting a meeting removes its action items and returns its queued points to the queue', async () => {
    await repos.talkingPoints.queue(alexId, 'Conference budget', '2026-11-09');
    const m = await repos.meetings.start({ personId: alexId, seriesId: null, kind: 'one-on-one', date: '2026-11-09' });
    await repos.actionItems.add(m.id, { text: 'Share the doc', owner: 'them' });
    expect(await repos.talkingPoints.queued(alexId)).toEqual([]);
    expect(await repos.meetings.remove(m.id)).toEqual({ actionItems: 1 });
    expect(await repos.meetings.get(m.id)).toBeUndefined();
    expect(await repos.actionItems.forPerson(alexId)).toEqual([]);
    expect((await repos.talkingPoints.queued(alexId)).map((p) => p.text)).toEqual(['Conference budget']);
  });

  it('undoes a deleted agenda item in its old place and refuses an empty one', async () => {
    const m = await repos.meetings.start({ personId: alexId, seriesId: null, kind: 'one-on-one', date: '2026-11-09', templateId: 'builtin-weekly' });
    const removed = await repos.meetings.removeAgendaItem(m.id, m.agenda[1]!.id);
    expect((await repos.meetings.get(m.id))?.agenda).toHaveLength(2);
    await repos.meetings.restoreAgendaItem(m.id, removed!.item, removed!.index);
    expect((await repos.meetings.get(m.id))?.agenda).toEqual(m.agenda);
    await expect(repos.meetings.addAgendaItem(m.id, '   ', 'me')).rejects.toThrow('Write the talking point');
  });

  it('refuses notes over the size limit and keeps what was stored', async () => {
    const m = await repos.meetings.start({ personId: alexId, seriesId: null, kind: 'one-on-one', date: '2026-11-09' });
    await repos.meetings.saveNotes(m.id, { privateNotes: 'kept' });
    await expect(repos.meetings.saveNotes(m.id, { privateNotes: 'x'.repeat(200_001) })).rejects.toBeInstanceOf(ValidationError);
    expect((await repos.meetings.get(m.id))?.privateNotes).toBe('kept');
  });
});

describe('relationships and teams', () => {
  it('records a sponsorship with its opportunity and refuses one without', async () => {
    const maya = await repos.people.create({ name: 'Maya Okafor' });
    await expect(repos.relationships.create({ kind: 'sponsor', fromId: maya.id, toId: alexId })).rejects.toThrow('Say what the sponsorship is for');
    await repos.relationships.create({ kind: 'sponsor', fromId: maya.id, toId: alexId, opportunity: 'Tech lead of payments' });
    expect(await repos.relationships.forPerson(alexId)).toEqual([expect.objectContaining({ kind: 'sponsor', opportunity: 'Tech lead of payments' })]);
  });

  it('removing a team leaves its people teamless', async () => {
    const team = await repos.teams.create('Payments');
    await expect(repos.teams.create(' payments ')).rejects.toThrow('There is already a team called Payments');
    await repos.people.update(alexId, { name: 'Alex Rivera', teamId: team.id });
    await repos.teams.remove(team.id);
    expect((await repos.people.get(alexId))?.teamId).toBeUndefined();
  });
});

describe('template prompts', () => {
  it('stay in the meeting they were chosen for; only written points carry into later meetings', async () => {
    const series = await weeklySeries();
    const start = (date: string, templateId?: string) =>
      repos.meetings.start({ personId: alexId, seriesId: series.id, kind: 'one-on-one', date, ...(templateId ? { templateId } : {}) });
    const first = await start('2026-11-09', 'builtin-first');
    await repos.meetings.addAgendaItem(first.id, 'Promotion timeline', 'them');
    const second = await start('2026-11-16', 'builtin-weekly');
    const weekly = (await repos.templates.get('builtin-weekly'))!.agenda;
    expect(second.agenda.map((i) => i.text)).toEqual(['Promotion timeline', ...weekly]);
    const third = await start('2026-11-23');
    expect(third.agenda.map((i) => i.text)).toEqual(['Promotion timeline']);
  });
});
