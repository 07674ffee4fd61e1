/**
 * The model API the UI and assessments call: what a level asks under each progression, what
 * changes between levels, criteria ids across versions, and people's placement on the ladder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkLadderFile } from '../../../electron/services/ladder-files';
import {
  checkLadder,
  checkPlacement,
  compareLevels,
  criterionIdChanges,
  criterionIdWarnings,
  findCriterion,
  type Ladder,
  levelAsks,
  levelAsksAll,
  levelDelta,
  newAtLevel,
  placementOptions,
  progressionOf,
} from '../../../shared/ladder';
import { editCellCriteria } from '../../../shared/ladder/edit';

function ladder(progression: string, extra = ''): string {
  return `id: p
name: P
progression: ${progression}
tracks:
  - { id: ic, name: IC, forksAfter: L2 }
  - { id: mgr, name: Manager, forksAfter: L2 }
levels:
  - { id: L1, title: One, rank: 1 }
  - { id: L2, title: Two, rank: 2 }
  - { id: L3, title: Three, rank: 3, track: ic }
  - { id: L4, title: Four, rank: 4, track: ic }
  - { id: M1, title: Manager, rank: 3, track: mgr }
competencies:
  - id: code
    name: Code
    levels:
      L1:
        criteria: [{ id: tests, text: Writes tests. }, Fixes bugs.]
      L3:
        criteria: [{ id: tests, text: Writes tests for others too. }, Designs modules.]
      M1: { notApplicable: true }
${extra}`;
}
const load = (text: string): Ladder => {
  const result = checkLadder({ path: 'p.yaml', text });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.ladder!;
};
const texts = (list: { criterion: { text: string } }[]) => list.map((a) => a.criterion.text);

describe('what a level asks', () => {
  it('cumulative: the level’s cell, and what lower levels ask still applies', () => {
    const l = load(ladder('cumulative'));
    expect(progressionOf(l, 'ic')).toBe('cumulative');
    const asks = levelAsks(l, 'ic', 'code', 'L4');
    expect(asks).toMatchObject({ status: 'inherited', progression: 'cumulative' });
    expect(texts(asks.own)).toEqual(['Writes tests for others too.', 'Designs modules.']);
    // The id "tests" is asked once, in its L3 wording.
    expect(texts(asks.included)).toEqual(['Fixes bugs.']);
    expect(asks.all.map((a) => a.levelId)).toEqual(['L3', 'L3', 'L1']);
  });

  it('incremental: a level without a cell adds nothing new, but asks everything below', () => {
    const l = load(ladder('incremental'));
    const asks = levelAsks(l, 'ic', 'code', 'L2');
    expect(asks.own).toEqual([]);
    expect(texts(asks.all)).toEqual(['Writes tests.', 'Fixes bugs.']);
    expect(texts(levelAsks(l, 'ic', 'code', 'L3').all)).toEqual(['Writes tests for others too.', 'Designs modules.', 'Fixes bugs.']);
  });

  it('restated: exactly the level’s cell', () => {
    const l = load(ladder('restated'));
    expect(texts(levelAsks(l, 'ic', 'code', 'L3').all)).toEqual(['Writes tests for others too.', 'Designs modules.']);
  });

  it('not applicable asks nothing; a competency not on the track is absent', () => {
    const l = load(
      ladder('cumulative', '  - { id: hiring, name: Hiring, tracks: [mgr], levels: { L1: { notApplicable: true }, M1: { criteria: Hires. } } }\n'),
    );
    expect(levelAsks(l, 'mgr', 'code', 'M1')).toMatchObject({ status: 'not-applicable', all: [] });
    expect(levelAsks(l, 'ic', 'hiring', 'L3')).toMatchObject({ status: 'absent', all: [] });
    expect(levelAsksAll(l, 'mgr', 'M1').map((a) => [a.competencyId, a.all.length])).toEqual([
      ['code', 0],
      ['hiring', 1],
    ]);
  });
});

describe('what changes between levels', () => {
  it('cumulative: what is added; nothing is removed going up; the texts compared word by word', () => {
    const l = load(ladder('cumulative'));
    const delta = levelDelta(l, 'ic', 'code', 'L2', 'L3');
    expect(texts(delta.added)).toEqual(['Designs modules.']);
    expect(delta.removed).toEqual([]);
    expect(delta.changed.map((c) => [c.before.criterion.text, c.after.criterion.text])).toEqual([['Writes tests.', 'Writes tests for others too.']]);
    expect(delta.words?.some((w) => w.kind === 'added' && w.text.includes('others'))).toBe(true);
    expect(newAtLevel(l, 'ic', 'code', 'L4')?.same).toBe(true);
    expect(newAtLevel(l, 'ic', 'code', 'L1')).toBeUndefined();
  });

  it('restated: what the lower cell said and the higher one no longer does is removed; going down swaps', () => {
    const l = load(ladder('restated'));
    expect(texts(levelDelta(l, 'ic', 'code', 'L1', 'L3').removed)).toEqual(['Fixes bugs.']);
    expect(texts(levelDelta(l, 'ic', 'code', 'L3', 'L1').added)).toEqual(['Fixes bugs.']);
  });

  it('incremental: no word diff, the new criteria', () => {
    const l = load(ladder('incremental'));
    const delta = levelDelta(l, 'ic', 'code', 'L2', 'L3');
    expect(delta.words).toBeUndefined();
    expect(texts(delta.added)).toEqual(['Designs modules.']);
    expect(compareLevels(l, 'mgr', 'L2', 'M1')[0]).toMatchObject({ status: { from: 'inherited', to: 'not-applicable' }, removed: [{}, {}] });
  });
});

describe('criteria ids across versions', () => {
  const v1 = load(ladder('cumulative'));

  it('finds a criterion by id', () => {
    expect(findCriterion(v1, 'tests')).toMatchObject({ competencyId: 'code', criterion: { text: 'Writes tests.' } });
    expect(findCriterion(v1, 'p:code:L1:2')?.levelIds).toEqual(['L1', 'L2']);
    expect(findCriterion(v1, 'nope')).toBeUndefined();
  });

  it('warns about dropped and reordered ids, placed in the new version', () => {
    const v2text = ladder('cumulative')
      .replace('[{ id: tests, text: Writes tests. }, Fixes bugs.]', '[Fixes bugs., Reviews code.]')
      .replace('[{ id: tests, text: Writes tests for others too. }, Designs modules.]', '[Designs modules.]');
    const v2 = load(v2text);
    expect(criterionIdChanges(v1, v2).map((c) => `${c.kind} ${c.id}${c.nowId ? ` → ${c.nowId}` : ''}`)).toEqual([
      'dropped tests',
      'moved p:code:L1:2 → p:code:L1:1',
      'dropped p:code:L3:2',
    ]);
    const warnings = criterionIdWarnings(v1, v2);
    expect(warnings.map((w) => `${w.line}:${w.column} ${w.severity} ${w.code} ${w.message}`)).toEqual([
      '18:19 warning criterion-dropped criterion "tests" of competency "code" is no longer in the ladder ("Writes tests.")',
      '18:19 warning criterion-moved the criteria of competency "code" at level "L1" were reordered: "Fixes bugs." was criterion 2 and is now criterion 1',
      '20:19 warning criterion-dropped criterion 2 of competency "code" at level "L3" is no longer in the ladder ("Designs modules.")',
    ]);
    // checkLadder reports them when given the version in use before.
    const checked = checkLadder({ path: 'p.yaml', text: v2text }, undefined, { previous: v1 });
    expect(checked.ladder).not.toBeNull();
    expect(checked.problems.map((p) => p.code)).toEqual(['criterion-dropped', 'criterion-moved', 'criterion-dropped']);
  });

  it('compares nothing against a version stored before criteria items existed', () => {
    const legacy = { ...v1, cells: v1.cells.map(({ items: _items, ...c }) => c) } as Ladder;
    expect(criterionIdChanges(legacy, v1)).toEqual([]);
    // …but can still read its criteria, one per text cell.
    expect(findCriterion(legacy, 'p:code:L1:1')?.criterion.text).toBe('- Writes tests.\n- Fixes bugs.');
  });
});

describe('people on the ladder', () => {
  const eng = checkLadderFile(path.join(import.meta.dirname, '../../../ladders/engineering.yaml'))!.ladder!;

  it('lists tracks and their levels, titled per track, for a picker', () => {
    const options = placementOptions(eng);
    expect(options.map((o) => o.trackId)).toEqual(['ic', 'management']);
    expect(options[1]!.levels.map((l) => l.id)).toEqual(['L1', 'L2', 'L3', 'L4', 'M1', 'M2', 'M3', 'M4']);
    expect(options[0]!.levels[2]).toMatchObject({ id: 'L3', title: 'Senior Engineer', rank: 3, subLevels: [{ id: 'L3.1' }, { id: 'L3.2' }] });
  });

  it('says whether a placement still exists, and what it most likely became', () => {
    expect(checkPlacement(eng, { ladderId: 'engineering', trackId: 'ic', levelId: 'L3.2' })).toEqual({
      ok: true,
      trackId: 'ic',
      levelId: 'L3',
      subLevelId: 'L3.2',
    });
    expect(checkPlacement(eng, { ladderId: 'engineering', trackId: 'ic', levelId: 'M1' })).toMatchObject({
      ok: false,
      problem: 'level-not-on-track',
      suggestions: [
        { trackId: 'management', levelId: 'M1', why: 'same-level-other-track' },
        { trackId: 'ic', levelId: 'L5', why: 'same-rank' },
      ],
    });
    expect(checkPlacement(eng, { ladderId: 'engineering', trackId: 'people', levelId: 'M2' })).toMatchObject({
      ok: false,
      problem: 'unknown-track',
      suggestions: [{ trackId: 'management', levelId: 'M2' }],
    });
    expect(checkPlacement(eng, { ladderId: 'product', trackId: 'ic', levelId: 'L1' })).toMatchObject({ ok: false, problem: 'other-ladder' });
  });

  it('maps a level that was renamed or removed by its old title, a similar id or its rank', () => {
    const text = readFileSync(path.join(import.meta.dirname, '../../../ladders/engineering.yaml'), 'utf8');
    const renamed = text.replace(/\bL5\b/g, 'staff-5');
    const reader = (_from: string, include: string) => ({
      path: include,
      text: readFileSync(path.join(import.meta.dirname, '../../../ladders', include), 'utf8'),
    });
    const after = checkLadder({ path: 'engineering.yaml', text: renamed }, reader).ladder!;
    expect(checkPlacement(after, { ladderId: 'engineering', trackId: 'ic', levelId: 'L5' }, eng)).toMatchObject({
      ok: false,
      problem: 'unknown-level',
      // Its title and its rank both point at the renamed level: suggested once, best reason first.
      suggestions: [{ trackId: 'ic', levelId: 'staff-5', why: 'same-title', title: 'Staff Engineer' }],
    });
  });
});

describe('quick edit and criteria items', () => {
  it('does not flatten a list of criteria or a cell with expects into one text', () => {
    const text = ladder('cumulative', '  - { id: depth, name: Depth, levels: { L1: { expects: meets } } }\n');
    expect(editCellCriteria(text, { competencyId: 'code', levelId: 'L1', levelOrder: ['L1', 'L2', 'L3'], criteria: 'New.' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/one by one/),
    });
    expect(editCellCriteria(text, { competencyId: 'depth', levelId: 'L1', levelOrder: ['L1'], criteria: 'New.' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/more than criteria/),
    });
    // A not-applicable cell still becomes a defined one.
    expect(editCellCriteria(text, { competencyId: 'code', levelId: 'M1', levelOrder: ['L1', 'M1'], criteria: 'Reviews.' })).toMatchObject({ ok: true });
  });
});
