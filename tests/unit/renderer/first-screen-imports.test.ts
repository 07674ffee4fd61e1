// esbuild comes with tsx (a devDependency); it reads the import graph here, nothing is written.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The first screen's JavaScript stays small only while the shell and Today import no screen-only
 * library statically: one eager export from a feature's index.ts, or one import of a barrel such
 * as shared/ladder, brought the YAML parser, the CSV parser and Argon2 into it (bench: 393 KB
 * against a 250 KB budget). The graph read here counts every static import, before any tree
 * shaking, so it is stricter than the bundler.
 */
const screenOnly = ['yaml', 'papaparse', 'hash-wasm', 'recharts', '@codemirror', 'codemirror', 'fflate', 'minisearch', 'dexie-export-import', 'cmdk', '@noble'];

async function staticGraph(entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: 'unused',
    jsx: 'automatic',
    loader: { '.css': 'empty', '.svg': 'empty', '.woff2': 'empty' },
    logLevel: 'silent',
  });
  return result.metafile;
}

/** Every module reached from `entry` by static imports, each with the path that reached it first. */
function reached(meta: Metafile, entry: string): Map<string, string[]> {
  const paths = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const from = queue.shift()!;
    for (const i of meta.inputs[from]?.imports ?? []) {
      if (i.kind !== 'import-statement' || paths.has(i.path)) continue;
      paths.set(i.path, [...paths.get(from)!, i.path]);
      queue.push(i.path);
    }
  }
  return paths;
}

const packageOf = (file: string) => {
  const rest = file.split('node_modules/').pop()!;
  return rest.startsWith('@') ? rest.split('/').slice(0, 2).join('/') : rest.split('/')[0]!;
};

describe('first screen imports', () => {
  for (const entry of ['renderer/main.tsx', 'renderer/features/today/TodayPage.tsx']) {
    it(`${entry} reaches no screen-only library by a static import`, async () => {
      const graph = reached(await staticGraph(entry), entry);
      const offending = [...graph].filter(
        ([file]) => file.includes('node_modules/') && screenOnly.some((p) => packageOf(file) === p || packageOf(file).startsWith(`${p}/`)),
      );
      // The message names the chain of imports, so the one to make lazy is plain to see.
      const chains = [...new Map(offending.map(([file, chain]) => [packageOf(file), chain.join('\n  → ')])).values()];
      expect(chains).toEqual([]);
    }, 60_000);
  }
});
