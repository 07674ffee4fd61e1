/**
 * The importers are total: whatever text they get — a broken CSV, half a YAML file, Markdown with
 * no front matter — they return a result and never throw. Every problem says where (row or line
 * and column), and a draft they do return is a ladder the checker accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { checkLadder, limits } from '../../../shared/ladder';
import { importFtJobFamily, importMonzoFramework, type ImportProblem, type ImportResult, importSpreadsheet } from '../../../shared/ladder/import';

function expectSound(result: ImportResult<unknown>, where: 'row' | 'line'): void {
  expect(typeof result.yaml).toBe('string');
  expect(Array.isArray(result.problems)).toBe(true);
  for (const p of result.problems as ImportProblem[]) {
    expect(p.message.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(p.severity);
    if (where === 'row') expect(p.row ?? 1).toBeGreaterThanOrEqual(1);
    if (where === 'line') expect(p.line ?? 1).toBeGreaterThanOrEqual(1);
    if (p.column !== undefined) expect(p.column).toBeGreaterThanOrEqual(1);
    if (p.columnLetter !== undefined) expect(p.columnLetter).toMatch(/^[A-Z]+$/);
  }
  if (result.problems.some((p) => p.severity === 'error')) expect(result.yaml === '' || result.yaml.length > 0).toBe(true);
  if (result.yaml !== '') {
    const files = new Map(result.shared.map((f) => [f.path, f.yaml]));
    const check = checkLadder({ path: 'draft.yaml', text: result.yaml }, (_from, include) =>
      files.has(include) ? { path: include, text: files.get(include)! } : null,
    );
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
  }
  expect(JSON.parse(JSON.stringify(result.mapping))).toEqual(result.mapping);
}

const csvToken = fc.oneof(
  fc.constantFrom(
    'Competency',
    'Level',
    'Criteria',
    'Category',
    'Track',
    'Expected',
    'Examples',
    'Links',
    'Id',
    'L1',
    'L2',
    'n/a',
    '- item',
    '1. item',
    'Code',
    'Design',
  ),
  fc.constantFrom(',', '\t', ';', '"', '""', '\n', '\r\n', '\r', ' ', '\uFEFF', 'é', '\u0000', '|', 'https://x.example/'),
  fc.string({ maxLength: 6 }),
);
const csvText = fc.array(csvToken, { maxLength: 80 }).map((t) => t.join(''));

describe('importers never throw on broken input', () => {
  it('spreadsheets', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(undefined, 'x.tsv', 'x.csv'), (text, fileName) => {
        expectSound(importSpreadsheet(text, { fileName }), 'row');
      }),
      { numRuns: 400 },
    );
  });

  it('spreadsheets with a mapping that does not fit the file', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.record(
          {
            layout: fc.constantFrom('grid' as const, 'rows' as const),
            headerRow: fc.integer({ min: 1, max: 5 }),
            competencyColumn: fc.integer({ min: 1, max: 6 }),
            levelColumn: fc.integer({ min: 1, max: 6 }),
            criteriaColumn: fc.integer({ min: 1, max: 6 }),
            expectsColumn: fc.integer({ min: 1, max: 6 }),
            levelColumns: fc.array(
              fc.record({ column: fc.integer({ min: 1, max: 8 }), id: fc.constantFrom('L1', 'L2', 'bad id', ''), title: fc.string({ maxLength: 5 }) }),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: [] },
        ),
        (text, mapping) => {
          const result = importSpreadsheet(text, { mapping });
          expect(Array.isArray(result.problems)).toBe(true);
          expect(typeof result.yaml).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  /** Job-family-like values with wrong types and missing keys here and there. */
  const ftValue = fc.record(
    {
      name: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)),
      summary: fc.oneof(fc.string({ maxLength: 20 }), fc.constant([])),
      isLegacy: fc.oneof(fc.boolean(), fc.string({ maxLength: 3 })),
      levels: fc.oneof(
        fc.array(
          fc.record(
            {
              id: fc.oneof(fc.constantFrom('junior', 'senior-ic', 'senior-pm', 'x y', ''), fc.integer()),
              name: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('Lead (People Manager)')),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 5 },
        ),
        fc.constant('levels'),
      ),
      themes: fc.array(
        fc.record(
          { id: fc.constantFrom('tech', 'comms', '', '1'), name: fc.string({ maxLength: 10 }), summary: fc.string({ maxLength: 10 }) },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      competencies: fc.array(
        fc.record(
          {
            id: fc.oneof(fc.uuid(), fc.constantFrom('dup', 'bad id', '')),
            level: fc.constantFrom('junior', 'senior-ic', 'senior-pm', 'nope'),
            theme: fc.constantFrom('tech', 'comms', 'nope'),
            summary: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('1. a\n2. b'), fc.integer()),
            proficiency: fc.constantFrom('Awareness', 'Expert', 'Odd', 'odd', ''),
            examples: fc.oneof(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), fc.constant('x')),
            supportingUrls: fc.array(fc.record({ label: fc.string({ maxLength: 5 }), url: fc.oneof(fc.webUrl(), fc.constant('')) }, { requiredKeys: [] }), {
              maxLength: 2,
            }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 10 },
      ),
    },
    { requiredKeys: [] },
  );

  it('FT job families: structured nonsense and cut-off text', () => {
    fc.assert(
      fc.property(ftValue, fc.nat(), (value, cut) => {
        const text = stringify(value);
        expectSound(importFtJobFamily(text), 'line');
        expectSound(importFtJobFamily(text.slice(0, cut % (text.length + 1))), 'line');
      }),
      { numRuns: 300 },
    );
  });

  it('Monzo frameworks: broken front matter and bodies', () => {
    const topic = fc.record(
      {
        name: fc.oneof(fc.constantFrom('communication', 'impact', 'Mastery!', ''), fc.integer()),
        title: fc.oneof(fc.constant(null), fc.string({ maxLength: 10 }), fc.constant('🛠️ Mastery')),
        content: fc.array(
          fc.record(
            {
              level: fc.oneof(fc.integer({ min: -1, max: 8 }), fc.constant('3'), fc.constant(1.5)),
              criteria: fc.oneof(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer()), { maxLength: 3 }), fc.constant('x')),
              exampleCriteria: fc.array(
                fc.record({ criteria: fc.string({ maxLength: 8 }), examples: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }) }, { requiredKeys: [] }),
                { maxLength: 2 },
              ),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
      },
      { requiredKeys: [] },
    );
    const front = fc.record(
      {
        title: fc.string({ maxLength: 10 }),
        levels: fc.oneof(fc.integer({ min: -2, max: 9 }), fc.constant(null)),
        topics: fc.oneof(fc.array(topic, { maxLength: 4 }), fc.constant('t')),
      },
      { requiredKeys: [] },
    );
    const body = fc
      .array(fc.constantFrom('## Level 2\n', '### Area\n', '#### About\n', '**Topic**\n', '* a criterion\n', '- another\n', 'text\n', '---\n'), {
        maxLength: 12,
      })
      .map((b) => b.join(''));
    fc.assert(
      fc.property(front, body, fc.nat(), (meta, text, cut) => {
        const file = `---\n${stringify(meta)}---\n${text}`;
        expectSound(importMonzoFramework(file), 'line');
        expectSound(importMonzoFramework(file.slice(0, cut % (file.length + 1))), 'line');
        expectSound(importMonzoFramework([{ text: file }, { text: `---\ntitle: B\n---\n${text}` }], { generic: { text: file } }), 'line');
      }),
      { numRuns: 300 },
    );
  });

  it('stays within the checker’s limits on huge input', () => {
    const big = `Competency,L1\n${'Code,x\n'.repeat(2000)}`;
    const result = importSpreadsheet(big);
    expect(result.yaml.length).toBeLessThan(limits.maxBytes);
    expect(result.problems.some((p) => p.message.includes('appears again'))).toBe(true);
  });
});
