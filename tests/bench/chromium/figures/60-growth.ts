import type { SampleSizeName } from '../../../../shared/sample';
import type { BenchResult } from '../../harness';
import { type ChromiumFigure, median } from '../figure';

const ROUNDS = 5;

/** The lead measures at large; TRELLIS_BENCH_GROWTH_SIZE=medium (or small) for a quick look on a busy machine. */
const SIZE = (process.env.TRELLIS_BENCH_GROWTH_SIZE ?? 'large') as SampleSizeName;

type Probe = { __probe: { todayReady: Promise<number>; open: (hash: string, selector: string) => Promise<number> } };

const screens = (assessmentId: string) => [
  { name: 'a person’s assessment', hash: `#/growth/assessments/${assessmentId}`, selector: 'main section.growth-competency' },
  { name: 'team heatmap', hash: '#/growth/team', selector: 'main table[aria-label="Team heatmap"] tbody tr[data-index] td' },
];

const figure: ChromiumFigure = {
  title: `growth screens at ${SIZE}: an assessment, the team heatmap`,
  async run(session) {
    const launched = await session.launch(SIZE);
    try {
      const { page } = launched;
      await page.goto(session.appUrl);
      await page.evaluate(() => (window as unknown as Probe).__probe.todayReady);
      // The newest finished manager assessment and how many people there are, straight from IndexedDB.
      // Plain JavaScript text: the bundler's helpers for named functions do not exist in the page.
      const found = (await page.evaluate(`(async () => {
        const db = await new Promise((resolve, reject) => {
          const req = indexedDB.open('trellis');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const read = (store, f) => new Promise((resolve, reject) => {
          const req = f(db.transaction(store).objectStore(store));
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const rows = await read('assessments', (s) => s.getAll(null, 2000));
        const people = await read('people', (s) => s.count());
        db.close();
        const finished = rows.filter((a) => a.kind === 'manager' && a.status === 'finished').sort((a, b) => b.date.localeCompare(a.date));
        return { id: finished[0] ? finished[0].id : null, people };
      })()`)) as { id: string | null; people: number };
      if (!found.id) throw new Error(`The ${SIZE} sample has no finished manager assessment`);
      const list = screens(found.id);
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
