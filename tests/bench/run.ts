/**
 * `npm run bench`: runs every tests/bench/*.bench.ts, prints one table (figure, target, measured,
 * verdict) and writes bench/results.json as a list of {name, value, unit, target, pass}. Targets
 * are ratios or figures measured within the same run, never deadlines inside tests; a missed
 * target is reported, not failed (`--strict` makes it fail). `npm run bench -- ladder` runs the
 * files whose name contains "ladder".
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { BenchResult } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const only = args.filter((a) => !a.startsWith('--'));
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const rows: BenchResult[] = [];
let crashed = 0;
for (const file of files) {
  const start = performance.now();
  try {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default: () => Promise<BenchResult[]> };
    rows.push(...(await mod.default()));
  } catch (error) {
    crashed++;
    console.error(`${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log(`${file}: ${((performance.now() - start) / 1000).toFixed(0)} s`);
}

const format = (r: BenchResult) => {
  if (!Number.isFinite(r.value)) return 'n/a';
  const digits = Math.abs(r.value) >= 1000 ? 0 : Math.abs(r.value) >= 100 ? 1 : 2;
  return `${r.value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${r.unit}`;
};
const verdict = (r: BenchResult) => (r.pass === undefined ? '' : r.pass ? 'pass' : 'MISSED');
const table = [['figure', 'target', 'measured', 'result'], ...rows.map((r) => [r.name, r.target ?? '', format(r), verdict(r)])];
const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
console.log('');
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, c) => (c === 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
if (rows.length === 0) console.log('no benchmarks found');

const missed = rows.filter((r) => r.pass === false).length;
const checked = rows.filter((r) => r.pass !== undefined).length;
console.log(`\n${checked - missed} of ${checked} targets met${missed ? `, ${missed} missed` : ''}${crashed ? `; ${crashed} bench files failed to run` : ''}.`);

const outDir = path.resolve(here, '../../bench');
await mkdir(outDir, { recursive: true });
const json = rows.map((r) => ({
  name: r.name,
  value: Number.isFinite(r.value) ? r.value : null,
  unit: r.unit,
  target: r.target ?? null,
  pass: r.pass ?? null,
}));
await writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, 'results.json'))}`);
process.exitCode = crashed > 0 || (strict && missed > 0) ? 1 : 0;
