import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { evidenceFor, evidenceKindsRegistered } from '../../../renderer/db/evidence';
import { gapToNextLevel } from '../../../shared/domain/gap';
import { LADDER_REVIEW_TEMPLATE_ID, ladderReviewPrompts } from '../../../shared/domain/ladder-review';
import { testLadder } from '../../support/assessment-ladders';

const codeA = { ladderId: 'support', competencyId: 'code', levelId: 'S2', criterionId: 'code-s2-a' };
const codeB = { ladderId: 'support', competencyId: 'code', levelId: 'S2', criterionId: 'code-s2-b' };
const comms = { ladderId: 'support', competencyId: 'comms' };

async function setup() {
  const db = new TrellisDatabase(`evidence-criteria-${crypto.randomUUID()}`);
  const repos = createRepositories(db, () => new Date('2026-11-02T09:00:00Z'));
  const alex = await repos.people.create({ name: 'Alex Rivera' });
  return { db, repos, alex };
}

describe('evidence names the criteria its record names', () => {
  it('feedback, goal check-ins and milestones carry the criterion ids of their criteria', async () => {
    const { db, repos, alex } = await setup();
    const entry = await repos.feedback.create({
      personId: alex.id,
      date: '2026-10-01',
      visibility: 'shareable',
      criteria: [codeA, comms],
      kind: 'recognition',
      fromId: null,
      fromName: 'A peer',
      situation: 'In the design review',
      behaviour: 'laid out the module boundaries',
      impact: 'two teams build on them',
      nextStep: '',
    });
    const goal = await repos.goals.create({ personId: alex.id, title: 'Design the billing module', criteria: [codeB] });
    const checkIn = await repos.goals.addCheckIn({ goalId: goal.id, date: '2026-10-05', note: 'Reviewed the design' });
    const milestone = await repos.goals.addMilestone(goal.id, { title: 'First draft' });
    await repos.goals.setMilestoneDone(milestone.id, true);

    const items = await evidenceFor(db, { personId: alex.id });
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(entry.id)).toMatchObject({ competencyIds: ['code', 'comms'], criterionIds: ['code-s2-a'] });
    expect(byId.get(checkIn.id)).toMatchObject({ kind: 'goal-check-in', criterionIds: ['code-s2-b'] });
    expect(byId.get(milestone.id)).toMatchObject({ kind: 'milestone', criterionIds: ['code-s2-b'] });
  });

  it('a meeting is evidence for what its shared agenda names: Ladder review points, conversation points, goal check-ins', async () => {
    const { db, repos, alex } = await setup();
    const prompts = ladderReviewPrompts(testLadder(1), { trackId: 'ic', levelId: 'S1' });
    expect(prompts.map((p) => p.criteria)).toEqual([[{ ladderId: 'support', competencyId: 'code' }], [comms]]);
    const review = await repos.meetings.start({
      personId: alex.id,
      seriesId: null,
      kind: 'career',
      date: '2026-09-01',
      templateId: LADDER_REVIEW_TEMPLATE_ID,
      templateAgenda: prompts,
    });
    expect(review.agenda.map((i) => i.criteria?.[0]?.competencyId)).toEqual(['code', 'comms']);
    const plain = await repos.meetings.start({ personId: alex.id, seriesId: null, kind: 'one-on-one', date: '2026-09-08' });
    await repos.meetings.addAgendaItems(plain.id, [{ text: 'Self 1 step lower on reviews', author: 'me', criteria: [codeB] }]);
    const quiet = await repos.meetings.start({ personId: alex.id, seriesId: null, kind: 'one-on-one', date: '2026-09-15' });

    const forCode = await evidenceFor(db, { personId: alex.id, competencyId: 'code' }, ['meeting']);
    expect(forCode.map((i) => i.id)).toEqual([plain.id, review.id]);
    expect(forCode[0]!.criterionIds).toEqual(['code-s2-b']);
    expect((await evidenceFor(db, { personId: alex.id, competencyId: 'comms' }, ['meeting'])).map((i) => i.id)).toEqual([review.id]);
    // Without a competency every meeting counts, naming what it names (or nothing).
    const all = await evidenceFor(db, { personId: alex.id }, ['meeting']);
    expect(all.find((i) => i.id === quiet.id)).toMatchObject({ competencyIds: [], criterionIds: [] });

    const goal = await repos.goals.create({ personId: alex.id, title: 'Present the design', criteria: [comms] });
    await repos.goals.addCheckIn({ goalId: goal.id, date: '2026-09-15', note: 'Went well', meetingId: quiet.id });
    expect((await evidenceFor(db, { personId: alex.id, competencyId: 'comms' }, ['meeting'])).map((i) => i.id)).toEqual([quiet.id, review.id]);
  });

  it('the gap view counts evidence that names a next-level criterion, not only links from ratings', async () => {
    const { db, repos, alex } = await setup();
    await repos.feedback.create({
      personId: alex.id,
      date: '2026-10-01',
      visibility: 'shareable',
      criteria: [codeA],
      kind: 'peer',
      fromId: null,
      fromName: 'A peer',
      situation: 'Platform work',
      behaviour: 'designed the queue module',
      impact: 'the search team reused it',
      nextStep: '',
    });
    const evidence = await evidenceFor(
      db,
      { personId: alex.id },
      evidenceKindsRegistered().filter((k) => k !== 'assessment'),
    );
    const gap = gapToNextLevel(testLadder(1), { trackId: 'ic', levelId: 'S1' }, {}, evidence);
    const code = gap.competencies.find((c) => c.competency.id === 'code')!;
    expect(code.criteria.map((x) => [x.criterion.id, x.records.length])).toEqual([
      ['code-s2-a', 1],
      ['code-s2-b', 0],
    ]);
    expect(gap.readiness.criteriaWithEvidence).toBe(1);
  });
});
