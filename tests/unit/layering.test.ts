import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints a fixture's text as if it were the file at `pretendPath`, and returns the messages of one rule. */
async function lintAs(fixture: string, pretendPath: string, ruleId: string) {
  const code = await readFile(path.join(root, 'tests/fixtures/lint', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(root, pretendPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => ({ line: m.line, message: m.message }));
}

const restrictedImports = (fixture: string, pretendPath: string) => lintAs(fixture, pretendPath, 'no-restricted-imports');
const boundaries = (fixture: string, pretendPath: string) => lintAs(fixture, pretendPath, 'trellis/renderer-boundaries');

/** The features each feature imports (through any path), read from the real tree. */
async function featureGraph(): Promise<Map<string, Set<string>>> {
  const featuresDir = path.join(root, 'renderer/features');
  const graph = new Map<string, Set<string>>();
  for (const feature of await readdir(featuresDir)) {
    const uses = new Set<string>();
    for (const file of await readdir(path.join(featuresDir, feature), { recursive: true })) {
      if (!/\.tsx?$/.test(file)) continue;
      const text = await readFile(path.join(featuresDir, feature, file), 'utf8');
      for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
        const target = path.relative(featuresDir, path.resolve(path.dirname(path.join(featuresDir, feature, file)), spec!));
        const other = target.split(path.sep)[0];
        if (!target.startsWith('..') && other && other !== feature) uses.add(other);
      }
    }
    graph.set(feature, uses);
  }
  return graph;
}

describe('layering rules (ESLint no-restricted-imports)', () => {
  it('fails a renderer file that imports electron, node modules or electron/ code', async () => {
    const found = await restrictedImports('renderer-imports-electron.ts', 'renderer/features/people/Bad.ts');
    expect(found.map((f) => f.line)).toEqual([2, 3, 4]);
    expect(found[0]!.message).toMatch(/renderer is sandboxed/);
    expect(found[2]!.message).toMatch(/must not import from electron\//);
  });

  it('fails a shared file that imports the renderer or node', async () => {
    const found = await restrictedImports('shared-imports-renderer.ts', 'shared/domain/Bad.ts');
    expect(found.map((f) => f.line)).toEqual([2, 3]);
  });

  it('fails a main-process service that imports electron', async () => {
    const found = await restrictedImports('service-imports-electron.ts', 'electron/services/Bad.ts');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/transport-free/);
  });

  it("fails a renderer file that uses React.lazy, except the design system's lazy-part", async () => {
    const found = await restrictedImports('feature-uses-react-lazy.tsx', 'renderer/features/people/Bad.tsx');
    expect(found.map((f) => f.line)).toEqual([2]);
    expect(found[0]!.message).toMatch(/preloadableLazy/);
    expect(await restrictedImports('feature-uses-react-lazy.tsx', 'renderer/ui/lazy-part.tsx')).toEqual([]);
  });

  it('fails a test whose waitForFunction predicate is async (it would not wait)', async () => {
    const found = await lintAs('async-wait-for-function.ts', 'tests/bench/chromium/Bad.ts', 'no-restricted-syntax');
    expect(found.map((f) => f.line)).toEqual([5]);
    expect(found[0]!.message).toMatch(/does not await an async predicate/);
  });

  it('lets main.ts import electron', async () => {
    expect(await restrictedImports('service-imports-electron.ts', 'electron/Good.ts')).toEqual([]);
  });
});

describe('renderer boundaries (trellis/renderer-boundaries)', () => {
  it("fails a feature that imports another feature's files instead of its index", async () => {
    const found = await boundaries('feature-imports-internals.ts', 'renderer/features/people/Bad.ts');
    // QueuePoint, ladders/Matrix (however the path is spelled), a re-export and a lazy import; the indexes and own files pass.
    expect(found.map((f) => f.line)).toEqual([2, 6, 7, 8]);
    expect(found[0]!.message).toBe(
      "features/people may use the one-on-ones feature only through its index: import from '../one-on-ones' (add what you need to features/one-on-ones/index.ts).",
    );
  });

  it("judges a path by where it lands: inside its own feature, '../one-on-ones/QueuePoint' is fine", async () => {
    const found = await boundaries('feature-imports-internals.ts', 'renderer/features/one-on-ones/Good.ts');
    expect(found.map((f) => f.line)).toEqual([6, 7, 8]);
  });

  it("lets the shell lazy-load a feature's screen, but not import its other files", async () => {
    const found = await boundaries('app-imports-screen.ts', 'renderer/app/Bad.tsx');
    expect(found.map((f) => f.line)).toEqual([2]);
  });

  it('fails a ui/ file that imports app/, db/ or features/', async () => {
    const found = await boundaries('ui-imports-app.ts', 'renderer/ui/Bad.tsx');
    expect(found.map((f) => f.line)).toEqual([2, 3, 4]);
    expect(found[0]!.message).toMatch(/ui\/ is the design system/);
  });

  it('fails a db/ file that imports features/, app/ or ui/', async () => {
    const found = await boundaries('db-imports-features.ts', 'renderer/db/Bad.ts');
    expect(found.map((f) => f.line)).toEqual([2, 3, 4]);
    expect(found[0]!.message).toMatch(/db\/ is the data layer/);
  });

  it('keeps the path to main in app/: no window.trellis, no app/ipc, no casts to Error elsewhere', async () => {
    const file = 'renderer/features/settings/Bad.ts';
    expect((await boundaries('feature-calls-main.ts', file)).map((f) => f.line)).toEqual([2]);
    expect((await lintAs('feature-calls-main.ts', file, 'no-restricted-properties')).map((f) => f.line)).toEqual([6, 12]);
    const casts = await lintAs('feature-calls-main.ts', file, 'no-restricted-syntax');
    expect(casts.map((f) => f.line)).toEqual([8, 11]);
    expect(casts[0]!.message).toMatch(/errorMessage\(e\)/);
  });

  it('lets app/ itself reach main', async () => {
    for (const rule of ['trellis/renderer-boundaries', 'no-restricted-properties', 'no-restricted-syntax']) {
      expect(await lintAs('feature-calls-main.ts', 'renderer/app/Good.ts', rule), rule).toEqual([]);
    }
  });

  it('the features of the real tree import each other without a cycle', async () => {
    const graph = await featureGraph();
    expect(graph.get('one-on-ones')).not.toContain('people');
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycle = (f: string, trail: string[]): string[] | null => {
      if (done.has(f)) return null;
      if (visiting.has(f)) return [...trail, f];
      visiting.add(f);
      for (const next of graph.get(f) ?? []) {
        const found = cycle(next, [...trail, f]);
        if (found) return found;
      }
      visiting.delete(f);
      done.add(f);
      return null;
    };
    for (const feature of graph.keys()) expect(cycle(feature, []), 'a cycle between features').toBeNull();
  });
});
