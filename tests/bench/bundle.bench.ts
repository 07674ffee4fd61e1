import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import type { BenchResult } from './harness';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const dist = path.resolve(import.meta.dirname, '../../dist/renderer');

/**
 * The entry chunk and its static imports, from the build manifest (lazy screens excluded). The
 * target figure is measured in Chromium (chromium/figures/10-start.ts): every script fetched
 * before Today is drawn, lazy chunks included.
 */
export default async function bundleBench(): Promise<BenchResult[]> {
  const manifestPath = path.join(dist, '.vite/manifest.json');
  if (!(await stat(manifestPath).catch(() => null))) return [{ name: 'first-screen JS (run npm run build first)', value: Number.NaN, unit: 'KB' }];
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error('The renderer manifest has no entry chunk');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entry[0]);
  const gzipKb = async (keys: Iterable<string>) => {
    let total = 0;
    for (const key of keys) total += gzipSync(await readFile(path.join(dist, manifest[key]!.file))).length;
    return total / 1024;
  };
  const first = await gzipKb(seen);
  const all = await gzipKb(Object.keys(manifest).filter((k) => manifest[k]!.file.endsWith('.js')));
  return [
    { name: 'entry chunk and its static imports (gzip, from the manifest)', value: first, unit: 'KB', target: 'informational' },
    { name: 'first-screen share of all JS', value: (first / all) * 100, unit: '%', target: 'informational' },
  ];
}
