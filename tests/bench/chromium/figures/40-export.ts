import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { BenchResult } from '../../harness';
import { bridgeTimer, longestTaskBetween } from '../bridge-time';
import { waitForDailyBackup } from '../daily-backup';
import { type ChromiumFigure, figureSet } from '../figure';
import { longestTaskDuring } from '../trace';

type Probe = { __probe: { todayReady: Promise<number> } };

/** Large by default (the targets are for it); TRELLIS_BENCH_SET=medium profiles it on a busy machine. */
const SET = figureSet();

/**
 * "Export all notes…" at large, as the user does it: People, the dialog, main's folder dialog
 * (answered with a temp folder), until the status says every file was written. The renderer's
 * heap is sampled through the export. The longest main-thread task is the Long Tasks API's, less
 * the test bridge's own JSON of each 1 MB chunk (see bridge-time.ts); a trace gives it with the
 * bridge too. A daily backup reads the whole database in the same page: the figure says whether
 * one ran beside it.
 */
const figure: ChromiumFigure = {
  title: `export all notes at ${SET}`,
  async run(session) {
    const launched = await session.launch(SET);
    const folder = await mkdtemp(path.join(os.tmpdir(), 'trellis-bench-export-'));
    const backupCalls = session.recordCalls((channel) => channel.startsWith('backup:') && channel !== 'backup:status');
    try {
      const { page, context } = launched;
      await context.addInitScript({ content: bridgeTimer(['files:export-']) });
      await page.goto(session.appUrl);
      await page.evaluate(() => (window as unknown as Probe).__probe.todayReady);
      // A full read of the database for the daily backup must not run beside what is timed.
      await waitForDailyBackup(page);
      await page.evaluate(() => (location.hash = '#/people'));
      await page.getByRole('button', { name: 'Export all notes…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export everyone’s notes' });
      await dialog.getByText(/meetings as Markdown files/).waitFor({ timeout: 60_000 });
      session.answerFolderDialog(folder);
      const cdp = await page.context().newCDPSession(page);
      let peak = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
          peak = Math.max(peak, usedSize / (1024 * 1024));
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      // TRELLIS_BENCH_ALLOC=<file>: a sampling heap profile of the export (every allocation, collected or not), by function.
      const allocFile = process.env.TRELLIS_BENCH_ALLOC;
      if (allocFile) {
        await cdp.send('HeapProfiler.enable');
        await cdp.send('HeapProfiler.startSampling', {
          samplingInterval: 16384,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        } as never);
      }
      let ms = 0;
      let started = 0;
      // The page-clock stretch of the export, taken inside the trace: starting and ending a trace
      // are long tasks of their own, which the Long Tasks API would count against the export.
      let pageStart = 0;
      let pageEnd = 0;
      const withBridge = await longestTaskDuring(page, async () => {
        pageStart = await page.evaluate(() => performance.now());
        started = performance.now();
        await dialog.getByRole('button', { name: 'Choose folder and export…' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /^Exported \d+ files to / })
          .waitFor({ timeout: 20 * 60_000 });
        ms = performance.now() - started;
        pageEnd = await page.evaluate(() => performance.now());
      });
      const longest = await longestTaskBetween(page, pageStart, pageEnd);
      sampling = false;
      await sampler;
      if (allocFile) {
        const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: unknown };
        await writeFile(allocFile, JSON.stringify(profile));
      }
      await cdp.detach();
      const calls = backupCalls();
      const beside = calls.filter((c) => c.end >= started && c.start <= started + ms);
      if (process.env.TRELLIS_BENCH_VERBOSE)
        for (const c of calls)
          console.log(`  ${c.channel} ${((c.start - started) / 1000).toFixed(1)} s … ${((c.end - started) / 1000).toFixed(1)} s from the export's start`);
      const files = (await readdir(folder)).length;
      const results: BenchResult[] = [
        { name: `export all notes at ${SET} (${files.toLocaleString('en-GB')} files)`, value: ms, unit: 'ms', target: 'informational' },
        { name: `export all notes at ${SET}: peak renderer JS heap`, value: peak, unit: 'MB', target: '< 150 MB', pass: peak < 150 },
        {
          name: `export all notes at ${SET}: longest main-thread task (test bridge taken out)`,
          value: longest,
          unit: 'ms',
          target: '< 50 ms (0 = none ≥ 50 ms)',
          pass: longest < 50,
        },
        { name: `export all notes at ${SET}: longest main-thread task, test bridge included`, value: withBridge, unit: 'ms', target: 'informational' },
        { name: `export all notes at ${SET}: backup calls to main while it ran`, value: beside.length, unit: 'calls', target: 'informational (0 = none)' },
      ];
      return results;
    } finally {
      backupCalls();
      await launched.close();
      await rm(folder, { recursive: true, force: true });
    }
  },
};

export default figure;
