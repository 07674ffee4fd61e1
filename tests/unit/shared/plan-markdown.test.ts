import { describe, expect, it } from 'vitest';

import { growthPlanMarkdown, type PlanExportInput } from '../../../shared/domain/plan-markdown';
import type { CheckIn, Goal, Milestone } from '../../../shared/domain/plans';
import type { StretchProject } from '../../../shared/domain/stretch';
import { privateFieldsOf } from '../../../shared/evidence/privacy';
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
