import { describe, expect, it } from 'vitest';

import { type Rating, ratingTargets } from '../../../shared/domain/assessments';
import { compareCounts, compareRatings, differencesFirst, differenceWords, scalePosition, talkingPointFor } from '../../../shared/domain/compare';
import { testLadder } from '../../support/assessment-ladders';

const v1 = testLadder(1);
const at = { trackId: 'ic', levelId: 'S2' };
const targets = ratingTargets(v1, at.trackId, at.levelId);
const ref = (competencyId: string, criterionId?: string) => ({ ladderId: 'support', competencyId, levelId: 'S2', ...(criterionId ? { criterionId } : {}) });
const r = (p: Partial<Rating> & Pick<Rating, 'ref'>): Rating => ({ comment: '', evidence: [], ...p });

describe('self and manager side by side', () => {
  const self = {
    ratings: [
      r({ ref: ref('code', 'code-s2-a'), value: 'learning' }),
      r({ ref: ref('code', 'code-s2-b'), value: 'skilled' }),
      r({ ref: ref('comms'), value: 5 }),
      r({ ref: ref('oncall'), notApplicable: { reason: 'No rotation' } }),
    ],
  };
  const manager = {
    ratings: [
      r({ ref: ref('code', 'code-s2-a'), value: 'expert' }),
      r({ ref: ref('code', 'code-s2-b'), value: 'skilled' }),
      r({ ref: ref('comms'), value: 4, comment: 'Clear in writing' }),
      r({ ref: ref('oncall'), value: 'skilled' }),
    ],
  };
  const rows = compareRatings(v1, at, targets, self, manager);

  it('lines up every target of the level in ladder order, with the level’s expectation', () => {
    expect(rows.map((x) => x.key)).toEqual(['code-s2-a', 'code-s2-b', 'competency:comms', 'competency:oncall']);
    expect(rows[0]).toMatchObject({ competencyName: 'Code', criterion: 'Designs modules others build on.', expected: { label: 'Skilled', position: 1 } });
    expect(rows[0]!.self).toMatchObject({ label: 'Learning', position: 0 });
    expect(rows[0]!.manager).toMatchObject({ label: 'Expert', position: 2 });
    expect(rows[2]!.expected).toBeUndefined();
    expect(rows[2]!.manager?.comment).toBe('Clear in writing');
  });

  it('measures the gap on the competency’s own scale and against what is expected', () => {
    expect(rows.map((x) => [x.kind, x.difference])).toEqual([
      ['differ', 2],
      ['agree', 0],
      ['differ', -1],
      ['differ', null],
    ]);
    expect(rows[0]!.versus).toEqual({ self: 'below', manager: 'above' });
    expect(rows[1]!.versus).toEqual({ self: 'meets', manager: 'meets' });
    expect(rows[2]!.versus).toEqual({ self: null, manager: null });
    expect(rows.map(differenceWords)).toEqual(['Manager 2 steps higher', 'Same', 'Self 1 point higher', 'Not applicable for self only']);
  });

  it('puts differences first, widest first, then one-sided, agreed and unrated, keeping ladder order among equals', () => {
    const onlySelf = { ratings: [...self.ratings] };
    const onlyManager = { ratings: manager.ratings.filter((x) => x.ref.competencyId !== 'comms') };
    const mixed = compareRatings(v1, at, targets, onlySelf, onlyManager);
    expect(differencesFirst(mixed).map((x) => [x.key, x.kind])).toEqual([
      ['code-s2-a', 'differ'],
      ['competency:oncall', 'differ'],
      ['competency:comms', 'one-side'],
      ['code-s2-b', 'agree'],
    ]);
    expect(differencesFirst(compareRatings(v1, at, targets, undefined, undefined)).map((x) => x.kind)).toEqual(['unrated', 'unrated', 'unrated', 'unrated']);
    expect(compareCounts(mixed)).toEqual({ differ: 2, oneSide: 1, agree: 1, unrated: 0 });
    const gaps = differencesFirst(rows).map((x) => x.key);
    expect(gaps).toEqual(['code-s2-a', 'competency:comms', 'competency:oncall', 'code-s2-b']);
  });

  it('makes a talking point that says what each side rated', () => {
    expect(talkingPointFor(rows[0]!)).toBe('Code: Designs modules others build on. (self Learning, manager Expert, expected Skilled)');
    expect(talkingPointFor(compareRatings(v1, at, targets, undefined, manager)[2]!)).toBe('Communication (self not rated, manager 4)');
  });

  it('places values on labelled and numeric scales', () => {
    const depth = v1.scales.find((s) => s.id === 'depth')!;
    const score = v1.scales.find((s) => s.id === 'score')!;
    expect(scalePosition(depth, 'expert')).toBe(2);
    expect(scalePosition(depth, 'gone')).toBeUndefined();
    expect(scalePosition(score, 3)).toBe(3);
    expect(scalePosition(score, undefined)).toBeUndefined();
  });
});
