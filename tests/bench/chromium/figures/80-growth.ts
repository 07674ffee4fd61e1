import type { SampleSizeName } from '../../../../shared/sample';
import type { BenchResult } from '../../harness';
import { type ChromiumFigure, median } from '../figure';

const ROUNDS = 5;

/** The lead measures at large; TRELLIS_BENCH_GROWTH_SIZE=medium (or small) for a quick look on a busy machine. */
const SIZE = (process.env.TRELLIS_BENCH_GROWTH_SIZE ?? 'large') as SampleSizeName;

type Probe = { __probe: { todayReady: Promise<number>; open: (hash: string, selector: string) => Promise<number> } };

const screens = (assessmentId: string, personId: string) => [
  { name: 'a person’s assessment', hash: `#/growth/assessments/${assessmentId}`, selector: 'main section.growth-competency' },
  { name: 'team heatmap', hash: '#/growth/team', selector: 'main table[aria-label="Team heatmap"] tbody tr[data-index] td' },
  { name: 'a person’s evidence coverage', hash: `#/people/${personId}`, selector: 'main section[aria-labelledby="evidence-coverage-heading"] .coverage__cell' },
];

/**
 * Growth screens on the sample: opening a finished manager assessment (drawn against the frozen
 * ladder version from main's store), the team heatmap of every person, and a person's evidence
 * coverage heatmap on their page. The sample does not place people on the ladder, so the person
 * of that assessment is placed where it was made (one row written before the timings).
 */
const figure: ChromiumFigure = {
  title: `growth screens at ${SIZE}: an assessment, the team heatmap, a person's evidence coverage`,
  async run(session) {
    const launched = await session.launch(SIZE);
    try {
      const { page } = launched;
      await page.goto(session.appUrl);
      await page.evaluate(() => (window as unknown as Probe).__probe.todayReady);
      // Plain JavaScript text: the bundler's helpers for named functions do not exist in the page.
      const found = (await page.evaluate(`(async () => {
        const db = await new Promise((resolve, reject) => {
          const req = indexedDB.open('trellis');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const run = (store, mode, f) => new Promise((resolve, reject) => {
          const req = f(db.transaction(store, mode).objectStore(store));
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const rows = await run('assessments', 'readonly', (s) => s.getAll(null, 5000));
        const people = await run('people', 'readonly', (s) => s.count());
        const finished = rows.filter((a) => a.kind === 'manager' && a.status === 'finished').sort((a, b) => b.date.localeCompare(a.date));
        const a = finished[0];
        if (a) {
          const person = await run('people', 'readonly', (s) => s.get(a.personId));
          const placement = { ladderId: a.ladder.ladderId, trackId: a.trackId, levelId: a.levelId, against: a.ladder };
          await run('people', 'readwrite', (s) => s.put({ ...person, placement }));
        }
        db.close();
        return { id: a ? a.id : null, personId: a ? a.personId : null, people };
      })()`)) as { id: string | null; personId: string | null; people: number };
      if (!found.id || !found.personId) throw new Error(`The ${SIZE} sample has no finished manager assessment`);
      const list = screens(found.id, found.personId);
      const open = (hash: string, selector: string) => page.evaluate(([h, s]) => (window as unknown as Probe).__probe.open(h!, s!), [hash, selector]);
      const first = new Map<string, number>();
      for (const s of list) first.set(s.name, await open(s.hash, s.selector));
      const again = new Map<string, number[]>(list.map((s) => [s.name, []]));
      for (let r = 0; r < ROUNDS; r++)
        for (const s of list) {
          await open('#/', 'main h1');
          again.get(s.name)!.push(await open(s.hash, s.selector));
        }
      const results: BenchResult[] = [];
      for (const s of list) {
        const ms = median(again.get(s.name)!);
        const name = `opened again at ${SIZE} (${found.people} people): ${s.name} → first content`;
        results.push(
          SIZE === 'large' ? { name, value: ms, unit: 'ms', target: '< 100 ms', pass: ms < 100 } : { name, value: ms, unit: 'ms', target: 'informational' },
        );
      }
      for (const s of list) results.push({ name: `first open at ${SIZE}: ${s.name}`, value: first.get(s.name)!, unit: 'ms', target: 'informational' });
      return results;
    } finally {
      await launched.close();
    }
  },
};

export default figure;
