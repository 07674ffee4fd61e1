import { describe, expect, it } from 'vitest';

import type { Assessment, Rating } from '../../../shared/domain/assessments';
import { categoryProfile, heatmapRow, progression, shareOfScale } from '../../../shared/domain/growth-charts';
import { testLadder } from '../../support/assessment-ladders';

const v1 = testLadder(1);
const depth = v1.scales.find((s) => s.id === 'depth')!;
const score = v1.scales.find((s) => s.id === 'score')!;
const r = (competencyId: string, value: Rating['value'], criterionId?: string, levelId = 'S2'): Rating => ({
  ref: { ladderId: 'support', competencyId, levelId, ...(criterionId ? { criterionId } : {}) },
  ...(value !== undefined ? { value } : {}),
  comment: '',
  evidence: [],
});

describe('growth charts', () => {
  it('places ratings as a share of their own scale', () => {
    expect([shareOfScale(depth, 'learning'), shareOfScale(depth, 'skilled'), shareOfScale(depth, 'expert')]).toEqual([0, 50, 100]);
    expect([shareOfScale(score, 1), shareOfScale(score, 4), shareOfScale(score, 'x')]).toEqual([0, 75, undefined]);
  });

  it('profiles each category: self, manager and the next level’s expectation', () => {
    const self = { ratings: [r('code', 'skilled', 'code-s1-a', 'S1'), r('code', 'expert', 'code-s1-b', 'S1'), r('comms', 3)] };
    const manager = { ratings: [r('code', 'learning', 'code-s1-a', 'S1'), r('comms', 5)] };
    // Code 75 and comms 50 → 63 for self; code 0 and comms 100 → 50 for the manager; S2 expects Skilled of code (50) only.
    expect(categoryProfile(v1, 'ic', 'S2', self, manager)).toEqual([{ categoryId: 'craft', category: 'Craft', self: 63, manager: 50, expected: 50 }]);
    expect(categoryProfile(v1, 'ic', null, undefined, undefined)).toEqual([{ categoryId: 'craft', category: 'Craft' }]);
  });

  it('makes heatmap cells of rating against what the level expects', () => {
    const at = { trackId: 'ic', levelId: 'S2' };
    const row = heatmapRow(v1, { ...at, ratings: [r('code', 'learning', 'code-s2-a'), r('code', 'expert', 'code-s2-b'), r('comms', 4)] }, [
      'code',
      'comms',
      'oncall',
    ]);
    expect(row).toEqual([
      { competencyId: 'code', state: 'meets', delta: 0, label: '1 of 2 at or above', rated: 2, reaching: 1 },
      { competencyId: 'comms', state: 'rated', label: '4', rated: 1, reaching: 0, share: 75 },
      { competencyId: 'oncall', state: 'none', label: 'Not rated', rated: 0, reaching: 0 },
    ]);
    const below = heatmapRow(v1, { ...at, ratings: [r('code', 'learning', 'code-s2-a')] }, ['code'])[0]!;
    expect(below).toMatchObject({ state: 'below', delta: -1, label: 'Learning' });
    const above = heatmapRow(v1, { trackId: 'ic', levelId: 'S1', ratings: [r('code', 'skilled', 'code-s1-a', 'S1')] }, ['code'])[0]!;
    expect(above).toMatchObject({ state: 'above', delta: 1 });
    const na = { ...r('oncall', undefined), notApplicable: { reason: 'No rotation' } };
    expect(heatmapRow(v1, { ...at, ratings: [na] }, ['oncall'])[0]!.label).toBe('Not applicable');
  });

  it('follows one person across finished assessments in time order, each read against its own ladder', () => {
    const base = { personId: 'p', trackId: 'ic', status: 'finished', revision: 1 } as const;
    const a = (id: string, to: string, levelId: string, ratings: Rating[], status: Assessment['status'] = 'finished') =>
      ({ ...base, id, kind: 'manager', levelId, period: { from: to.slice(0, 4) + '-01-01', to }, status, ratings }) as unknown as Assessment;
    const points = progression(
      [
        a('late', '2026-12-31', 'S2', [r('code', 'expert', 'code-s2-a')]),
        a('early', '2026-06-30', 'S1', [r('code', 'learning', 'code-s1-a', 'S1')]),
        a('draft', '2027-06-30', 'S2', [r('code', 'expert', 'code-s2-a')], 'draft'),
      ],
      (x) => (x.id === 'gone' ? null : v1),
    );
    expect(points.map((p) => [p.assessmentId, p.date, p.levelId, p.byCategory.craft, p.overall])).toEqual([
      ['early', '2026-06-30', 'S1', 0, 0],
      ['late', '2026-12-31', 'S2', 100, 100],
    ]);
  });
});
