import type { BenchResult } from '../../harness';
import { waitForCodeFetched } from '../code-fetched';
import { waitForDailyBackup } from '../daily-backup';
import { type ChromiumFigure, figureSet, median } from '../figure';
import type { Picks } from '../page/main';
import { profiled, profiling } from '../profile';
import { heapAfterGc, longestTaskDuring } from '../trace';

const ROUNDS = 5;

/** The main screens and what "its first rows are drawn" means on each. */
const screens = (p: Picks) => [
  { name: 'Today', hash: '#/', selector: 'main ul[aria-label="Overdue action items"] li' },
  { name: 'People', hash: '#/people', selector: 'main table[aria-label="People"] tbody tr' },
  { name: '1:1s', hash: '#/one-on-ones', selector: 'main table[aria-label="Series"] tbody tr' },
  { name: `person page (${p.meetings} meetings)`, hash: `#/people/${p.personId}`, selector: 'main [role="list"][aria-label="Timeline"] [role="listitem"]' },
  { name: 'prep', hash: `#/one-on-ones/prep/${p.seriesId}`, selector: 'main section[aria-labelledby="last-heading"]' },
  {
    name: 'meeting',
    hash: `#/one-on-ones/meetings/${p.meetingId}`,
    selector: 'main ul[aria-label="Talking points"] li, main ul[aria-label="Action items"] li',
  },
  { name: 'ladders', hash: '#/ladders', selector: 'main [aria-label="Ladder matrix"] tbody tr' },
];

type Probe = { __probe: { todayReady: Promise<number>; open: (hash: string, selector: string) => Promise<number> } };

const SET = figureSet();

const figure: ChromiumFigure = {
  title: `main screens opened again at ${SET}, longest task, heap`,
  async run(session) {
    const picks = await session.picks(SET);
    const list = screens(picks);
    const launched = await session.launch(SET);
    try {
      const { page } = launched;
      await page.goto(session.appUrl);
      await page.evaluate(() => (window as unknown as Probe).__probe.todayReady);
      // A full read of the database for the daily backup must not run beside what is timed.
      await waitForDailyBackup(page);
      const open = (hash: string, selector: string) => page.evaluate(([h, s]) => (window as unknown as Probe).__probe.open(h!, s!), [hash, selector]);
      // The first visit loads each screen's code: reported apart.
      const first = new Map<string, number>();
      for (const s of list.slice(1)) first.set(s.name, await open(s.hash, s.selector));
      first.set('Today', await open(list[0]!.hash, list[0]!.selector));
      // The app fetches the other screens' code in idle moments: not beside the opens timed below.
      await waitForCodeFetched(page);
      const again = new Map<string, number[]>(list.map((s) => [s.name, []]));
      // Today last: every other screen is reached from the one before it.
      const tour = [...list.slice(1), list[0]!];
      const longest = await longestTaskDuring(page, async () => {
        for (let r = 0; r < ROUNDS; r++) for (const s of tour) again.get(s.name)!.push(await open(s.hash, s.selector));
      });
      const heap = await heapAfterGc(page);
      // One more, untimed open of each screen under the profiler (TRELLIS_BENCH_PROFILE_DIR).
      if (profiling) for (const s of tour) await profiled(page, `screen-${s.name.replace(/[^a-z0-9]+/gi, '-')}-${SET}`, () => open(s.hash, s.selector));
      const results: BenchResult[] = [];
      for (const s of list) {
        const ms = median(again.get(s.name)!);
        results.push({ name: `opened again at ${SET}: ${s.name} → first rows`, value: ms, unit: 'ms', target: '< 100 ms', pass: ms < 100 });
      }
      for (const s of list) results.push({ name: `first open at ${SET}: ${s.name}`, value: first.get(s.name)!, unit: 'ms', target: 'informational' });
      results.push({ name: `longest task while navigating the screens at ${SET}`, value: longest, unit: 'ms', target: '< 50 ms', pass: longest < 50 });
      results.push({ name: `JS heap after a tour of every screen at ${SET}`, value: heap, unit: 'MB', target: '< 150 MB', pass: heap < 150 });
      return results;
    } finally {
      await launched.close();
    }
  },
};

export default figure;
