import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';

/**
 * TRELLIS_BENCH_PROFILE_DIR=<folder>: a CPU profile of the page (DevTools' .cpuprofile, open it
 * in Chromium's DevTools or summarise it with `node --import tsx tests/bench/profile-summary.ts
 * <file>`) around the work a figure times, to see where the page's time goes. Off by default:
 * profiling slows the page, so figures taken with it are not comparable with others.
 */
const PROFILE_DIR = process.env.TRELLIS_BENCH_PROFILE_DIR;

/** Whether this run saves profiles (figures may then do extra, untimed work to profile). */
export const profiling = PROFILE_DIR !== undefined;

/** Runs `work`, under the profiler when TRELLIS_BENCH_PROFILE_DIR is set, saving `<name>.cpuprofile`. */
export async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    await mkdir(PROFILE_DIR, { recursive: true });
    const file = path.join(path.resolve(PROFILE_DIR), `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`  profile: ${file}`);
  }
}
