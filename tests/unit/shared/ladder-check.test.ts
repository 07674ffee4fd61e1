import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

import { cellFor, checkLadder, ladderSchema } from '../../../shared/ladder';
import { mapReader } from '../../support/ladder-reader';

const shared = `
scales:
  - id: proficiency
    name: Proficiency
    steps:
      - { id: developing, label: Developing }
      - { id: meets, label: Meets }
categories:
  - { id: people, name: People }
competencies:
  - id: communication
    name: Communication
    category: people
    abstract: true
    levels:
      L1: { criteria: "Explains their work clearly to their team.", examples: ["Writes a clear pull request description."] }
`;

const entry = `id: demo
name: Demo ladder
version: "1.0"
changelog:
  - { version: "1.0", date: "2026-01-05", summary: First version }
include: [shared.yaml]
tracks:
  - { id: ic, name: Individual contributor, forksAfter: L2 }
  - { id: mgr, name: Manager, forksAfter: L2 }
levels:
  - { id: L1, title: Engineer I, summary: Learns the codebase., rank: 1 }
  - { id: L2, title: Engineer II, summary: Delivers features alone., rank: 2, titles: { mgr: Engineer II (manager path) } }
  - { id: L3, title: Senior Engineer, summary: Leads projects., rank: 3, track: ic }
  - { id: M1, title: Engineering Manager, summary: Leads a team., rank: 3, track: mgr }
categories:
  - { id: craft, name: Craft }
competencies:
  - id: code
    name: Code quality
    category: craft
    weight: 2
    levels:
      L1:
        criteria: Writes readable, tested code with guidance.
        examples: [Adds tests for a bug fix.]
      L3:
        criteria: Sets the bar for code quality in the team.
        examples: [Introduces a linting rule and fixes the existing violations.]
      M1: { notApplicable: true, reason: Managers do not write production code here. }
  - id: team-communication
    extends: communication
    levels:
      L2: { criteria: "Explains trade-offs to people outside the team." , examples: [Presents a design at the guild.] }
`;

const files: Record<string, string> = { '/l/demo.yaml': entry, '/l/shared.yaml': shared };

describe('checkLadder on a valid ladder with an include, a fork, extends and inheritance', () => {
  const result = checkLadder({ path: '/l/demo.yaml', text: entry }, mapReader(files));

  it('has no problems and lists the files read', () => {
    expect(result.problems).toEqual([]);
    expect(result.files).toEqual(['/l/demo.yaml', '/l/shared.yaml']);
    expect(result.ladder).not.toBeNull();
    expect(() => ladderSchema.parse(result.ladder)).not.toThrow();
  });

  it('forks the trunk into tracks with their own titles', () => {
    const tracks = result.ladder!.tracks;
    expect(tracks.map((t) => [t.id, t.levelIds])).toEqual([
      ['ic', ['L1', 'L2', 'L3']],
      ['mgr', ['L1', 'L2', 'M1']],
    ]);
    expect(tracks[1]!.titles.L2).toBe('Engineer II (manager path)');
    expect(tracks[0]!.titles.L2).toBe('Engineer II');
  });

  it('says which cells are inherited and from where, and which do not apply', () => {
    const ladder = result.ladder!;
    expect(cellFor(ladder, 'ic', 'code', 'L2')).toMatchObject({
      status: 'inherited',
      inheritedFromLevelId: 'L1',
      criteria: 'Writes readable, tested code with guidance.',
    });
    expect(cellFor(ladder, 'mgr', 'code', 'M1')).toMatchObject({ status: 'not-applicable', reason: 'Managers do not write production code here.' });
    expect(cellFor(ladder, 'ic', 'code', 'L3')).toMatchObject({
      status: 'defined',
      source: { file: '/l/demo.yaml', line: 27, column: 19, path: ['competencies', 0, 'levels', 'L3', 'criteria'] },
    });
    expect(cellFor(ladder, 'ic', 'team-communication', 'L1')).toMatchObject({ status: 'defined', source: { file: '/l/shared.yaml' } });
    expect(cellFor(ladder, 'ic', 'communication', 'L1')).toBeUndefined();
  });

  it('gives each defined cell a YAML path the Document API can edit in place', () => {
    const cell = cellFor(result.ladder!, 'ic', 'code', 'L3')!;
    const doc = parseDocument(entry);
    expect(doc.getIn(cell.source!.path!)).toBe(cell.criteria);
    const inherited = cellFor(result.ladder!, 'mgr', 'team-communication', 'M1')!;
    expect(inherited).toMatchObject({
      status: 'inherited',
      inheritedFromLevelId: 'L2',
      source: { file: '/l/demo.yaml', path: ['competencies', 1, 'levels', 'L2', 'criteria'] },
    });
  });

  it('takes scales and categories from the included file', () => {
    const ladder = result.ladder!;
    expect(ladder.scales.map((s) => s.id)).toEqual(['proficiency']);
    expect(ladder.categories.map((c) => c.id)).toEqual(['people', 'craft']);
    expect(ladder.competencies.find((c) => c.id === 'team-communication')).toMatchObject({
      name: 'Communication',
      categoryId: 'people',
      scaleId: 'proficiency',
      extendsId: 'communication',
    });
  });
});
