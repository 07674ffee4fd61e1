import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';

import { type LoadRows, SearchEngine } from '../../renderer/features/search/engine';
import { searchKinds } from '../../renderer/features/search/kinds';
import { criterionDocs } from '../../renderer/features/search/kinds/ladder-criteria';
import { todayIso } from '../../shared/domain/dates';
import { checkLadder } from '../../shared/ladder';
import { generateSample, type SampleSizeName } from '../../shared/sample';
import { figureSet } from './chromium/figure';
import type { BenchResult } from './harness';
import { SEARCH_QUERIES } from './search-queries';

/**
 * The search worker's engine in plain Node, on the same generated set as the Chromium figure
 * (TRELLIS_BENCH_SET, large by default): what a query costs the worker with no browser, page or
 * IndexedDB around it, so it can be profiled (`node --cpu-prof --import tsx tests/bench/run.ts
 * search-engine`). Rows are read from memory; the palette's filters (every kind but people) and
 * five hits a kind are asked for, as the palette does. TRELLIS_BENCH_VERBOSE=1 prints each
 * query's median.
 */
const ROUNDS = 5;

export default async function searchEngineBench(): Promise<BenchResult[]> {
  const set: SampleSizeName = figureSet();
  const sample = generateSample({ size: set, seed: 'bench', today: todayIso(), validate: false });
  const tables = new Map<string, Map<string, unknown>>();
  for (const [table, rows] of Object.entries(sample.tables)) tables.set(table, new Map((rows as { id: string }[]).map((r) => [r.id, r])));
  const load: LoadRows = async (table, ids) => ids.map((id) => tables.get(table)?.get(id));

  const before = getHeapStatistics().used_heap_size;
  const started = performance.now();
  const engine = new SearchEngine();
  for (const table of engine.tableNames) {
    const rows = [...(tables.get(table)?.values() ?? [])] as { id: string }[];
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 0; i < rows.length; i += 1000) engine.putRows(table, rows.slice(i, i + 1000));
  }
  engine.setDocs('ladder-criterion', bundledCriteria());
  const buildMs = performance.now() - started;
  const heapMb = (getHeapStatistics().used_heap_size - before) / (1024 * 1024);

  const filters = {
    kinds: searchKinds()
      .filter((k) => k.kind !== 'person')
      .map((k) => k.kind),
  };
  const profiler = await startProfile();
  const times: number[] = [];
  const perQuery = new Map<string, number[]>();
  const asked = new Map<string, string>();
  for (let r = 0; r < ROUNDS; r++)
    for (const q of SEARCH_QUERIES) {
      const t = performance.now();
      await engine.search(q, filters, 5, load);
      const ms = performance.now() - t;
      times.push(ms);
      perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
      const last = (engine as { lastSearch?: { shardsAsked: number; fuzzy: boolean } | null }).lastSearch;
      if (last) asked.set(q, `${last.shardsAsked} shards${last.fuzzy ? ', fuzzy' : ''}`);
    }
  await profiler?.stop();
  if (process.env.TRELLIS_BENCH_VERBOSE) {
    for (const [q, ms] of perQuery)
      console.log(`  ${q.padEnd(12)} median ${median(ms).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms ${asked.get(q) ?? ''}`);
  }

  const saveStart = performance.now();
  const parts = engine.parts({ all: true });
  const shards = new Map(parts.shards);
  const saveMs = performance.now() - saveStart;
  const loadStart = performance.now();
  const loaded = SearchEngine.load(parts.meta, shards);
  const loadMs = performance.now() - loadStart;
  if (loaded.documentCount !== engine.documentCount) throw new Error('The loaded index lost documents');

  const label = `search engine in Node at ${set} (${engine.documentCount.toLocaleString('en')} documents)`;
  return [
    { name: `${label}: index built`, value: buildMs / 1000, unit: 's', target: 'informational' },
    { name: `${label}: heap of the index`, value: heapMb, unit: 'MB', target: 'informational' },
    { name: `${label}: query p50`, value: median(times), unit: 'ms', target: 'informational' },
    { name: `${label}: query p95`, value: percentile(times, 0.95), unit: 'ms', target: '< 30 ms', pass: percentile(times, 0.95) < 30 },
    { name: `${label}: serialised for saving`, value: saveMs, unit: 'ms', target: 'informational' },
    { name: `${label}: loaded as saved`, value: loadMs, unit: 'ms', target: 'informational' },
  ];
}

/**
 * TRELLIS_BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the queries alone (not the build),
 * to open in Chromium's DevTools.
 */
async function startProfile(): Promise<{ stop(): Promise<void> } | null> {
  const file = process.env.TRELLIS_BENCH_PROFILE;
  if (!file) return null;
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

function bundledCriteria() {
  const file = path.resolve('ladders/engineering.yaml');
  const ladder = checkLadder({ path: file, text: readFileSync(file, 'utf8') }, (_from, include) => ({
    path: include,
    text: readFileSync(path.resolve('ladders', include), 'utf8'),
  })).ladder;
  return ladder ? criterionDocs('bundled:engineering.yaml', ladder) : [];
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const percentile = (xs: readonly number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;
};
