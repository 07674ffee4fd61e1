/**
 * Every file that was a valid ladder before the issue-11 format changes is still valid, and
 * resolves to the same ladder: baseline.json holds the texts and what the checker of main 3573e02
 * resolved them to (generated once by tests/fixtures/ladders/baseline/generate.ts). New fields may
 * be added to the model; no old field may change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkLadder, checkSharedLadderFile, isSharedLadderFile, type Ladder, type ReadInclude } from '../../../shared/ladder';

interface BaselineResult {
  file: string;
  kind: 'ladder' | 'shared';
  valid: boolean;
  problems: string[];
  ladder?: Ladder | null;
}

const root = path.join(import.meta.dirname, '../../..');
const baseline = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/ladders/baseline/baseline.json'), 'utf8')) as {
  files: Record<string, string>;
  results: BaselineResult[];
};

const readerOver =
  (files: Record<string, string>): ReadInclude =>
  (from, include) => {
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), include));
    const text = files[resolved];
    return text === undefined ? null : { path: resolved, text };
  };
const oldReader = readerOver(baseline.files);

/** Fixtures that were broken only by a rule the new format relaxes on purpose. */
const nowValidOnPurpose = new Map([['tests/fixtures/ladders/broken/missing-required.yaml', 'a level without "title" is valid now (its id is the title)']]);

describe('files valid before the format changes', () => {
  const valid = baseline.results.filter((r) => r.valid);

  it('the baseline covers the shipped ladders, the shared file, the docs example and the app fixtures', () => {
    expect(valid.map((r) => r.file)).toEqual(
      expect.arrayContaining([
        'ladders/engineering.yaml',
        'ladders/product.yaml',
        'ladders/design.yaml',
        'ladders/shared/core.yaml',
        'docs/ladder-format.md#a-first-ladder',
        'tests/fixtures/ladders/valid-small.yaml',
        'tests/fixtures/ladders/app/support.yaml',
      ]),
    );
  });

  it.each(valid.filter((r) => r.kind === 'ladder').map((r) => [r.file, r] as const))('%s is still valid and resolves to the same ladder', (file, before) => {
    const result = checkLadder({ path: file, text: baseline.files[file]! }, oldReader);
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`)).toEqual(before.problems);
    expect(result.ladder).not.toBeNull();
    // Same cells, competencies, levels, tracks, … field for field; new fields are extra keys.
    expect(result.ladder).toMatchObject(before.ladder!);
    expect(result.ladder!.cells).toHaveLength(before.ladder!.cells.length);
  });

  it.each(valid.filter((r) => r.kind === 'shared').map((r) => [r.file] as const))('shared file %s is still valid', (file) => {
    expect(isSharedLadderFile(baseline.files[file]!)).toBe(true);
    expect(checkSharedLadderFile({ path: file, text: baseline.files[file]! }, oldReader).problems).toEqual([]);
  });

  it.each(baseline.results.filter((r) => !r.valid).map((r) => [r.file] as const))('broken fixture %s is still reported', (file) => {
    const text = baseline.files[file]!;
    const shared = isSharedLadderFile(text);
    const invalid = shared ? !checkSharedLadderFile({ path: file, text }, oldReader).valid : checkLadder({ path: file, text }, oldReader).ladder === null;
    expect(invalid).toBe(!nowValidOnPurpose.has(file));
  });
});

describe('the shipped ladders as they are now', () => {
  /** What a reader of the matrix sees: everything but positions in the file. */
  const cellsOf = (ladder: Ladder) => ladder.cells.map(({ source: _source, items: _items, expects: _expects, ...rest }) => rest);
  const current = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const currentReader: ReadInclude = (from, include) => {
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), include));
    try {
      return { path: resolved, text: current(resolved) };
    } catch {
      return null;
    }
  };

  it.each(['ladders/engineering.yaml', 'ladders/product.yaml', 'ladders/design.yaml'])(
    '%s keeps every criteria text, example and link of every cell it had',
    (file) => {
      const before = baseline.results.find((r) => r.file === file)!.ladder!;
      const now = checkLadder({ path: file, text: current(file) }, currentReader);
      expect(now.problems).toEqual([]);
      expect(cellsOf(now.ladder!)).toEqual(cellsOf(before));
      expect(now.ladder!.levels.map(({ source: _s, extensions: _e, ...l }) => l)).toEqual(before.levels.map(({ source: _s, ...l }) => l));
      // Only the rating scale of engineering's craft competencies changed on purpose (to the expertise
      // scale their `expects` use); everything else about each competency is as it was.
      const competencies = (l: Ladder) => l.competencies.map(({ source: _s, scaleId: _scale, ...c }) => c);
      expect(competencies(now.ladder!)).toEqual(competencies(before));
      const rescaled = now.ladder!.competencies.filter((c) => c.scaleId !== before.competencies.find((b) => b.id === c.id)!.scaleId).map((c) => c.id);
      expect(rescaled).toEqual(file === 'ladders/engineering.yaml' ? ['code-quality', 'system-design', 'operations'] : []);
    },
  );
});
