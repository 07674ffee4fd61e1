import { describe, expect, it } from 'vitest';

import {
  carryOverRatings,
  defaultPeriod,
  finishProblem,
  isOnScale,
  progressOf,
  ratedChanges,
  type Rating,
  ratingKey,
  ratingTargets,
  scaleChoices,
  updateRating,
  valueLabel,
} from '../../../shared/domain/assessments';
import { testLadder } from '../../support/assessment-ladders';

const v1 = testLadder(1);
const v2 = testLadder(2);
const ref = (competencyId: string, criterionId?: string, levelId = 'S2') => ({
  ladderId: 'support',
  competencyId,
  levelId,
  ...(criterionId ? { criterionId } : {}),
});
const rated = (r: Partial<Rating> & Pick<Rating, 'ref'>): Rating => ({ comment: '', evidence: [], ...r });

describe('what an assessment rates', () => {
  it('rates criteria items one by one where the cell lists them, the competency as a whole otherwise, nothing where the ladder says it does not apply', () => {
    const s1 = ratingTargets(v1, 'ic', 'S1');
    expect(s1.map((c) => [c.competency.id, c.ladderNotApplicable, c.targets.map((t) => t.key)])).toEqual([
      ['code', false, ['code-s1-a', 'code-s1-b']],
      ['comms', false, ['competency:comms']],
      ['oncall', true, []],
    ]);
    expect(s1[0]!.targets[0]!.text).toBe('Writes small tested changes.');
    expect(s1[0]!.asks.expects).toBe('learning');
    expect(s1[0]!.scale.id).toBe('depth');
    expect(s1[1]!.scale.id).toBe('score');
  });

  it('offers the competency’s own scale: labelled steps, or the numbers of a numeric range', () => {
    const [code, comms] = ratingTargets(v1, 'ic', 'S2');
    expect(scaleChoices(code!.scale).map((c) => c.value)).toEqual(['learning', 'skilled', 'expert']);
    expect(scaleChoices(comms!.scale).map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
    expect(isOnScale(code!.scale, 'skilled')).toBe(true);
    expect(isOnScale(code!.scale, 3)).toBe(false);
    expect(isOnScale(comms!.scale, 6)).toBe(false);
    expect(valueLabel(code!.scale, 'expert')).toBe('Expert');
    expect(valueLabel(code!.scale, undefined)).toBe('Not rated');
  });
});

describe('progress and finishing', () => {
  const targets = ratingTargets(v1, 'ic', 'S2');
  it('counts rated and not applicable items, and refuses to finish while any is open or has a problem', () => {
    let ratings: Rating[] = [];
    ratings = updateRating(ratings, ref('code', 'code-s2-a'), (r) => ({ ...r, value: 'skilled' }));
    let p = progressOf(ratings, targets);
    expect([p.total, p.rated, p.notApplicable, p.open.map((t) => t.key)]).toEqual([4, 1, 0, ['code-s2-b', 'competency:comms', 'competency:oncall']]);
    expect(finishProblem(p)).toBe('Rate or mark as not applicable the 3 items still open before finishing.');

    ratings = updateRating(ratings, ref('code', 'code-s2-b'), (r) => ({ ...r, value: 'expert' }));
    ratings = updateRating(ratings, ref('comms'), (r) => ({ ...r, value: 4 }));
    ratings = updateRating(ratings, ref('oncall'), (r) => ({ ...r, notApplicable: { reason: '  ' } }));
    p = progressOf(ratings, targets);
    expect(p.problems.map((x) => x.message)).toEqual(['Say why it does not apply']);
    expect(finishProblem(p)).toBe('1 rating needs attention.');

    ratings = updateRating(ratings, ref('oncall'), (r) => ({ ...r, notApplicable: { reason: 'No rotation yet' } }));
    p = progressOf(ratings, targets);
    expect([p.rated, p.notApplicable, finishProblem(p)]).toEqual([3, 1, null]);
  });

  it('finds a value that is not on the scale', () => {
    const p = progressOf([rated({ ref: ref('comms'), value: 9 })], targets);
    expect(p.problems.map((x) => x.message)).toEqual(['"9" is not on the Score scale']);
  });

  it('updates one rating in place and keeps the others', () => {
    const first = updateRating([], ref('comms'), (r) => ({ ...r, comment: 'a' }));
    const second = updateRating(first, ref('code', 'code-s2-a'), (r) => ({ ...r, value: 'expert' }));
    const third = updateRating(second, ref('comms'), (r) => ({ ...r, comment: 'b' }));
    expect(third.map((r) => [ratingKey(r.ref), r.comment, r.value])).toEqual([
      ['competency:comms', 'b', undefined],
      ['code-s2-a', '', 'expert'],
    ]);
  });
});

describe('carrying ratings over to a newer ladder version', () => {
  it('keeps ratings whose criterion ids still exist, drops the others with a reason', () => {
    const previous = [
      rated({ ref: ref('code', 'code-s2-a'), value: 'skilled', comment: 'Led the module split' }),
      rated({ ref: ref('code', 'code-s2-b'), value: 'expert' }),
      rated({ ref: ref('comms'), value: 3 }),
      rated({ ref: ref('oncall'), notApplicable: { reason: 'No rotation' } }),
    ];
    const out = carryOverRatings(previous, ratingTargets(v2, 'ic', 'S2'), 'support', 'S2');
    expect(out.carried).toEqual(['code-s2-a', 'competency:comms', 'competency:oncall']);
    expect(out.ratings.map((r) => [ratingKey(r.ref), r.value ?? r.notApplicable?.reason, r.comment])).toEqual([
      ['code-s2-a', 'skilled', 'Led the module split'],
      ['competency:comms', 3, ''],
      ['competency:oncall', 'No rotation', ''],
    ]);
    expect(out.dropped.map((d) => [ratingKey(d.rating.ref), d.reason])).toEqual([['code-s2-b', 'This criterion is not asked at this level any more.']]);
  });

  it('drops a value no longer on the scale but keeps its comment', () => {
    const out = carryOverRatings([rated({ ref: ref('comms'), value: 2.5, comment: 'kept' })], ratingTargets(v2, 'ic', 'S2'), 'support', 'S2');
    expect(out.ratings).toEqual([{ ref: ref('comms'), comment: 'kept', evidence: [] }]);
    expect(out.dropped[0]!.reason).toContain('not on the Score scale');
  });
});

describe('what changed for the rated criteria', () => {
  it('lists removed and reworded criteria and a changed expectation, only for what was rated', () => {
    const assessment = {
      trackId: 'ic',
      levelId: 'S2',
      ratings: [
        rated({ ref: ref('code', 'code-s2-a'), value: 'skilled' }),
        rated({ ref: ref('code', 'code-s2-b'), value: 'skilled' }),
        rated({ ref: ref('comms'), value: 3 }),
      ],
    };
    expect(ratedChanges(v1, v2, assessment)).toEqual([
      {
        key: 'code-s2-a',
        competencyId: 'code',
        competencyName: 'Code',
        kind: 'reworded',
        before: 'Designs modules others build on.',
        after: 'Designs modules several teams build on.',
      },
      { key: 'code-s2-b', competencyId: 'code', competencyName: 'Code', kind: 'removed', before: 'Reviews every change of the team.', after: null },
      { key: 'expects:code', competencyId: 'code', competencyName: 'Code', kind: 'expects', before: 'Skilled', after: 'Expert' },
    ]);
    expect(ratedChanges(v1, v1, assessment)).toEqual([]);
    expect(ratedChanges(v1, v2, { ...assessment, ratings: [rated({ ref: ref('comms'), value: 3 })] })).toEqual([]);
  });
});

it('proposes the half-year of today as the period', () => {
  expect(defaultPeriod('2026-03-10')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
  expect(defaultPeriod('2026-12-01')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
});

describe('gap to the next level', () => {
  it('lists what the next level asks beyond the current one, the ratings and the evidence, and counts coverage without a score', async () => {
    const { gapToNextLevel } = await import('../../../shared/domain/gap');
    const self = {
      levelId: 'S1',
      ratings: [rated({ ref: ref('code', 'code-s1-a', 'S1'), value: 'skilled' }), rated({ ref: ref('comms', undefined, 'S1'), value: 4 })],
    };
    const gap = gapToNextLevel(v1, { trackId: 'ic', levelId: 'S1' }, { self }, new Map([['code', 3]]));
    expect([gap.nextLevelId, gap.nextLevelTitle]).toEqual(['S2', 'Senior Specialist']);
    const code = gap.competencies.find((c) => c.competency.id === 'code')!;
    expect(code.added.map((c) => c.id)).toEqual(['code-s2-a', 'code-s2-b']);
    expect([code.expectsNow, code.expectsNext, code.self, code.manager, code.evidence, code.grows]).toEqual(['Learning', 'Skilled', ['Skilled'], [], 3, true]);
    // Communication is reworded and on-call starts to apply at S2: three competencies grow.
    expect(gap.readiness).toEqual({ growing: 3, withEvidence: 1, ratedBoth: 0 });
    expect(gapToNextLevel(v1, { trackId: 'ic', levelId: 'S2' }, {}, new Map()).nextLevelId).toBeNull();
  });
});
