import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { evidenceFor } from '../../../renderer/db/evidence';
import { defaultVisibility, type FeedbackDraft, feedbackTitle } from '../../../shared/domain/feedback';
import { shareable } from '../../../shared/evidence';
import { canariesIn, canary } from '../../support/canary';

async function setup() {
  const db = new TrellisDatabase(`feedback-${crypto.randomUUID()}`);
  let clock = new Date('2026-03-02T10:00:00Z');
  const repos = createRepositories(db, () => clock);
  const me = await repos.people.create({ name: 'Morgan' });
  const alex = await repos.people.create({ name: 'Alex' });
  const draft = (over: Partial<FeedbackDraft> = {}): FeedbackDraft => ({
    personId: alex.id,
    date: '2026-03-02',
    visibility: 'shareable',
    criteria: [{ ladderId: 'engineering', competencyId: 'delivery', levelId: 'L3' }],
    kind: 'recognition',
    fromId: me.id,
    fromName: '',
    situation: 'In the design review',
    behaviour: 'you laid out two options',
    impact: 'we decided in one meeting',
    nextStep: '',
    ...over,
  });
  return { db, repos, me, alex, draft, tick: (iso: string) => (clock = new Date(iso)) };
}

describe('feedback entries', () => {
  it('constructive feedback the manager writes starts private; everything else shareable', () => {
    expect(defaultVisibility('constructive', 'me', 'me')).toBe('private');
    expect(defaultVisibility('constructive', null, 'me')).toBe('private');
    expect(defaultVisibility('constructive', 'peer', 'me')).toBe('shareable');
    expect(defaultVisibility('recognition', 'me', 'me')).toBe('shareable');
    expect(feedbackTitle({ situation: 'S', behaviour: '  ', impact: 'I' })).toBe('S');
  });

  it('stores SBI with competency ids from its criteria, refuses an empty one, and answers the evidence query', async () => {
    const { db, repos, alex, draft } = await setup();
    const entry = await repos.feedback.create(draft());
    expect(entry.competencyIds).toEqual(['delivery']);
    await expect(repos.feedback.create(draft({ situation: ' ', behaviour: '', impact: '' }))).rejects.toThrow(/situation, the behaviour or the impact/);
    await expect(repos.feedback.create(draft({ personId: 'nobody' }))).rejects.toThrow(/not found/);
    const edited = await repos.feedback.save(entry.id, draft({ criteria: [{ ladderId: 'engineering', competencyId: 'mentoring' }] }));
    expect(edited.competencyIds).toEqual(['mentoring']);
    expect((await evidenceFor(db, { personId: alex.id }, ['feedback'])).map((i) => i.id)).toEqual([entry.id]);
    expect(await evidenceFor(db, { personId: alex.id, competencyId: 'delivery' }, ['feedback'])).toEqual([]);
    expect((await evidenceFor(db, { personId: alex.id, competencyId: 'mentoring', from: '2026-01-01', to: '2026-12-31' }, ['feedback'])).length).toBe(1);
    expect((await repos.feedback.forPerson(alex.id)).map((e) => e.id)).toEqual([entry.id]);
  });

  it('follow-ups: due by a day, per person, closed with an outcome, and private with their entry', async () => {
    const { repos, alex, draft, tick } = await setup();
    const entry = await repos.feedback.create(draft({ kind: 'constructive', visibility: 'shareable' }), { due: '2026-03-03', note: 'Ask how it went' });
    const [f] = await repos.feedback.followUpsOf(entry.id);
    expect(f).toMatchObject({ due: '2026-03-03', open: 1, visibility: 'shareable', personId: alex.id });
    expect(await repos.feedback.openDueBy('2026-03-02', 10)).toEqual([]);
    expect((await repos.feedback.openDueBy('2026-03-03', 10)).map((x) => x.id)).toEqual([f!.id]);
    expect((await repos.feedback.openForPerson(alex.id)).length).toBe(1);

    await repos.feedback.save(entry.id, draft({ kind: 'constructive', visibility: 'private' }));
    expect((await repos.feedback.followUpsOf(entry.id))[0]!.visibility).toBe('private');

    tick('2026-03-04T09:00:00Z');
    const closed = await repos.feedback.closeFollowUp(f!.id, 'They led the next review');
    expect(closed).toMatchObject({ open: 0, outcome: 'They led the next review', closedAt: '2026-03-04T09:00:00.000Z' });
    expect(await repos.feedback.openDueBy('2026-12-31', 10)).toEqual([]);
    expect(await repos.feedback.countOpen()).toBe(0);
    expect((await repos.feedback.reopenFollowUp(f!.id)).open).toBe(1);
    await repos.feedback.remove(entry.id);
    expect(await repos.feedback.followUpsOf(entry.id)).toEqual([]);
  });

  it('a private entry and its follow-up never leave the machine (shareable)', async () => {
    const { repos, draft } = await setup();
    const secret = draft({
      kind: 'constructive',
      visibility: 'private',
      situation: canary('feedback.situation'),
      behaviour: canary('feedback.behaviour'),
      impact: canary('feedback.impact'),
      nextStep: canary('feedback.nextStep'),
    });
    const entry = await repos.feedback.create(secret, { due: '2026-03-09', note: canary('followUps.note') });
    const [f] = await repos.feedback.followUpsOf(entry.id);
    const closed = await repos.feedback.closeFollowUp(f!.id, canary('followUps.outcome'));
    expect(shareable('feedback', entry)).toBeNull();
    expect(shareable('followUps', closed)).toBeNull();
    expect(canariesIn(JSON.stringify([shareable('feedback', entry), shareable('followUps', closed)]))).toEqual([]);
  });
});
