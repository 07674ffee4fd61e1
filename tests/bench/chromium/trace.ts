import { writeFile } from 'node:fs/promises';

import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  /** Thread (CPU) time, µs: what the task cost, whatever the machine's load made it wait. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; type?: string } };
}

let traced = 0;

/**
 * Records a Chromium trace of the page's main thread while `work` runs and returns the longest
 * task (the scheduler's RunTask) on it, in ms: every task, not only those over 50 ms.
 */
export async function longestTaskDuring(page: Page, work: () => Promise<void>): Promise<number> {
  return (await longestTasksDuring(page, work)).wall;
}

/**
 * As longestTaskDuring, with the most thread (CPU) time any one task took beside it: on two cores
 * with workers busy, a task's length by the clock includes the time it waited for a core.
 */
export async function longestTasksDuring(page: Page, work: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // TRELLIS_BENCH_PROFILE=<file>: a CPU profile of the same stretch (started before the trace: starting it is itself a long task), with the longest task's start and end
  // (trace clock, µs) beside it in <file>.task.json, so the JavaScript inside that task can be read by function.
  // Numbered per call (<file>-1.cpuprofile, -2, …): a figure that traces several stretches keeps each one's profile.
  const profileFile = process.env.TRELLIS_BENCH_PROFILE?.replace(/(\.cpuprofile)?$/, `-${++traced}.cpuprofile`);
  if (profileFile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        ...(process.env.TRELLIS_BENCH_TRACE ? ['v8', 'disabled-by-default-v8.gc', 'blink', 'loading'] : []),
      ],
    },
  });
  let profile: unknown = null;
  try {
    await work();
  } finally {
    if (profileFile) profile = (await cdp.send('Profiler.stop')).profile;
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.dur === undefined || !mains.has(thread)) continue;
    byThread.set(thread, [...(byThread.get(thread) ?? []), e]);
  }
  // The page's renderer is the main thread that worked the most.
  const busiest = [...byThread.values()].sort((a, b) => b.length - a.length)[0];
  if (!busiest) throw new Error('The trace has no tasks of the page main thread');
  const longest = busiest.reduce((a, b) => (b.dur! > a.dur! ? b : a));
  // On a loaded machine the longest task by the wall clock can be one the thread spent waiting
  // for a core; the longest by thread time is the one that cost the most.
  const costliest = busiest.reduce((a, b) => ((b.tdur ?? 0) > (a.tdur ?? 0) ? b : a));
  if (process.env.TRELLIS_BENCH_TRACE) {
    describeTask(longest, events);
    if (costliest !== longest && costliest.tdur !== undefined) {
      console.log(`longest task by thread time: ${(costliest.tdur / 1000).toFixed(1)} ms of CPU (${(costliest.dur! / 1000).toFixed(1)} ms by the clock)`);
      describeTask(costliest, events);
    }
  }
  if (profileFile && profile) {
    await writeFile(profileFile, JSON.stringify(profile));
    await writeFile(`${profileFile}.task.json`, JSON.stringify({ start: costliest.ts, end: costliest.ts! + costliest.dur!, cpu: costliest.tdur }));
  }
  return { wall: longest.dur! / 1000, cpu: (costliest.tdur ?? 0) / 1000 };
}

/**
 * TRELLIS_BENCH_TRACE=1: prints what ran inside a task (the longest), the events over a
 * millisecond on its thread, so a figure that misses says where the time went.
 */
function describeTask(task: TraceEvent, events: readonly TraceEvent[]): void {
  const start = task.ts!;
  const end = start + task.dur!;
  const inside = events
    .filter((e) => e !== task && e.pid === task.pid && e.tid === task.tid && e.ph === 'X' && e.ts! >= start && e.ts! <= end && (e.dur ?? 0) >= 1000)
    .sort((a, b) => a.ts! - b.ts!);
  console.log(`longest task ${(task.dur! / 1000).toFixed(1)} ms:`);
  for (const e of inside.slice(0, 40)) {
    const d = e.args?.data;
    const what = [d?.functionName, d?.url, d?.type].filter(Boolean).join(' ');
    console.log(`  +${((e.ts! - start) / 1000).toFixed(1)} ms ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${what}`);
  }
}

/** JS heap the page uses after a full garbage collection, in MB. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}
