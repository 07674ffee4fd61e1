/** Every key the issue-11 format adds, each on a small ladder: what it resolves to and what goes wrong. */
import { describe, expect, it } from 'vitest';

import { builtInScale, cellFor, checkLadder, type LadderCheck, type ReadInclude } from '../../../shared/ladder';
import { sha256Hex } from '../../../shared/ladder/sha256';
import { mapReader } from '../../support/ladder-reader';

/** A ladder with two trunk levels and a fork; `competencies` and `extra` root keys are spliced in. */
function ladder({ competencies = '', extra = '', levels = '', tracks = '', scales = true } = {}): string {
  return `id: demo
name: Demo
version: "1"
${extra}${
    scales
      ? `scales:
  - id: depth
    name: Depth
    steps:
      - { id: aware, label: Aware }
      - { id: working, label: Working }
      - { id: expert, label: Expert }
  - id: score
    name: Score
    min: 1
    max: 5
`
      : ''
  }tracks:
  - { id: ic, name: IC, forksAfter: L2 }
  - { id: mgr, name: Manager, forksAfter: L2 }
${tracks}levels:
  - { id: L1, title: Engineer I, rank: 1 }
  - { id: L2, title: Engineer II, rank: 2 }
  - { id: L3, title: Senior, rank: 3, track: ic }
  - { id: M1, title: Manager, rank: 3, track: mgr }
${levels}competencies:
${competencies}`;
}

const check = (text: string, read?: ReadInclude): LadderCheck => checkLadder({ path: '/l/demo.yaml', text }, read);
const problems = (result: LadderCheck) =>
  result.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}${p.hint ? ` (${p.hint})` : ''}`);

describe('progression', () => {
  it('defaults to cumulative, and a track can say otherwise', () => {
    const result = check(ladder({ competencies: '  - { id: c, name: C, levels: { L1: { criteria: x } } }\n', tracks: '' }));
    expect(result.ladder).toMatchObject({ progression: 'cumulative' });
    expect(result.ladder!.tracks.map((t) => t.progression)).toEqual(['cumulative', 'cumulative']);
    const custom = check(
      ladder({ extra: 'progression: incremental\n', competencies: '  - { id: c, name: C, levels: { L1: { criteria: x } } }\n' }).replace(
        '{ id: mgr, name: Manager, forksAfter: L2 }',
        '{ id: mgr, name: Manager, forksAfter: L2, progression: restated }',
      ),
    );
    expect(custom.ladder!.progression).toBe('incremental');
    expect(custom.ladder!.tracks.map((t) => t.progression)).toEqual(['incremental', 'restated']);
  });

  it('says which values it takes', () => {
    expect(problems(check(ladder({ extra: 'progression: additive\n', competencies: '  - { id: c, name: C, levels: { L1: { criteria: x } } }\n' })))).toEqual([
      '4:14 error invalid-value "progression" must be "cumulative" or "incremental" or "restated"',
    ]);
  });
});

describe('criteria items', () => {
  const items = `  - id: code
    name: Code
    levels:
      L1:
        criteria:
          - Writes tests.
          - id: reviews
            text: Reviews code.
            examples: [Catches a bug in review.]
            links: [{ title: Guide, url: https://example.com/reviews }]
          - text: Pairs with others.
        examples: [Pairs on a bug fix.]
      L2:
        criteria: Writes code alone.
`;

  it('keeps file ids and derives the others from ladder, competency, level and position', () => {
    const result = check(ladder({ competencies: items }));
    expect(result.problems).toEqual([]);
    const cell = cellFor(result.ladder!, 'ic', 'code', 'L1')!;
    expect(cell.items!.map((i) => [i.id, i.idFrom])).toEqual([
      ['demo:code:L1:1', 'derived'],
      ['reviews', 'file'],
      ['demo:code:L1:3', 'derived'],
    ]);
    expect(cell.items![1]).toMatchObject({ examples: ['Catches a bug in review.'], links: [{ title: 'Guide', url: 'https://example.com/reviews' }] });
    // The criteria as one text (a Markdown list), and every example, for what reads the old model.
    expect(cell.criteria).toBe('- Writes tests.\n- Reviews code.\n- Pairs with others.');
    expect(cell.examples).toEqual(['Pairs on a bug fix.', 'Catches a bug in review.']);
    // A text cell is one criterion.
    expect(cellFor(result.ladder!, 'ic', 'code', 'L2')!.items).toMatchObject([{ id: 'demo:code:L2:1', text: 'Writes code alone.' }]);
  });

  it('keeps derived ids when the text changes, and inherited cells keep the ids of the cell they copy', () => {
    const edited = check(ladder({ competencies: items.replace('Writes tests.', 'Writes unit and property tests.') }));
    expect(cellFor(edited.ladder!, 'ic', 'code', 'L1')!.items![0]!.id).toBe('demo:code:L1:1');
    expect(cellFor(edited.ladder!, 'mgr', 'code', 'M1')!.items!.map((i) => i.id)).toEqual(['demo:code:L2:1']);
  });

  it('reports duplicate ids, empty lists and items without text', () => {
    const text = items
      .replace('id: reviews', 'id: dup')
      .replace('- text: Pairs with others.', '- { id: dup, text: Pairs. }')
      .replace('criteria: Writes code alone.', 'criteria: []');
    expect(problems(check(ladder({ competencies: text })))).toEqual([
      '34:19 error duplicate-id criterion id "dup" is used twice in this cell (first used at line 30, column 17; an id names one criterion of one competency (it may come back at its other levels))',
      '37:19 error too-few "criteria" in competency "code", level "L2" needs at least 1 entry',
    ]);
    expect(problems(check(ladder({ competencies: items.replace('- text: Pairs with others.', '- { id: p }') })))).toEqual([
      '34:13 error required missing required key "text" in competency "code", level "L1", criterion 3',
    ]);
  });
});

describe('expects', () => {
  const cells = (l1: string, l2: string, l3: string, m1 = 'expert') => `  - id: code
    name: Code
    scale: depth
    levels:
      L1: { criteria: a, expects: ${l1} }
      L2: { criteria: b, expects: ${l2} }
      L3: { criteria: c, expects: ${l3} }
      M1: { criteria: d, expects: ${m1} }
`;

  it('is the expected step of the competency’s scale, inherited with the cell', () => {
    const result = check(ladder({ competencies: cells('aware', 'working', 'expert') }));
    expect(result.problems).toEqual([]);
    expect(cellFor(result.ladder!, 'ic', 'code', 'L3')).toMatchObject({ expects: 'expert' });
  });

  it('is checked against the scale, with a did-you-mean', () => {
    expect(problems(check(ladder({ competencies: cells('awre', 'working', 'expert') })))).toEqual([
      '28:35 error unknown-reference "awre" is not a step of scale "depth", which competency "code" uses (did you mean "aware"? Steps: aware, working, expert)',
    ]);
  });

  it('warns when it goes down along a track, once per cell', () => {
    expect(problems(check(ladder({ competencies: cells('working', 'expert', 'aware', 'aware') })))).toEqual([
      '30:35 warning expects-down competency "code" expects "aware" at level "L3", lower than "expert" at level "L2" on track "ic" (expectations usually rise along a track: check the step, or say in the criteria why it is lower)',
      '31:35 warning expects-down competency "code" expects "aware" at level "M1", lower than "expert" at level "L2" on track "mgr" (expectations usually rise along a track: check the step, or say in the criteria why it is lower)',
    ]);
  });

  it('on a numeric scale is a number in its range', () => {
    const numeric = (v: string) => `  - { id: c, name: C, scale: score, levels: { L1: { criteria: a, expects: ${v} } } }\n`;
    expect(check(ladder({ competencies: numeric('3') })).problems).toEqual([]);
    expect(problems(check(ladder({ competencies: numeric('9') })))).toEqual(['24:75 error out-of-range "expects: 9" is outside scale "score" (1 to 5)']);
    expect(problems(check(ladder({ competencies: numeric('high') })))).toEqual([
      '24:75 error wrong-type "expects" should be a number: competency "c" uses the numeric scale "score" (use a value from 1 to 5)',
    ]);
  });

  it('can be all a cell says; a cell that says nothing is an error', () => {
    const result = check(ladder({ competencies: '  - { id: c, name: C, scale: depth, levels: { L1: { expects: aware } } }\n' }));
    expect(result.problems).toEqual([]);
    expect(cellFor(result.ladder!, 'ic', 'c', 'L1')).toMatchObject({ status: 'defined', criteria: '', items: [], expects: 'aware' });
    expect(problems(check(ladder({ competencies: '  - { id: c, name: C, levels: { L1: {} } }\n' })))).toEqual([
      '24:37 error required the cell of competency "c" at level "L1" has no criteria (add "criteria", or "expects: <step>", or mark it notApplicable: true)',
    ]);
  });
});

describe('optional where sources have nothing', () => {
  const bare = `id: bare
name: Bare
tracks: [{ id: t, name: T }]
levels: [{ id: one }, { id: two }]
competencies:
  - { id: c, name: C, levels: { one: { criteria: Does things. } } }
`;

  it('a ladder without version, changelog, scales, level titles or summaries is valid', () => {
    const result = check(bare);
    expect(result.problems).toEqual([]);
    expect(result.ladder).toMatchObject({ version: sha256Hex(bare).slice(0, 12), versionFrom: 'content', changelog: [], defaultScaleId: 'default' });
    expect(result.ladder!.scales).toEqual([builtInScale]);
    expect(result.ladder!.levels.map((l) => [l.title, l.summary])).toEqual([
      ['one', ''],
      ['two', ''],
    ]);
    expect(result.ladder!.competencies[0]!.scaleId).toBe('default');
  });

  it('the content version covers included files too, and changes with any of them', () => {
    const entry = `${bare}include: [more.yaml]\n`;
    const v1 = check(entry, mapReader({ '/l/more.yaml': 'categories: []\n' })).ladder!.version;
    const v2 = check(entry, mapReader({ '/l/more.yaml': 'categories: [] # changed\n' })).ladder!.version;
    expect(v1).toMatch(/^[0-9a-f]{12}$/);
    expect(v1).not.toBe(v2);
    expect(v1).toBe(sha256Hex(`${entry}\u0000categories: []\n`).slice(0, 12));
  });

  it('warns about a version without changelog entry only when there is a changelog', () => {
    expect(check(`version: "2"\n${bare}`).problems).toEqual([]);
    expect(problems(check(`version: "2"\nchangelog: [{ version: "1", summary: First. }]\n${bare}`))).toEqual([
      '1:10 warning changelog-version version "2" has no changelog entry (add a changelog entry saying what changed in this version)',
    ]);
  });
});

describe('x- keys, status and supersedes', () => {
  it('keeps x- keys anywhere in the resolved model and never reports them', () => {
    const text = ladder({
      extra: 'x-source: { system: sheets, id: 42 }\nstatus: legacy\nsupersedes: old-demo\n',
      competencies: `  - id: c
    name: C
    x-colour: "#f00"
    levels:
      L1:
        x-sheet-row: 7
        criteria:
          - { text: One., x-uuid: 7ed8deae }
      x-ray:
        criteria: A level id that starts with x-.
`,
      levels: '  - { id: x-ray, title: X-ray, rank: 4, track: ic, x-grade: G7 }\n',
    })
      .replace('  - { id: ic, name: IC, forksAfter: L2 }', '  - { id: ic, name: IC, forksAfter: L2, x-owner: platform }')
      .replace('    name: Depth\n', '    name: Depth\n    x-origin: FT\n');
    const result = check(text);
    expect(result.problems).toEqual([]);
    const l = result.ladder!;
    expect(l).toMatchObject({ status: 'legacy', supersedes: 'old-demo', extensions: { 'x-source': { system: 'sheets', id: 42 } } });
    expect(l.tracks[0]!.extensions).toEqual({ 'x-owner': 'platform' });
    expect(l.levels.find((x) => x.id === 'x-ray')!.extensions).toEqual({ 'x-grade': 'G7' });
    expect(l.competencies[0]!.extensions).toEqual({ 'x-colour': '#f00' });
    expect(l.scales[0]!.extensions).toEqual({ 'x-origin': 'FT' });
    const cell = cellFor(l, 'ic', 'c', 'L1')!;
    expect(cell.extensions).toEqual({ 'x-sheet-row': 7 });
    expect(cell.items![0]!.extensions).toEqual({ 'x-uuid': '7ed8deae' });
    expect(cellFor(l, 'ic', 'c', 'x-ray')!.criteria).toBe('A level id that starts with x-.');
  });

  it('a ladder cannot supersede itself; status has two values', () => {
    const one = '  - { id: c, name: C, levels: { L1: { criteria: x } } }\n';
    expect(problems(check(ladder({ extra: 'supersedes: demo\n', competencies: one })))).toEqual([
      '4:13 error invalid-value ladder "demo" cannot supersede itself (name the id of the ladder this one replaces)',
    ]);
    expect(problems(check(ladder({ extra: 'status: retired\n', competencies: one })))).toEqual([
      '4:9 error invalid-value "status" must be "active" or "legacy"',
    ]);
  });
});

describe('points scoring', () => {
  const scored = (scoring: string) =>
    ladder({
      extra: scoring,
      competencies: '  - { id: a, name: A, scale: depth }\n  - { id: b, name: B, scale: depth, weight: 2 }\n',
    }).replace(
      /- \{ id: (aware|working|expert), label: (\w+) \}/g,
      (_m, id: string, label: string) => `- { id: ${id}, label: ${label}, points: ${{ aware: 0, working: 2, expert: 5 }[id]} }`,
    );

  it('checks bands and titles against the ladder', () => {
    const text = scored(`scoring:
  bands:
    - { min: 0, level: L1 }
    - { min: 4, level: L22 }
    - { min: 4, level: L3 }
  titles:
    - { title: Senior, track: icc, min: 4 }
    - { title: Odd, min: 5, max: 2 }
`);
    expect(problems(check(text))).toEqual([
      '7:24 error unknown-reference unknown level "L22" (did you mean "L2"?)',
      '8:14 error level-order scoring band 3 starts at 4, not above the band before it (4) (list bands lowest first, each with a higher "min")',
      '10:31 error unknown-reference unknown track "icc" (did you mean "ic"?)',
      '11:34 error out-of-range title "Odd" ends (2) before it starts (5)',
    ]);
  });

  it('warns when a scale gives no points, and a competency without cells is not a gap', () => {
    const result = check(ladder({ extra: 'scoring:\n  bands: [{ min: 0, level: L1 }]\n', competencies: '  - { id: a, name: A, scale: depth }\n' }));
    expect(problems(result)).toEqual([
      '4:1 warning no-points scale "depth" gives no points, so its competency scores nothing (add `points` to the steps of the scale)',
    ]);
  });

  it('resolves to the model assessments use', () => {
    const result = check(
      scored('scoring:\n  weighted: true\n  bands: [{ min: 0, level: L1 }, { min: 6, level: L2 }]\n  titles: [{ title: Senior, track: ic, min: 6 }]\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.ladder!.scoring).toEqual({
      weighted: true,
      bands: [
        { min: 0, levelId: 'L1' },
        { min: 6, levelId: 'L2' },
      ],
      titles: [{ title: 'Senior', trackId: 'ic', min: 6 }],
    });
  });
});

describe('shared files: level typos, ranks and add', () => {
  const entry = (competencies: string) => ladder({ extra: 'include: [shared.yaml]\n', competencies });
  const read = (shared: string) => mapReader({ '/l/shared.yaml': shared });

  it('a level id in a shared file close to one of the ladder’s is an error with did-you-mean; a different one is a warning', () => {
    const shared =
      'competencies:\n  - id: base\n    abstract: true\n    name: Base\n    levels:\n      l1: { criteria: a }\n      Level-2: { criteria: b }\n      L9: { criteria: c }\n';
    expect(problems(check(entry('  - { id: c, extends: base }\n'), read(shared)))).toEqual([
      // The ladder's own problems first, then the shared file's, each in line order.
      '25:11 warning missing-cell competency "c" has no criteria at level "L1" or below on track "ic" (add criteria for the lowest level, or mark it notApplicable: true)',
      '25:11 warning missing-cell competency "c" has no criteria at level "L1" or below on track "mgr" (add criteria for the lowest level, or mark it notApplicable: true)',
      '6:7 error unknown-reference level "l1" is not in ladder "demo" (did you mean "L1"? As written, this cell would not be used)',
      '7:7 warning unused-cell level "Level-2" is not in ladder "demo", so this cell is not used there',
      '8:7 warning unused-cell level "L9" is not in ladder "demo", so this cell is not used there',
    ]);
  });

  it('targets levels by rank, on every track; a level cell wins; add: true adds to it', () => {
    const shared = `competencies:
  - id: generic
    name: Generic
    ranks:
      1: { criteria: [Shares updates.] }
      3: { criteria: [Leads others.] }
  - id: base
    abstract: true
    name: Base
    ranks:
      1: { criteria: [From the rank.] }
`;
    const own = `  - id: specific
    extends: base
    levels:
      L1: { add: true, criteria: [From the ladder.] }
`;
    const result = check(entry(own), read(shared));
    expect(result.problems).toEqual([]);
    const l = result.ladder!;
    expect(cellFor(l, 'ic', 'generic', 'L3')!.criteria).toBe('Leads others.');
    expect(cellFor(l, 'mgr', 'generic', 'M1')!.criteria).toBe('Leads others.');
    expect(cellFor(l, 'ic', 'generic', 'L1')!.items).toMatchObject([{ id: 'demo:generic:rank=1:1', writtenIn: { competencyId: 'generic', rank: 1 } }]);
    expect(cellFor(l, 'ic', 'specific', 'L1')!.items!.map((i) => [i.id, i.text])).toEqual([
      ['demo:base:rank=1:1', 'From the rank.'],
      ['demo:specific:L1:1', 'From the ladder.'],
    ]);
  });

  it('reports ranks that are not numbers or that no level has, and an add with nothing to add to', () => {
    const shared = 'competencies:\n  - id: g\n    name: G\n    ranks:\n      first: { criteria: a }\n      7: { criteria: b }\n';
    expect(problems(check(entry('  - { id: c, name: C, levels: { L1: { add: true, criteria: x } } }\n'), read(shared)))).toEqual([
      '25:39 warning nothing-to-add "add: true" has nothing to add to: competency "c" has no other criteria at level "L1" (these criteria are used as they are; remove "add" or check the level)',
      '2:9 warning missing-cell competency "g" has no criteria at level "L1" or below on track "ic" (add criteria for the lowest level, or mark it notApplicable: true)',
      '2:9 warning missing-cell competency "g" has no criteria at level "L1" or below on track "mgr" (add criteria for the lowest level, or mark it notApplicable: true)',
      '5:7 error invalid-value "first" is not a rank (ranks are the numbers given as `rank` on levels, such as 1, 2 or 3)',
      '6:7 warning unused-cell no level of ladder "demo" has rank 7, so this cell is not used there',
    ]);
  });
});

describe('categories', () => {
  it('are optional for a ladder that has none, required once it has some', () => {
    expect(check(ladder({ competencies: '  - { id: c, name: C, levels: { L1: { criteria: x } } }\n' })).problems).toEqual([]);
    const withCategories = ladder({ competencies: '  - { id: c, name: C, levels: { L1: { criteria: x } } }\n' }).replace(
      'competencies:',
      'categories: [{ id: k, name: K }]\ncompetencies:',
    );
    expect(problems(check(withCategories))).toEqual(['25:11 error required competency "c" has no category (add "category" with one of: k)']);
  });
});

describe('.json ladders', () => {
  it('are read like YAML ones, with positions, and JSON mistakes explained', () => {
    const json = JSON.stringify(
      {
        id: 'j',
        name: 'JSON ladder',
        tracks: [{ id: 't', name: 'T' }],
        levels: [{ id: 'L1' }],
        competencies: [{ id: 'c', name: 'C', levels: { L1: { criteria: ['One.', { id: 'two', text: 'Two.' }], expects: 'meets' } } }],
      },
      null,
      2,
    );
    const result = checkLadder({ path: 'ladder.json', text: json });
    expect(result.problems).toEqual([]);
    expect(cellFor(result.ladder!, 't', 'c', 'L1')!.items!.map((i) => i.id)).toEqual(['j:c:L1:1', 'two']);
    const broken = checkLadder({ path: 'ladder.json', text: json.replace('"JSON ladder",', '"JSON ladder"') });
    expect(problems(broken)).toEqual([
      '3:3 error yaml-syntax a comma is missing at the end of this line (in JSON, the items of an object or a list are separated by ",")',
    ]);
    const typo = checkLadder({ path: 'ladder.json', text: json.replace('"expects"', '"expect"') });
    expect(typo.problems[0]).toMatchObject({ line: 28, code: 'unknown-key', message: 'unknown key "expect" in competency "c", level "L1"' });
  });
});
