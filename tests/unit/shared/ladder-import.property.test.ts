/**
 * Round trips: a generated spreadsheet, saved as CSV or TSV, imported, written as YAML and
 * checked, says exactly what the sheet said — every competency, level and cell text, lists as
 * separate criteria, "n/a" as not applicable — whatever commas, quotes, line breaks or accents
 * the texts hold.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { cellFor, checkLadder, type Ladder } from '../../../shared/ladder';
import { importSpreadsheet } from '../../../shared/ladder/import';

/** Words, punctuation YAML and CSV care about, accents and line breaks. */
const piece = fc.oneof(
  fc.constantFrom('Writes', 'tests', 'reviews', 'code', 'équipe', 'Über', '设计', 'on-call', 'A/B', '100%', 'e.g.', '“quoted”'),
  fc.constantFrom(', ', ': ', ' - ', ' # ', '"', "'", ' | ', '{', '}', '[', ']', '&', '*', '!', '?', ' > ', ';', '\t', '@', '`'),
  fc.constantFrom(' ', ' ', ' ', '\n', '\n\n'),
);

const notApplicableWords = new Set(['n/a', 'na', 'not applicable', '-', '—', '–', 'none', 'not expected']);
const startsLikeList = /^\s*(?:[-*•–·]|\d+[.)])\s+/;

/** A cell's text as someone would write it: not empty, not a list, not "n/a". */
const cellText = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').trim())
  .filter((t) => t !== '' && !notApplicableWords.has(t.toLowerCase()) && !startsLikeList.test(t) && /[A-Za-zÀ-ÿ\u4e00-\u9fff]/.test(t));

/** One line of a list item (no line breaks, not itself starting like a list). */
const itemText = cellText.map((t) => t.replace(/\s*\n\s*/g, ' ').trim()).filter((t) => t !== '' && !startsLikeList.test(t));

type Cell = { kind: 'empty' } | { kind: 'na'; word: string } | { kind: 'text'; text: string } | { kind: 'list'; items: string[] };
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Cell>({ kind: 'empty' }) },
  { weight: 1, arbitrary: fc.constantFrom('n/a', 'N/A', 'not applicable').map((word): Cell => ({ kind: 'na', word })) },
  { weight: 4, arbitrary: cellText.map((text): Cell => ({ kind: 'text', text })) },
  { weight: 2, arbitrary: fc.array(itemText, { minLength: 2, maxLength: 4 }).map((items): Cell => ({ kind: 'list', items })) },
);

const render = (cell: Cell) =>
  cell.kind === 'empty' ? '' : cell.kind === 'na' ? cell.word : cell.kind === 'text' ? cell.text : cell.items.map((i) => `- ${i}`).join('\n');

/** Names that are not header words the importer reads as another column. */
const name = fc
  .tuple(
    fc.constantFrom('Code', 'Design', 'Système', 'On-call', 'Team', 'Craft', 'Growth', 'Data'),
    fc.integer({ min: 1, max: 999 }),
    fc.constantFrom('', ' & delivery', ', “safety”', ': basics'),
  )
  .map(([word, n, tail]) => `${word} ${n}${tail}`);
const levelHeader = fc.tuple(fc.constantFrom('L', 'E', 'Level ', 'Senior ', 'IC'), fc.integer({ min: 1, max: 99 })).map(([p, n]) => `${p}${n}`);

const sheetArb = fc
  .record({
    levels: fc.uniqueArray(levelHeader, { minLength: 1, maxLength: 6, selector: (h) => h.toLowerCase() }),
    names: fc.uniqueArray(name, { minLength: 1, maxLength: 6, selector: (n) => n.toLowerCase() }),
    delimiter: fc.constantFrom(',', '\t', ';'),
    seed: fc.array(cellArb, { minLength: 36, maxLength: 36 }),
  })
  .map(({ levels, names, delimiter, seed }) => ({
    levels,
    names,
    delimiter,
    cells: names.map((_, r) => levels.map((_, c) => seed[(r * levels.length + c) % seed.length]!)),
  }));

function check(yaml: string): Ladder {
  const result = checkLadder({ path: 'draft.yaml', text: yaml });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.ladder!;
}

describe('spreadsheet → YAML → checker round trip', () => {
  it('one row per competency, one column per level', () => {
    fc.assert(
      fc.property(sheetArb, ({ levels, names, delimiter, cells }) => {
        const rows = [['Competency', ...levels], ...names.map((n, r) => [n, ...cells[r]!.map(render)])];
        const text = Papa.unparse(rows, { delimiter, newline: delimiter === ';' ? '\r\n' : '\n' });
        const result = importSpreadsheet(text, { fileName: delimiter === '\t' ? 'ladder.tsv' : 'ladder.csv' });
        expect(result.problems).toEqual([]);
        expect(result.mapping.delimiter).toBe(delimiter);
        const ladder = check(result.yaml);
        const track = ladder.tracks[0]!.id;
        expect(ladder.levels.map((l) => l.title)).toEqual(levels);
        expect(ladder.competencies.map((c) => c.name)).toEqual(names);
        names.forEach((_, r) => {
          const competency = ladder.competencies[r]!;
          levels.forEach((_, c) => {
            const written = cells[r]![c]!;
            const cell = cellFor(ladder, track, competency.id, ladder.levels[c]!.id)!;
            if (written.kind === 'text') expect(cell).toMatchObject({ status: 'defined', criteria: written.text });
            if (written.kind === 'list') expect(cell.items?.map((i) => i.text)).toEqual(written.items);
            if (written.kind === 'na') expect(cell.status).toBe('not-applicable');
            if (written.kind === 'empty') expect(['inherited', 'missing', 'not-applicable']).toContain(cell.status);
          });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('one row per criterion, with an expected proficiency', () => {
    const steps = ['Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert'];
    const rowsArb = fc.record({
      names: fc.uniqueArray(name, { minLength: 1, maxLength: 4, selector: (n) => n.toLowerCase() }),
      levels: fc.uniqueArray(levelHeader, { minLength: 1, maxLength: 4, selector: (h) => h.toLowerCase() }),
      criteria: fc.array(fc.record({ c: fc.nat(), l: fc.nat(), text: cellText, step: fc.nat({ max: 4 }) }), { minLength: 1, maxLength: 25 }),
      delimiter: fc.constantFrom(',', '\t'),
    });
    fc.assert(
      fc.property(rowsArb, ({ names, levels, criteria, delimiter }) => {
        const rows = criteria.map((x) => ({ competency: names[x.c % names.length]!, level: levels[x.l % levels.length]!, text: x.text, step: steps[x.step]! }));
        const table = [['Competency', 'Level', 'Criteria', 'Proficiency'], ...rows.map((r) => [r.competency, r.level, r.text, r.step])];
        const result = importSpreadsheet(Papa.unparse(table, { delimiter }), {
          mapping: { levelValues: levels.map((value, i) => ({ value, id: `lv${i}`, title: value })) },
        });
        const ladder = check(result.yaml);
        const track = ladder.tracks[0]!.id;
        for (const competency of names) {
          for (const [i, level] of levels.entries()) {
            const here = rows.filter((r) => r.competency === competency && r.level === level);
            if (here.length === 0) continue;
            const id = ladder.competencies.find((c) => c.name === competency)!.id;
            const cell = cellFor(ladder, track, id, `lv${i}`)!;
            // Several rows are several criteria, in the sheet's order; a text written as a list splits.
            expect(cell.items?.map((x) => x.text).join('\u0000')).toBe(here.map((r) => r.text).join('\u0000'));
            // The cell's proficiency is its first row's (later rows that differ are warned about).
            expect(ladder.scales[0]!.steps.find((s) => s.id === cell.expects)?.label).toBe(here[0]!.step);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
