import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { ChromiumFigure } from './chromium/figure';
import { BenchSession } from './chromium/session';
import type { BenchResult } from './harness';

const figuresDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'chromium/figures');

/**
 * The app at scale in Chromium: every module in chromium/figures, in file-name order, against
 * profiles seeded once per run with the generated sets (empty, medium, large).
 */
export default async function scaleBench(): Promise<BenchResult[]> {
  const session = await BenchSession.start();
  const results: BenchResult[] = [];
  // Absolute figures are for an otherwise idle 2-core machine: say how busy it was.
  const load: number[] = [os.loadavg()[0]!];
  try {
    // TRELLIS_BENCH_FIGURES=20,search runs only the figure modules whose file names start with 20 or contain "search".
    const picked = process.env.TRELLIS_BENCH_FIGURES?.split(',').filter(Boolean);
    const modules = (await readdir(figuresDir)).filter((f) => f.endsWith('.ts') && (!picked || picked.some((p) => f.startsWith(p) || f.includes(p))));
    for (const file of modules.sort()) {
      const figure = ((await import(pathToFileURL(path.join(figuresDir, file)).href)) as { default: ChromiumFigure }).default;
      const start = performance.now();
      console.log(`scale bench: ${figure.title}…`);
      // One figure that breaks must not throw away the others' minutes of measuring: it is reported as failed.
      try {
        results.push(...(await figure.run(session)));
        console.log(`scale bench: ${figure.title} took ${((performance.now() - start) / 1000).toFixed(0)} s`);
      } catch (error) {
        console.error(`scale bench: ${figure.title} failed:`, error);
        results.push({
          name: `${figure.title}: failed to run (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
          value: 0,
          unit: '',
          target: 'runs',
          pass: false,
        });
      }
      load.push(os.loadavg()[0]!);
    }
    results.push({
      name: `machine load during the Chromium figures (1-min load average, ${os.cpus().length} cores)`,
      value: load.reduce((a, b) => a + b, 0) / load.length,
      unit: '',
      target: 'informational',
    });
    for (const [set, s] of session.seeding) {
      results.push({
        name: `seed the ${set} set in Chromium (generate in the page + load, ${s.rows.toLocaleString('en')} rows)`,
        value: (s.generateMs + s.loadMs) / 1000,
        unit: 's',
        target: 'informational',
      });
    }
  } finally {
    await session.close();
  }
  return results;
}
