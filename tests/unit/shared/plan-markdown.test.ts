import { describe, expect, it } from 'vitest';

import type { Assessment } from '../../../shared/domain/assessments';
import { growthPlanMarkdown, type PlanExportInput } from '../../../shared/domain/plan-markdown';
import type { CheckIn, Goal, Milestone } from '../../../shared/domain/plans';
import type { StretchProject } from '../../../shared/domain/stretch';
import { privateFieldsOf } from '../../../shared/evidence/privacy';
import { testLadder } from '../../support/assessment-ladders';
import { canariesIn, canary, withCanaries } from '../../support/canary';

const base = {
  personId: 'p',
  visibility: 'shareable' as const,
  criteria: [{ ladderId: 'l', competencyId: 'code', criterionId: 'code-1' }],
  competencyIds: ['code'],
};
const goal = (over: Partial<Goal> = {}): Goal => ({
  ...base,
  id: 'g1',
  date: '2026-09-01',
  title: 'Design the *module*',
  description: 'Two teams use it by March.',
  privateNotes: canary('goals.privateNotes'),
  status: 'in-progress',
  targetDate: '2027-03-31',
  teamOutcome: 'Billing on the new platform',
  createdAt: 'x',
  updatedAt: 'x',
  ...over,
});
const milestone = (over: Partial<Milestone> = {}): Milestone => ({
  ...base,
  id: 'm1',
  goalId: 'g1',
  date: '2026-10-01',
  title: 'Sketch it',
  order: 0,
  doneOn: '2026-10-01',
  createdAt: 'x',
  updatedAt: 'x',
  ...over,
});
const checkIn = (over: Partial<CheckIn> = {}): CheckIn => ({
  ...base,
  id: 'c1',
  goalId: 'g1',
  date: '2026-11-04',
  note: 'Agreed the first consumer',
  createdAt: 'x',
  ...over,
});
const stretch = (over: Partial<StretchProject> = {}): StretchProject => ({
  ...base,
  id: 's1',
  date: '2026-09-01',
  title: 'Lead the payments migration',
  sponsorId: 'maya',
  status: 'active',
  outcome: 'Cut over in March',
  privateNotes: canary('stretchProjects.privateNotes'),
  createdAt: 'x',
  updatedAt: 'x',
  ...over,
});

const input = (over: Partial<PlanExportInput> = {}): PlanExportInput => ({
  person: { name: 'Alex Rivera' },
  goals: [{ goal: goal(), milestones: [milestone(), milestone({ id: 'm2', title: 'Ship it', doneOn: undefined, due: '2027-01-10' })], checkIns: [checkIn()] }],
  stretch: [stretch()],
  label: (r) => `Code: ${r.criterionId}`,
  nameOf: (id) => (id === 'maya' ? 'Maya Okafor' : undefined),
  day: (iso) => iso,
  today: '2026-11-04',
  ...over,
});

describe('growthPlanMarkdown', () => {
  it('writes goals with what they grow, milestones, check-ins and stretch projects', () => {
    const md = growthPlanMarkdown(input());
    expect(md).toContain('# Growth plan: Alex Rivera');
    expect(md).toContain('### Design the \\*module\\*');
    expect(md).toContain('- Status: In progress\n- Target: 2027-03-31\n- Team outcome: Billing on the new platform');
    expect(md).toContain('Grows:\n\n- Code: code-1');
    expect(md).toContain('- [x] Sketch it (done 2026-10-01)\n- [ ] Ship it (due 2027-01-10)');
    expect(md).toContain('- 2026-11-04: Agreed the first consumer');
    expect(md).toContain('- **Lead the payments migration** (Active), sponsored by Maya Okafor\n  - Grows: Code: code-1\n  - Outcome: Cut over in March');
  });

  it('passes the private-field canary: no private field and no private record leaves', () => {
    // A canary in every private field of every table it reads, and whole private records.
    const planted = {
      goals: privateFieldsOf('goals'),
      goalMilestones: privateFieldsOf('goalMilestones'),
      goalCheckIns: privateFieldsOf('goalCheckIns'),
      stretchProjects: privateFieldsOf('stretchProjects'),
    };
    expect(planted.goals).toEqual(['privateNotes']);
    expect(planted.stretchProjects).toEqual(['privateNotes']);
    const md = growthPlanMarkdown(
      input({
        goals: [
          {
            goal: goal(),
            milestones: [milestone({ id: 'm9', visibility: 'private', title: canary('goalMilestones.private') })],
            checkIns: [checkIn({ id: 'c9', visibility: 'private', note: canary('goalCheckIns.private') })],
          },
          { goal: goal({ id: 'g2', visibility: 'private', title: canary('goals.private') }), milestones: [], checkIns: [] },
        ],
        stretch: [
          withCanaries('stretchProjects', stretch(), planted.stretchProjects),
          stretch({ id: 's2', visibility: 'private', title: canary('stretchProjects.private') }),
        ],
      }),
    );
    expect(canariesIn(md)).toEqual([]);
    expect(md).toContain('Design the');
  });
});

describe('growthPlanMarkdown with assessments', () => {
  const rating = { ref: { ladderId: 'support', competencyId: 'comms', levelId: 'S1' }, value: 4, comment: 'Clear write-ups', evidence: [] };
  const assessed = (over: Partial<Assessment> = {}): Assessment => ({
    ...base,
    personId: 'p',
    id: 'a1',
    date: '2026-10-31',
    criteria: [rating.ref],
    competencyIds: ['comms'],
    kind: 'manager',
    ladder: { ladderId: 'support', version: '1.0.0', hash: '1'.repeat(64) },
    trackId: 'ic',
    levelId: 'S1',
    period: { from: '2026-05-01', to: '2026-10-31' },
    status: 'finished',
    revision: 1,
    chainId: 'a1',
    ratings: [rating],
    summary: 'Steady',
    privateNotes: '',
    createdAt: 'x',
    updatedAt: 'x',
    finishedAt: '2026-11-01T10:00:00Z',
    ...over,
  });
  const part = (a: Assessment) => ({ assessment: a, person: { name: 'Alex Rivera' }, ladder: testLadder(1), linkShareable: () => true });

  it('adds the newest finished, shareable assessments under their own heading, without private notes', () => {
    const md = growthPlanMarkdown(
      input({
        assessments: [
          part(withCanaries('assessments', assessed(), privateFieldsOf('assessments'))),
          part(assessed({ id: 'a2', kind: 'self', visibility: 'private', summary: canary('assessments.private') })),
        ],
      }),
    );
    expect(md).toContain('## Assessments\n\n### Manager assessment: Alex Rivera');
    expect(md).toContain('#### Communication\n\n- **4**\n  Clear write-ups');
    expect(md).not.toContain('Self-assessment');
    expect(canariesIn(md)).toEqual([]);
  });
});
