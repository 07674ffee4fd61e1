import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import type { Rating } from '../../../shared/domain/assessments';
import { gapToNextLevel, pointsSuggestion } from '../../../shared/domain/gap';
import type { EvidenceItem } from '../../../shared/evidence/coverage';
import { checkLadder } from '../../../shared/ladder';
import { testLadder } from '../../support/assessment-ladders';

const here = path.dirname(fileURLToPath(import.meta.url));
const v1 = testLadder(1);
const r = (p: Partial<Rating> & Pick<Rating, 'ref'>): Rating => ({ comment: '', evidence: [], ...p });
const item = (id: string, competencyIds: string[], criterionIds?: string[]): EvidenceItem => ({
  kind: 'goal-check-in',
  id,
  personId: 'p',
  date: '2026-05-01',
  visibility: 'shareable',
  competencyIds,
  ...(criterionIds ? { criterionIds } : {}),
  title: `Record ${id}`,
});

describe('readiness as coverage of evidence per next-level criterion', () => {
  it('finds the records naming each criterion the next level asks, and counts criteria covered, never a score', () => {
    const evidence = [item('1', ['code'], ['code-s2-a']), item('2', ['code'], ['code-s2-a']), item('3', ['code']), item('4', ['comms'], ['code-s1-a'])];
    const gap = gapToNextLevel(v1, { trackId: 'ic', levelId: 'S1' }, {}, evidence);
    const code = gap.competencies.find((c) => c.competency.id === 'code')!;
    expect(code.criteria.map((c) => [c.criterion.id, c.change, c.records.map((x) => x.id)])).toEqual([
      ['code-s2-a', 'added', ['1', '2']],
      ['code-s2-b', 'added', []],
    ]);
    // About the competency as a whole: shown, but it covers no criterion in particular.
    expect(code.generalRecords.map((x) => x.id)).toEqual(['3']);
    expect(code.evidence).toBe(3);
    expect(gap.readiness).toMatchObject({ criteria: 4, criteriaWithEvidence: 1 });
  });

  it('counts evidence linked to a rating of the same criterion in the latest assessments, once per link', () => {
    const link = { type: 'url' as const, url: 'https://example.com/pr/1', title: 'PR 1' };
    const ref = { ladderId: 'support', competencyId: 'code', levelId: 'S2', criterionId: 'code-s2-b' };
    const self = { levelId: 'S1', ratings: [r({ ref, evidence: [link] })] };
    const manager = { levelId: 'S1', ratings: [r({ ref, evidence: [link, { type: 'record', link: { kind: 'meeting', id: 'm1' }, title: '1:1' }] })] };
    const gap = gapToNextLevel(v1, { trackId: 'ic', levelId: 'S1' }, { self, manager }, []);
    const b = gap.competencies.find((c) => c.competency.id === 'code')!.criteria.find((c) => c.criterion.id === 'code-s2-b')!;
    expect(b.links.map((l) => (l.type === 'url' ? l.url : l.link.id))).toEqual(['https://example.com/pr/1', 'm1']);
    expect(gap.readiness.criteriaWithEvidence).toBe(1);
  });
});

describe('the level a points ladder suggests', () => {
  const text = readFileSync(path.resolve(here, '../../fixtures/ladders/app/scored.yaml'), 'utf8');
  const scored = checkLadder({ path: '/ladders/scored.yaml', text }).ladder!;
  const ref = (competencyId: string, criterionId?: string) => ({ ladderId: 'platform', competencyId, levelId: 'P1', ...(criterionId ? { criterionId } : {}) });

  it('scores each competency at its lowest criterion rating, weighted, and names the band’s level', () => {
    const ratings = [
      r({ ref: ref('reliability', 'rel-alerts'), value: 'evangelizes' }),
      r({ ref: ref('reliability', 'platform:reliability:P1:2'), value: 'specializes' }),
      r({ ref: ref('delivery'), value: 'specializes' }),
    ];
    // Reliability counts as Specializes (3 points; this ladder's scoring is not weighted), delivery 3: 6, below P2's 10.
    expect(pointsSuggestion(scored, 'ic', { ratings })).toEqual({
      levelId: 'P1',
      levelTitle: 'Platform Engineer',
      titles: ['Platform Engineer'],
      total: 6,
      maxTotal: 12,
      unrated: 0,
      next: { levelId: 'P2', pointsNeeded: 4 },
    });
    const higher = pointsSuggestion(scored, 'ic', {
      ratings: [r({ ref: ref('reliability', 'rel-alerts'), value: 'evangelizes' }), r({ ref: ref('delivery'), value: 'evangelizes' })],
    });
    expect(higher).toMatchObject({ levelId: 'P2', levelTitle: 'Senior Platform Engineer', titles: ['Senior Platform Engineer'], total: 12, unrated: 0 });
    expect(pointsSuggestion(scored, 'ic', { ratings: [r({ ref: ref('delivery'), value: 'adopts' })] })).toMatchObject({ total: 1, unrated: 1 });
  });

  it('is null on a ladder without scoring, and leaves not-applicable ratings out', () => {
    expect(pointsSuggestion(v1, 'ic', { ratings: [] })).toBeNull();
    const na = pointsSuggestion(scored, 'ic', { ratings: [r({ ref: ref('delivery'), notApplicable: { reason: 'No releases' } })] });
    expect(na).toMatchObject({ total: 0, unrated: 2 });
  });
});
