/**
 * `npm run bench`: runs every tests/bench/*.bench.ts and prints one table. Each file's default
 * export returns measurements; targets are checked as ratios or against figures measured in the
 * same run, never as deadlines inside tests.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { BenchResult } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const rows: BenchResult[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default: () => Promise<BenchResult[]> };
  rows.push(...(await mod.default()));
}
const width = Math.max(10, ...rows.map((r) => r.name.length));
console.log(`${'benchmark'.padEnd(width)}  ${'median'.padStart(10)}  ${'target'.padEnd(24)}  verdict`);
let failed = 0;
for (const r of rows) {
  const verdict = r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED';
  if (r.pass === false) failed++;
  console.log(`${r.name.padEnd(width)}  ${r.value.toFixed(2).padStart(8)}${r.unit.padEnd(3)}  ${(r.target ?? '').padEnd(24)}  ${verdict}`);
}
if (rows.length === 0) console.log('no benchmarks found');
process.exitCode = failed > 0 ? 1 : 0;
