import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';

import { cellFor, checkLadder } from '../../../shared/ladder';
import { editCellCriteria } from '../../../shared/ladder/edit';

const levelOrder = ['L1', 'L2', 'L3', 'L4', 'L5'];

type CellStyle = { kind: 'block' | 'flow' | 'na'; quote: 'plain' | 'double' | 'single' | 'literal' | 'folded'; text: string; comment: string | null };
interface CompetencySpec {
  cells: (CellStyle | null)[];
  commentBefore: string | null;
  blankAfter: boolean;
}

const word = fc.constantFrom('writes', 'tests', 'clear', 'code', 'reviews', 'plans', 'the', 'team', 'design', 'and', 'ships');
const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const comment = fc.option(
  sentence.map((s) => `# ${s}`),
  { nil: null },
);
const cellStyle: fc.Arbitrary<CellStyle> = fc.record({
  kind: fc.constantFrom('block', 'flow', 'na'),
  quote: fc.constantFrom('plain', 'double', 'single', 'literal', 'folded'),
  text: sentence,
  comment,
});
const competencySpec: fc.Arbitrary<CompetencySpec> = fc.record({
  cells: fc.array(fc.option(cellStyle, { nil: null }), { minLength: levelOrder.length, maxLength: levelOrder.length }),
  commentBefore: comment,
  blankAfter: fc.boolean(),
});

function scalar(style: CellStyle, indent: string, inFlow: boolean): string {
  const quote = inFlow && (style.quote === 'literal' || style.quote === 'folded') ? 'double' : style.quote;
  if (quote === 'double') return JSON.stringify(style.text);
  if (quote === 'single') return `'${style.text}'`;
  if (quote === 'literal') return `|\n${indent}  ${style.text}\n${indent}  second line`;
  if (quote === 'folded') return `>-\n${indent}  ${style.text}`;
  return style.text;
}

/** A ladder-shaped YAML file in many hand-written styles: indentation, quoting, comments, blank lines. */
function render(unit: number, specs: CompetencySpec[]): string {
  const pad = (n: number) => ' '.repeat(n);
  const lines = ['# header comment', 'id: gen', 'name: "Generated"   # trailing', '', 'competencies:'];
  specs.forEach((spec, i) => {
    if (spec.commentBefore) lines.push(`${pad(unit)}${spec.commentBefore}`);
    lines.push(`${pad(unit)}- id: c${i}`, `${pad(unit + 2)}name: Competency ${i}`);
    if (spec.cells.some(Boolean)) lines.push(`${pad(unit + 2)}levels:`);
    spec.cells.forEach((cell, j) => {
      if (!cell) return;
      const at = pad(unit + 2 + unit);
      const inner = pad(unit + 2 + 2 * unit);
      const tail = cell.comment ? ` ${cell.comment}` : '';
      if (cell.kind === 'na') lines.push(`${at}${levelOrder[j]}:${tail}`, `${inner}notApplicable: true`);
      else if (cell.kind === 'flow') lines.push(`${at}${levelOrder[j]}: { criteria: ${scalar(cell, inner, true)}, examples: [x] }${tail}`);
      else
        lines.push(
          `${at}${levelOrder[j]}:`,
          `${inner}criteria: ${scalar(cell, inner, false)}${cell.quote === 'literal' || cell.quote === 'folded' ? '' : tail}`,
          `${inner}examples: [one, two]`,
        );
    });
    if (spec.blankAfter) lines.push('');
  });
  lines.push('# footer comment', '');
  return lines.join('\n');
}

const newCriteria = fc
  .oneof(
    sentence,
    fc.array(sentence, { minLength: 2, maxLength: 4 }).map((l) => l.join('\n')),
    fc.string({ minLength: 1, maxLength: 60 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.array(fc.string({ minLength: 0, maxLength: 20 }), { minLength: 2, maxLength: 4 }).map((l) => l.join('\n')),
  )
  .filter((s) => s.trim().length > 0);

function competencyMap(text: string, index: number): YAMLMap {
  const list = parseDocument(text).get('competencies', true);
  if (!isSeq(list) || !isMap(list.items[index])) throw new Error('no competency');
  return list.items[index] as YAMLMap;
}

describe('quick edit of one cell', () => {
  it('changes only the edited cell: the rest of the file round-trips byte for byte', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2, 4),
        fc.array(competencySpec, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat({ max: levelOrder.length - 1 }),
        newCriteria,
        (unit, specs, pick, levelIndex, criteria) => {
          const source = render(unit, specs);
          const index = pick % specs.length;
          const levelId = levelOrder[levelIndex]!;
          const result = editCellCriteria(source, { competencyId: `c${index}`, levelId, levelOrder, criteria });
          if (!result.ok) throw new Error(`${result.message}\n${source}`);
          // Outside [start, end) of the original, not one byte moved.
          expect(result.text.slice(0, result.start)).toBe(source.slice(0, result.start));
          expect(result.text.slice(result.start + result.replacement.length)).toBe(source.slice(result.end));
          // What was replaced lies inside this competency's cell for that level (or nothing was, for an insert).
          const before = competencyMap(source, index);
          const cellPair = (before.get('levels', true) as YAMLMap | undefined)?.items.find((p) => String((p.key as { value: unknown }).value) === levelId);
          if (result.end > result.start) {
            const range = (cellPair?.value as { range?: number[] } | undefined)?.range;
            expect(range).toBeDefined();
            expect(result.start).toBeGreaterThanOrEqual(range![0]!);
            expect(result.end).toBeLessThanOrEqual(range![2]!);
          }
          // And the data now says the new criteria; every other value is the same.
          const after = parseDocument(result.text).toJS() as { competencies: { levels?: Record<string, { criteria?: string }> }[] };
          const expected = parseDocument(source).toJS() as typeof after;
          expect(after.competencies[index]!.levels![levelId]!.criteria!.trim()).toBe(criteria.trim());
          const strip = (doc: typeof after) => {
            const copy = structuredClone(doc);
            const levels = copy.competencies[index]!.levels;
            if (levels) delete levels[levelId];
            // A competency without levels gains a `levels` map holding only the new cell.
            if (levels && Object.keys(levels).length === 0) delete copy.competencies[index]!.levels;
            return copy;
          };
          expect(strip(after)).toEqual(strip(expected));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('edits the shipped fixture, keeping its comments, and the ladder stays valid', () => {
    const file = path.resolve(__dirname, '../../fixtures/ladders/app/team.yaml');
    const text = readFileSync(file, 'utf8');
    const reader = (_from: string, include: string) => ({ path: include, text: readFileSync(path.resolve(path.dirname(file), include), 'utf8') });
    const result = editCellCriteria(text, {
      competencyId: 'code-quality',
      levelId: 'L3',
      levelOrder: ['L1', 'L2', 'L3', 'L4', 'M4'],
      criteria: 'Owns the quality bar of a service.',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const line of text.split('\n').filter((l) => l.trim().startsWith('#'))) expect(result.text).toContain(line);
    const checked = checkLadder({ path: 'team.yaml', text: result.text }, reader);
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(cellFor(checked.ladder!, 'ic', 'code-quality', 'L3')).toMatchObject({ status: 'defined', criteria: 'Owns the quality bar of a service.' });
    expect(cellFor(checked.ladder!, 'ic', 'code-quality', 'L4')?.criteria).toMatch(/^Sets code quality practices/);
  });

  it('says why when it cannot edit', () => {
    expect(editCellCriteria('competencies: [', { competencyId: 'a', levelId: 'L1', levelOrder, criteria: 'x' })).toMatchObject({ ok: false });
    expect(editCellCriteria('competencies:\n  - id: a\n', { competencyId: 'b', levelId: 'L1', levelOrder, criteria: 'x' })).toEqual({
      ok: false,
      message: 'Competency "b" is not defined in this file.',
    });
    expect(editCellCriteria('competencies:\n  - id: a\n', { competencyId: 'a', levelId: 'L1', levelOrder, criteria: '   ' })).toEqual({
      ok: false,
      message: 'Criteria cannot be empty.',
    });
  });
});
