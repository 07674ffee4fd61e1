/**
 * The import dialog's logic without the dialog: detecting which importer a file needs, the
 * mapping step's header columns, and re-importing with the user's mapping — including generated
 * spreadsheets and broken input (never a throw; every problem says its row and column).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { detect, draftOf, emptyOverrides, fileNameFor, headerCells, importWhere, type MappingOverrides } from '../../../renderer/features/ladders/import/model';
import { columnLetter, detectLadderSource } from '../../../shared/ladder/import';

const fixtures = path.join(import.meta.dirname, '../../fixtures/ladders/import');
const read = (file: string) => readFileSync(path.join(fixtures, file), 'utf8');
const source = (name: string, text: string) => ({ name, text, encoding: 'utf-8' });

describe('detectLadderSource', () => {
  it.each([
    ['grid.csv', 'spreadsheet'],
    ['rows.tsv', 'spreadsheet'],
    ['ft-engineering.yml', 'ft'],
    ['ft-engineering-v1.yml', 'ft'],
    ['monzo-backend.md', 'monzo'],
  ])('%s is a %s', (file, kind) => {
    expect(detectLadderSource(file, read(file)).kind).toBe(kind);
  });

  it('tells a Trellis ladder from an FT job family, and sniffs files without a telling extension', () => {
    expect(detectLadderSource('team.yaml', 'id: team\nname: Team\ntracks: []\n').kind).toBe('trellis');
    expect(detectLadderSource('export.txt', 'Competency;L1;L2\nCode;a;b\n').kind).toBe('spreadsheet');
    expect(detectLadderSource('framework', read('monzo-backend.md')).kind).toBe('monzo');
    expect(detectLadderSource('family', read('ft-engineering.yml')).kind).toBe('ft');
  });

  it('says why a file cannot be imported, with the line and column of a YAML error', () => {
    expect(detectLadderSource('notes.md', '# Just notes\n')).toMatchObject({ kind: null, message: expect.stringMatching(/without front matter/) });
    expect(detectLadderSource('empty.csv', '  \n')).toEqual({ kind: null, message: 'empty.csv is empty.' });
    const broken = detectLadderSource('family.yml', 'name: x\nlevels: [a, b\n');
    expect(broken).toMatchObject({ kind: null, message: expect.stringMatching(/^family\.yml is not readable YAML \(line \d+, column \d+\)/) });
    expect(detectLadderSource('list.yaml', '- a\n- b\n')).toMatchObject({ kind: null, message: expect.stringMatching(/top level is not a set of keys/) });
    expect(detectLadderSource('other.yaml', 'foo: 1\nbar: 2\n')).toMatchObject({ kind: null, message: expect.stringMatching(/top-level keys are foo, bar/) });
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.constantFrom('a.csv', 'a.yaml', 'a.md', 'a.txt', 'a'), fc.string({ maxLength: 300 }), (name, text) => {
        const result = detectLadderSource(name, text);
        expect(result.kind === null ? typeof result.message : result.kind).toBeTruthy();
      }),
    );
  });
});

describe('the mapping step', () => {
  const grid =
    'Skill,Team area,L1,L2,L3\nCode quality,Craft,Writes tests,Reviews code,Sets the bar\nDelivery,Execution,Ships tasks,Ships features,Leads projects\n';

  it('offers the header cells as columns, by letter', () => {
    expect(headerCells(grid, { delimiter: ',', headerRow: 1 }).map((h) => h.label)).toEqual(['A: Skill', 'B: Team area', 'C: L1', 'D: L2', 'E: L3']);
    expect(headerCells('Title row\nA\tB\n', { delimiter: '\t', headerRow: 2 }).map((h) => h.label)).toEqual(['A: A', 'B: B']);
  });

  it('re-imports with the column the user mapped: an unknown header becomes the category, not a level', () => {
    const src = source('eng.csv', grid);
    const first = draftOf(src, emptyOverrides('spreadsheet'), 'eng.yaml');
    expect(first.imported.kind === 'spreadsheet' && first.imported.result.mapping.levelColumns.map((l) => l.id)).toEqual(['team-area', 'L1', 'L2', 'L3']);
    const mapped = draftOf(src, { kind: 'spreadsheet', mapping: { categoryColumn: 2 } }, 'eng.yaml');
    expect(mapped.imported.kind === 'spreadsheet' && mapped.imported.result.mapping.levelColumns.map((l) => l.id)).toEqual(['L1', 'L2', 'L3']);
    expect(mapped.imported.result.yaml).toMatch(/category: craft/);
    expect(mapped).toMatchObject({ canSave: true, ladderId: 'eng', problems: [] });
  });

  it('does not let a broken file be saved, and says where the problem is', () => {
    const broken = draftOf(source('b.csv', 'Competency,Level,Criteria\nCode,L1,Tests\nMentoring,L2,"Helps\n'), emptyOverrides('spreadsheet'), 'b.yaml');
    expect(broken.canSave).toBe(false);
    expect(broken.imported.result.problems.map(importWhere)).toContain('row 3');
    expect(importWhere({ severity: 'error', message: '', row: 3, column: 2, columnLetter: 'B' })).toBe('row 3, column B');
    expect(importWhere({ severity: 'error', message: '', line: 4, column: 7, file: 'a.md' })).toBe('a.md: line 4, column 7');
  });

  it('passes a Trellis ladder through as it is, checked like any other', () => {
    const text = readFileSync(path.join(import.meta.dirname, '../../fixtures/ladders/valid-small.yaml'), 'utf8');
    const draft = draftOf(source('small.yaml', text), emptyOverrides('trellis'), 'small.yaml');
    expect(draft.imported.result.yaml).toBe(text);
    expect(detect(source('small.yaml', text)).kind).toBe('trellis');
  });

  it('offers the ladder id as the file name', () => {
    expect(fileNameFor('platform-ladder', 'x.csv')).toBe('platform-ladder.yaml');
    expect(fileNameFor(null, 'My Ladder (2024).csv')).toBe('my-ladder-2024.yaml');
    expect(fileNameFor(null, '...csv')).toBe('imported-ladder.yaml');
  });

  // Generated sheets: any header names, any cell text, and the user mapping any column to any field.
  const header = fc.oneof(fc.constantFrom('Competency', 'Skill', 'Area', 'Notes', 'L1', 'L2', 'Senior', 'Level', 'Criteria', ''), fc.string({ maxLength: 12 }));
  const cellText = fc.oneof(fc.constantFrom('', 'n/a', 'Writes tests', '- a\n- b', 'Says "hi", twice', 'é'), fc.string({ maxLength: 20 }));
  const sheet = fc.integer({ min: 1, max: 6 }).chain((columns) =>
    fc.record({
      headers: fc.array(header, { minLength: columns, maxLength: columns }),
      rows: fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { maxLength: 6 }),
      delimiter: fc.constantFrom(',', '\t', ';') as fc.Arbitrary<',' | '\t' | ';'>,
    }),
  );
  const field = fc.constantFrom(
    'competencyColumn',
    'categoryColumn',
    'descriptionColumn',
    'levelColumn',
    'criteriaColumn',
    'trackColumn',
    'expectsColumn',
    'idColumn',
  );

  it('whatever the sheet and the mapping: never throws, problems are inside the sheet, a saveable draft checks clean', () => {
    fc.assert(
      fc.property(sheet, fc.array(fc.tuple(field, fc.integer({ min: 0, max: 8 })), { maxLength: 3 }), fc.constantFrom('grid', 'rows'), (s, edits, layout) => {
        const text = Papa.unparse([s.headers, ...s.rows], { delimiter: s.delimiter });
        const cells = headerCells(text, { delimiter: s.delimiter, headerRow: 1 });
        if (text.split(/\r?\n/)[0] !== '')
          expect(cells.map((c) => c.label)).toEqual(
            s.headers.map((h, i) => `${columnLetter(i + 1)}: ${h.trim() === '' ? '(no header)' : h.trim().slice(0, 60)}`),
          );
        const overrides: MappingOverrides = {
          kind: 'spreadsheet',
          mapping: { layout: layout as 'grid' | 'rows', delimiter: s.delimiter, ...Object.fromEntries(edits) },
        };
        const draft = draftOf(source('sheet.csv', text), overrides, 'sheet.yaml');
        const lines = text.split(/\r\n|\n/).length;
        for (const p of draft.imported.result.problems) {
          expect(p.message).not.toBe('');
          if (p.row !== undefined) expect(p.row).toBeGreaterThanOrEqual(1);
          if (p.row !== undefined) expect(p.row).toBeLessThanOrEqual(lines + 1);
          if (p.column !== undefined) expect(p.columnLetter).toBe(columnLetter(p.column));
        }
        if (draft.canSave) expect(draft.problems.filter((p) => p.severity === 'error')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
