import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import type { BenchResult } from '../../harness';
import { type ChromiumFigure, median } from '../figure';
import { type BenchSession, rendererDir, type SetName } from '../session';

const RUNS = 5;

interface Start {
  todayMs: number;
  longestTaskMs: number;
  scripts: string[];
}

/** One start of the app on a set's profile, in a fresh Chromium: navigation to Today drawn with its data. */
async function startOnce(session: BenchSession, set: SetName): Promise<Start> {
  const launched = await session.launch(set);
  try {
    await launched.page.goto(session.appUrl);
    const todayMs = await launched.page.evaluate(() => (window as unknown as { __probe: { todayReady: Promise<number> } }).__probe.todayReady);
    // Every script the page fetched before Today was drawn: the entry, its imports and the lazy chunks Today needs.
    const scripts = await launched.page.evaluate((readyAt) => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return [...new Set(entries.filter((e) => e.startTime <= readyAt && new URL(e.name).pathname.endsWith('.js')).map((e) => new URL(e.name).pathname))];
    }, todayMs);
    const longestTaskMs = await launched.page.evaluate(() =>
      Math.max(0, ...(window as unknown as { __probe: { longTasks: { duration: number }[] } }).__probe.longTasks.map((t) => t.duration)),
    );
    return { todayMs, longestTaskMs, scripts };
  } finally {
    await launched.close();
  }
}

/** How long Chromium takes to open the app's database on a fresh start, from a page that runs nothing else. */
async function openOnce(session: BenchSession, set: SetName): Promise<number> {
  const launched = await session.launch(set, { probe: false });
  try {
    await launched.page.goto(session.helperUrl);
    return await launched.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const start = performance.now();
          const req = indexedDB.open('trellis');
          req.onsuccess = () => {
            req.result.close();
            resolve(performance.now() - start);
          };
          req.onerror = () => reject(req.error);
        }),
    );
  } finally {
    await launched.close();
  }
}

/** Gzipped size of the app's JavaScript files the page requested (all chunks, lazy ones included). */
async function gzippedKb(paths: string[]): Promise<number> {
  let total = 0;
  for (const p of paths) {
    const file = path.join(rendererDir, p.replace(/^\/renderer\//, ''));
    if (!file.startsWith(rendererDir + path.sep)) continue;
    const kb = gzipSync(await readFile(file), { level: 9 }).length;
    if (process.env.TRELLIS_BENCH_VERBOSE) console.log(`  first screen: ${p} ${(kb / 1024).toFixed(1)} KB`);
    total += kb;
  }
  return total / 1024;
}

const figure: ChromiumFigure = {
  title: 'start to interactive Today (empty, medium, large)',
  async run(session) {
    const sets: SetName[] = ['empty', 'medium', 'large'];
    for (const set of sets) await session.profile(set);
    // A first start per profile warms the OS file cache; then the sets take turns, so a change in
    // the machine's load falls on all of them alike.
    for (const set of sets) await startOnce(session, set);
    const runs = new Map<SetName, Start[]>(sets.map((s) => [s, []]));
    for (let i = 0; i < RUNS; i++) for (const set of sets) runs.get(set)!.push(await startOnce(session, set));
    const today = (set: SetName) => median(runs.get(set)!.map((r) => r.todayMs));
    const longest = (set: SetName) => median(runs.get(set)!.map((r) => r.longestTaskMs));
    const ratio = today('large') / today('empty');
    const opens = new Map<SetName, number[]>(sets.map((s) => [s, []]));
    for (let i = 0; i < 3; i++) for (const set of sets) opens.get(set)!.push(await openOnce(session, set));
    const firstScreenKb = await gzippedKb(runs.get('large')![0]!.scripts);
    const results: BenchResult[] = [
      { name: 'start → interactive Today, empty', value: today('empty'), unit: 'ms', target: 'baseline' },
      { name: 'start → interactive Today, medium', value: today('medium'), unit: 'ms', target: 'informational' },
      { name: 'start → interactive Today, large', value: today('large'), unit: 'ms', target: 'informational' },
      { name: 'start → interactive Today, large / empty', value: ratio, unit: '×', target: '≤ 1.3×', pass: ratio <= 1.3 },
      ...sets.map((set) => ({
        name: `IndexedDB open on a fresh start, ${set} (Chromium, no app code)`,
        value: median(opens.get(set)!),
        unit: 'ms',
        target: 'informational',
      })),
      { name: 'longest task at start, empty', value: longest('empty'), unit: 'ms', target: 'informational (0 = none ≥ 50 ms)' },
      { name: 'longest task at start, large', value: longest('large'), unit: 'ms', target: 'informational (0 = none ≥ 50 ms)' },
      { name: 'JS fetched before Today is drawn (gzip, all chunks)', value: firstScreenKb, unit: 'KB', target: '≤ 250 KB', pass: firstScreenKb <= 250 },
    ];
    return results;
  },
};

export default figure;
