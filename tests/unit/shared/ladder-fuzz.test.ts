/**
 * The checker is total: whatever text (or include graph) it gets, it returns a well-formed result
 * and never throws. Bounded work is asserted through the limits it reports, not through time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkLadder, type LadderCheck, ladderSchema, limits, type ReadInclude } from '../../../shared/ladder';
import { mapReader } from '../../support/ladder-reader';

const engineering = readFileSync(path.join(import.meta.dirname, '../../../ladders/engineering.yaml'), 'utf8');

function expectWellFormed(result: LadderCheck, entryPath = 'fuzz.yaml'): void {
  expect(Array.isArray(result.problems)).toBe(true);
  expect(result.problems.length).toBeLessThanOrEqual(limits.maxProblems + 1);
  expect(result.files[0]).toBe(entryPath);
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.endLine).toBeGreaterThanOrEqual(p.line);
    expect(['error', 'warning']).toContain(p.severity);
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.code).not.toBe('internal');
  }
  const hasError = result.problems.some((p) => p.severity === 'error');
  expect(result.ladder === null).toBe(hasError);
  if (result.ladder) {
    expect(ladderSchema.safeParse(result.ladder).success).toBe(true);
    // It crosses IPC: plain JSON.
    expect(JSON.parse(JSON.stringify(result.ladder))).toEqual(result.ladder);
  }
}

const check = (text: string, read?: ReadInclude) => checkLadder({ path: 'fuzz.yaml', text }, read);

const vocabulary = [
  'id',
  'name',
  'version',
  'changelog',
  'include',
  'tracks',
  'levels',
  'categories',
  'competencies',
  'scales',
  'criteria',
  'examples',
  'notApplicable',
  'extends',
  'forksAfter',
  'track',
  'rank',
  'summary',
  'title',
  'steps',
  'L1',
  'L2',
  'critera',
  '<<',
  // Keys of the issue-11 format, so its code paths get broken input too.
  'expects',
  'progression',
  'cumulative',
  'ranks',
  'add',
  'text',
  'x-meta',
  'scoring',
  'bands',
  'min',
  'points',
  'status',
  'supersedes',
  'signals',
];
const token = fc.oneof(
  fc.constantFrom(...vocabulary),
  fc.constantFrom(
    ': ',
    '- ',
    '\n',
    '  ',
    '[',
    ']',
    '{',
    '}',
    ',',
    '&a ',
    '*a',
    '&b ',
    '*b',
    '"',
    "'",
    '|',
    '>',
    '#',
    '---',
    '!!str ',
    '? ',
    '\t',
    '~',
    'true',
    '1.5',
    '',
  ),
  fc.string({ maxLength: 8 }),
);
const yamlish = fc.array(token, { maxLength: 200 }).map((parts) => parts.join(''));

describe('checkLadder never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => expectWellFormed(check(text))),
      { numRuns: 300 },
    );
  });

  it("on YAML-ish text built from the format's own words and YAML punctuation", () => {
    fc.assert(
      fc.property(yamlish, (text) => expectWellFormed(check(text))),
      { numRuns: 400 },
    );
  });

  it('on random bytes decoded as UTF-8', () => {
    const decoder = new TextDecoder('utf-8', { fatal: false });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => expectWellFormed(check(decoder.decode(bytes)))),
      { numRuns: 200 },
    );
  });

  it('on a real ladder with random edits (deletions, insertions, swapped lines)', () => {
    const lines = engineering.split('\n');
    const editArb = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(lines.length - 1), count: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(lines.length - 1), text: yamlish }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(lines.length - 1), other: fc.nat(lines.length - 1) }),
    );
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
        const copy = [...lines];
        for (const e of edits) {
          if (e.kind === 'delete') copy.splice(e.at, e.count);
          else if (e.kind === 'insert') copy.splice(e.at, 0, e.text);
          else [copy[e.at], copy[e.other]] = [copy[e.other] ?? '', copy[e.at] ?? ''];
        }
        expectWellFormed(check(copy.join('\n')));
      }),
      { numRuns: 60 },
    );
  });

  it('on deep nesting of every kind', () => {
    const shapes = [
      (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`,
      (n: number) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
      (n: number) => `${'- '.repeat(n)}x`,
      (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
      (n: number) => `levels:\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i + 1)}- `).join('\n')}`,
    ];
    fc.assert(
      fc.property(fc.constantFrom(...shapes.keys()), fc.integer({ min: 1, max: 3000 }), (shape, depth) => {
        const result = check(shapes[shape]!(depth));
        expectWellFormed(result);
        if (depth > 2 * limits.maxDepth) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });

  it('on alias bombs of any width and depth, stopped by the alias limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 9 }), (width, depth) => {
        const rows = [`a0: &a0 [${Array(width).fill('lol').join(', ')}]`];
        for (let i = 1; i <= depth; i++)
          rows.push(
            `a${i}: &a${i} [${Array(width)
              .fill(`*a${i - 1}`)
              .join(', ')}]`,
          );
        const result = check(rows.join('\n'));
        expectWellFormed(result);
        // Expanding width^depth nodes is never attempted beyond the limit.
        if (width ** depth > limits.maxAliasCount * 10) expect(result.problems.map((p) => p.code)).toContain('alias-limit');
      }),
      { numRuns: 40 },
    );
  });

  it('on huge documents: over the size limit is refused without parsing, under it stays bounded', () => {
    const over = check(`competencies:\n${'  - { id: x, name: y }\n'.repeat(Math.ceil(limits.maxBytes / 20))}`);
    expectWellFormed(over);
    expect(over.problems.map((p) => p.code)).toEqual(['too-large']);
    const manyProblems = check(
      `id: x\nname: y\nversion: "1"\nchangelog: [{ version: "1", summary: s }]\ntracks: [{ id: t, name: T }]\nlevels: [{ id: L1, title: T, summary: S }]\ncompetencies:\n${'  - { id: c, naem: y }\n'.repeat(5000)}`,
    );
    expectWellFormed(manyProblems);
    expect(manyProblems.problems).toHaveLength(limits.maxProblems + 1);
    expect(manyProblems.problems.at(-1)?.code).toBe('too-many-problems');
  });

  it('on random include graphs, cycles included', () => {
    const names = ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml'];
    const graph = fc.dictionary(fc.constantFrom(...names), fc.array(fc.constantFrom(...names, 'missing.yaml'), { maxLength: 4 }));
    fc.assert(
      fc.property(graph, fc.array(fc.constantFrom(...names), { maxLength: 3 }), (edges, entryIncludes) => {
        const files: Record<string, string> = {};
        for (const [name, includes] of Object.entries(edges))
          files[`/g/${name}`] = `include: [${includes.join(', ')}]\ncategories: [{ id: ${name.replace('.yaml', '')}, name: N }]\n`;
        const entry = `id: g\nname: G\nversion: "1"\nchangelog: [{ version: "1", summary: s }]\ninclude: [${entryIncludes.join(', ')}]\n`;
        const result = checkLadder({ path: '/g/entry.yaml', text: entry }, mapReader(files));
        expectWellFormed(result, '/g/entry.yaml');
        expect(new Set(result.files).size).toBe(result.files.length);
      }),
      { numRuns: 150 },
    );
  });
});
