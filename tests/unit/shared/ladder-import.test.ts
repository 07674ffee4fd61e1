/**
 * The importers as a user meets them: a file in another format becomes a Trellis draft that the
 * checker accepts, the mapping used is returned for the mapping step, and every problem says where.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { cellFor, checkLadder, type Ladder, type ReadInclude } from '../../../shared/ladder';
import { columnLetter, type DraftFile, importFtJobFamily, importMonzoFramework, importSpreadsheet, splitCriteria } from '../../../shared/ladder/import';

const fixtures = path.join(import.meta.dirname, '../../fixtures/ladders/import');
const read = (file: string) => readFileSync(path.join(fixtures, file), 'utf8');

/** Checks a draft (with its shared files) the way the app would before saving it. */
function checkDraft(yaml: string, shared: DraftFile[] = []): Ladder {
  const files = new Map(shared.map((f) => [f.path, f.yaml]));
  const reader: ReadInclude = (_from, include) => (files.has(include) ? { path: include, text: files.get(include)! } : null);
  const check = checkLadder({ path: 'draft.yaml', text: yaml }, reader);
  expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return check.ladder!;
}

describe('spreadsheet: competencies as rows, levels as columns', () => {
  const result = importSpreadsheet(read('grid.csv'), { fileName: 'Engineering ladder.csv' });

  it('detects the layout and the columns, and names the ladder after the file', () => {
    expect(result.problems).toEqual([]);
    expect(result.mapping).toMatchObject({
      layout: 'grid',
      delimiter: ',',
      headerRow: 1,
      competencyColumn: 1,
      categoryColumn: 2,
      descriptionColumn: 3,
      levelColumns: [
        { column: 4, id: 'L1', title: 'L1' },
        { column: 5, id: 'L2', title: 'L2' },
        { column: 6, id: 'L3', title: 'L3' },
      ],
      ladder: { id: 'engineering-ladder', name: 'Engineering ladder' },
    });
    expect(result.summary).toEqual({ tracks: 1, levels: 3, competencies: 3, cells: 7, criteria: 7 });
  });

  it('produces a draft the checker accepts, with lists, "n/a" and quoting as the sheet had them', () => {
    const ladder = checkDraft(result.yaml);
    expect(ladder.categories.map((c) => c.name)).toEqual(['Craft', 'Leadership']);
    expect(cellFor(ladder, 'engineering-ladder', 'code-quality', 'L1')?.criteria).toBe('Writes tested code, with guidance.');
    expect(cellFor(ladder, 'engineering-ladder', 'code-quality', 'L2')?.items?.map((i) => i.text)).toEqual([
      'Writes tested code alone',
      "Reviews others' code carefully",
    ]);
    // A lead-in line keeps the cell one Markdown text.
    expect(cellFor(ladder, 'engineering-ladder', 'code-quality', 'L3')?.items).toHaveLength(1);
    expect(cellFor(ladder, 'engineering-ladder', 'people-management', 'L3')).toMatchObject({ status: 'not-applicable', inheritedFromLevelId: 'L1' });
    expect(ladder.competencies.find((c) => c.id === 'code-quality')?.description).toBe('Writing code others can change.');
  });

  it('takes a mapping back from the mapping step: renamed levels, another ladder name, a progression', () => {
    const again = importSpreadsheet(read('grid.csv'), {
      mapping: {
        ...result.mapping,
        levelColumns: result.mapping.levelColumns.map((l, i) => ({ ...l, id: `E${i + 1}`, title: `Engineer ${i + 1}` })),
        ladder: { id: 'eng', name: 'Eng' },
        progression: 'incremental',
      },
    });
    const ladder = checkDraft(again.yaml);
    expect(ladder.levels.map((l) => [l.id, l.title])).toEqual([
      ['E1', 'Engineer 1'],
      ['E2', 'Engineer 2'],
      ['E3', 'Engineer 3'],
    ]);
    expect(ladder).toMatchObject({ id: 'eng', name: 'Eng', progression: 'incremental' });
  });

  it('says where rows and cells were left out, by row and column letter', () => {
    const sheet = 'Competency,L1,L2\nCode,Writes code,Writes more\n,orphan text,\nDesign,Sketches,,extra text\n';
    const r = importSpreadsheet(sheet);
    expect(r.problems.map((p) => [p.severity, p.row, p.columnLetter, p.message])).toEqual([
      ['warning', 4, 'D', 'row 4, column D has text but its column has no header; it was left out'],
      ['warning', 3, 'A', 'row 3, column A: the row has criteria but no competency name; it was left out'],
    ]);
    checkDraft(r.yaml);
  });

  it('reports a file it cannot use instead of guessing', () => {
    expect(importSpreadsheet('').problems).toMatchObject([{ severity: 'error', row: 1, message: 'the file is empty' }]);
    expect(importSpreadsheet('Competency\nCode\n').problems[0]).toMatchObject({
      severity: 'error',
      message: 'no header row: no row names at least two columns',
    });
    const unclosed = importSpreadsheet('Competency,L1\nCode,"Writes code\nDesign,Sketches\n');
    expect(unclosed.problems[0]).toMatchObject({
      severity: 'error',
      row: 2,
      message: 'row 2: a quoted cell is not closed, so the rest of the file may have been read into it',
    });
  });
});

describe('spreadsheet: one row per criterion', () => {
  const result = importSpreadsheet(read('rows.tsv'), { fileName: 'ft-style.tsv' });

  it('detects the columns, the levels and the tracks, and the proficiency scale in its known order', () => {
    expect(result.problems).toEqual([]);
    expect(result.mapping).toMatchObject({
      layout: 'rows',
      delimiter: '\t',
      levelColumn: 2,
      trackColumn: 3,
      criteriaColumn: 4,
      examplesColumn: 5,
      linksColumn: 6,
      expectsColumn: 7,
      idColumn: 8,
      trackValues: [
        { value: 'IC', id: 'ic', name: 'IC' },
        { value: 'PM', id: 'pm', name: 'PM' },
      ],
      steps: ['Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert'],
    });
    expect(result.mapping.levelValues.map((l) => l.id)).toEqual(['junior', 'engineer', 'senior-2-ic', 'senior-2-pm']);
  });

  it('makes shared levels the trunk, each track its own levels, and several rows one cell with several criteria', () => {
    const ladder = checkDraft(result.yaml);
    expect(ladder.tracks.map((t) => [t.id, t.levelIds])).toEqual([
      ['ic', ['junior', 'engineer', 'senior-2-ic']],
      ['pm', ['junior', 'engineer', 'senior-2-pm']],
    ]);
    expect(cellFor(ladder, 'ic', 'technical', 'junior')?.items?.map((i) => i.text)).toEqual(['Writes tested code.', 'Uses source control every day.']);
    expect(cellFor(ladder, 'ic', 'planning', 'senior-2-ic')).toMatchObject({
      expects: 'working-knowledge',
      items: [
        {
          id: 'plan-s2-ic',
          idFrom: 'file',
          examples: ['A plan for the payments migration'],
          links: [{ title: 'Planning guide', url: 'https://wiki.example.com/planning' }],
        },
      ],
    });
    expect(cellFor(ladder, 'pm', 'planning', 'junior')?.items?.[0]?.id).toBe('plan-junior');
  });

  it('says which rows it could not place', () => {
    const sheet = 'Competency,Level,Criteria,Expected\nCode,L1,Writes code,Meets\nCode,,Writes more,\n,L1,No competency,\nCode,L9,Unknown level,\nCode,L2,,\n';
    const r = importSpreadsheet(sheet, { mapping: { levelValues: [{ value: 'L1', id: 'L1', title: 'L1' }] } });
    expect(r.problems.map((p) => `${p.row}${p.columnLetter} ${p.message}`)).toEqual([
      '1D row 1, column D: the column has one value only ("Meets"), so it says nothing a scale could compare; it was left out',
      '3B row 3, column B: no level named; the row was left out',
      '4A row 4, column A: no competency named; the row was left out',
      '5B row 5, column B: "L9" is not one of the mapped levels; the row was left out',
      '6B row 6, column B: "L2" is not one of the mapped levels; the row was left out',
    ]);
    checkDraft(r.yaml);
  });
});

describe('Financial Times job-family YAML', () => {
  it('v2: forks into IC and people-manager tracks, keeps UUIDs as criterion ids and proficiency as expects', () => {
    const result = importFtJobFamily(read('ft-engineering.yml'), { fileName: 'engineering.yml' });
    expect(result.problems).toEqual([]);
    expect(result.mapping.progression).toBe('restated');
    expect(result.mapping.tracks).toEqual([
      { id: 'ic', name: 'Individual Contributor' },
      { id: 'pm', name: 'People Manager' },
    ]);
    expect(result.mapping.levels.map((l) => [l.id, l.track ?? '', l.rank])).toEqual([
      ['junior', '', 1],
      ['engineer', '', 2],
      ['senior-1', '', 3],
      ['senior-2-ic', 'ic', 4],
      ['senior-2-pm', 'pm', 4],
      ['principal-ic', 'ic', 5],
      ['principal-pm', 'pm', 5],
      ['tech-director', 'pm', 6],
    ]);
    const ladder = checkDraft(result.yaml);
    expect(ladder.extensions).toEqual({ 'x-ft-google-sheet-id': '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789' });
    expect(ladder.tracks[1]!.levelIds).toEqual(['junior', 'engineer', 'senior-1', 'senior-2-pm', 'principal-pm', 'tech-director']);
    expect(cellFor(ladder, 'pm', 'communication', 'tech-director')).toMatchObject({
      expects: 'expert',
      items: [{ id: '4e5f6a7b-0008-4c8d-9e0f-000000000008' }],
    });
    // A numbered summary becomes separate criteria.
    expect(cellFor(ladder, 'ic', 'technical', 'engineer')?.items?.map((i) => i.id)).toEqual([
      '4e5f6a7b-0010-4c8d-9e0f-000000000010-1',
      '4e5f6a7b-0010-4c8d-9e0f-000000000010-2',
    ]);
  });

  it('v1 (legacy): many criteria per cell with examples and links, other keys kept as x-ft-…', () => {
    const result = importFtJobFamily(read('ft-engineering-v1.yml'));
    expect(result.problems).toEqual([]);
    expect(result.mapping.progression).toBe('incremental');
    const ladder = checkDraft(result.yaml);
    expect(ladder.status).toBe('legacy');
    expect(cellFor(ladder, 'engineering-legacy', 'technical', 'junior')?.items).toHaveLength(2);
    expect(cellFor(ladder, 'engineering-legacy', 'technical', 'engineer')?.items?.[0]).toMatchObject({
      links: [{ title: 'Open Web Application Security Project', url: 'https://owasp.org/' }],
      extensions: { 'x-ft-domain': 'web' },
    });
    // Leadership starts at senior-1: the levels below are not applicable, not a gap.
    expect(cellFor(ladder, 'engineering-legacy', 'leadership', 'engineer')).toMatchObject({ status: 'not-applicable' });
  });

  it('reports broken files with the line, and entries it cannot place', () => {
    const broken = importFtJobFamily('name: X\nlevels:\n  - id: junior\n    name Junior\n');
    expect(broken).toMatchObject({ yaml: '', problems: [{ severity: 'error', line: 4, message: 'add ":" after "name"' }] });
    expect(importFtJobFamily('- a\n- b\n').problems[0]?.message).toMatch(/not an FT job family/);
    expect(importFtJobFamily('name: X\n').problems[0]).toMatchObject({ message: 'the job family has no levels' });
    const misplaced = importFtJobFamily(
      read('ft-engineering.yml').replace('level: junior\n    theme: communication', 'level: juniour\n    theme: communication'),
    );
    expect(misplaced.problems).toMatchObject([
      { severity: 'warning', line: 47, message: expect.stringMatching(/names level "juniour", which the job family does not list/) },
    ]);
  });
});

describe('Monzo front-matter Markdown', () => {
  it('a framework with a generic one: numbered levels, sparse topics, the generic framework as a shared file by rank', () => {
    const result = importMonzoFramework(
      { fileName: 'backend.md', text: read('monzo-backend.md') },
      { generic: { fileName: 'generic.md', text: read('monzo-generic.md') } },
    );
    expect(result.problems).toEqual([]);
    expect(result.shared.map((f) => f.path)).toEqual(['shared/generic.yaml']);
    const ladder = checkDraft(result.yaml, result.shared);
    expect(ladder).toMatchObject({ name: 'Backend Engineering Framework', progression: 'incremental' });
    expect(ladder.levels.map((l) => [l.id, l.rank])).toEqual([
      ['L1', 1],
      ['L2', 2],
      ['L3', 3],
      ['L4', 4],
    ]);
    expect(ladder.description).toContain('A compass, not a GPS');
    // The shared topic starts from the generic one and adds the framework's criteria.
    expect(cellFor(ladder, 'backend', 'communication', 'L1')?.items?.map((i) => i.text)).toEqual([
      'Says what they are working on and asks for help when stuck',
      'Tells their buddy what they are working on',
      'Writes pull request descriptions with basic context',
    ]);
    expect(cellFor(ladder, 'backend', 'communication', 'L2')?.items?.[1]).toMatchObject({ examples: ['Suggests a clearer name and says why it reads better'] });
    expect(cellFor(ladder, 'backend', 'values', 'L2')?.criteria).toBe('Raises problems they see, even outside their own work');
    expect(cellFor(ladder, 'backend', 'leadership', 'L2')).toMatchObject({ status: 'not-applicable' });
    expect(ladder.competencies.find((c) => c.id === 'leadership')?.name).toBe('Leadership');
  });

  it('two frameworks whose level numbers overlap: one track each, the body format read too', () => {
    const result = importMonzoFramework([
      { fileName: 'ops-individual-contributor.md', text: read('monzo-ops-ic.md') },
      { fileName: 'ops-leadership.md', text: read('monzo-ops-leadership.md') },
    ]);
    expect(result.problems).toEqual([]);
    const ladder = checkDraft(result.yaml);
    expect(ladder.name).toBe('Operations');
    expect(ladder.tracks.map((t) => [t.id, t.levelIds])).toEqual([
      ['individual-contributor', ['individual-contributor-1', 'individual-contributor-2', 'individual-contributor-3', 'individual-contributor-4']],
      ['leadership', ['leadership-3', 'leadership-4']],
    ]);
    // The leadership framework groups its competencies in areas; the IC topics go under their track's name.
    expect(ladder.categories.map((c) => [c.id, c.name, c.description])).toEqual([
      ['impact', 'Impact', 'Ambiguity and impact of their work'],
      ['teamwork', 'Teamwork', 'Teamwork skills and level of autonomy'],
      ['individual-contributor', 'Individual Contributor', undefined],
    ]);
    expect(cellFor(ladder, 'leadership', 'problem-ownership-foresight', 'leadership-3')?.items).toHaveLength(2);
    expect(ladder.competencies.find((c) => c.id === 'impact')?.trackIds).toEqual(['individual-contributor']);
  });

  it('reports what it cannot read, with the line', () => {
    expect(importMonzoFramework('# Just a heading\n').problems[0]).toMatchObject({
      severity: 'error',
      line: 1,
      message: expect.stringMatching(/does not start with front matter/),
    });
    const bad = importMonzoFramework(
      '---\ntitle: X\nlevels: 2\ntopics:\n  - name: a\n    content:\n      - level: 7\n        criteria: [x]\n      - level: 1\n        criteria: [y]\n---\n',
    );
    expect(bad.problems).toMatchObject([
      { severity: 'warning', line: 7, message: 'topic "a": level 7 is not a level of this framework (1 to 2); its criteria were left out' },
    ]);
    checkDraft(bad.yaml);
    const syntax = importMonzoFramework('---\ntitle: X\ntopics\n  - name: a\n---\n');
    expect(syntax.problems[0]).toMatchObject({ severity: 'error', line: 3, message: 'add ":" after "topics"' });
  });
});

describe('helpers', () => {
  it('names spreadsheet columns by letter', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('splits a cell into criteria only when it is written as a list', () => {
    expect(splitCriteria('One criterion, with a comma.')).toBe('One criterion, with a comma.');
    expect(splitCriteria('- a\n- b\n  continued')).toEqual(['a', 'b continued']);
    expect(splitCriteria('1. a\n2) b')).toEqual(['a', 'b']);
    expect(splitCriteria('Lead-in:\n- a\n- b')).toBe('Lead-in:\n- a\n- b');
  });
});
