import 'fake-indexeddb/auto';

import { installJsdom } from '../support/jsdom-globals';
import { seedLongHistory } from '../support/timeline-fixture';
import type { BenchResult } from './harness';
import { openPersonInChromium } from './timeline-chromium';

const RUNS = 15;
const WARMUP = 3;
const TARGET_MS = 100;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Opening a person with 500 meetings and 2,000 action items: the timeline's data query, its row
 * model, and React rendering its first screen (jsdom, fake-indexeddb). Each run mounts a fresh
 * component, as navigating to the person page does.
 */
export default async function timelineBench(): Promise<BenchResult[]> {
  return [...(await jsdomResults()), ...(await chromiumResults())];
}

async function jsdomResults(): Promise<BenchResult[]> {
  const uninstall = installJsdom();
  // The app ships React's production build; measure that one (React reads this at first import).
  process.env.NODE_ENV ??= 'production';
  try {
    const React = await import('react');
    // The bench runner's tsx compiles JSX the classic way (React.createElement), unlike Vite.
    (globalThis as { React?: unknown }).React = React;
    const { createRoot } = await import('react-dom/client');
    const { flushSync } = await import('react-dom');
    const { TrellisDatabase } = await import('../../renderer/db/database');
    const { createRepositories } = await import('../../renderer/app/data');
    const { buildTimeline } = await import('../../shared/domain/timeline');
    const { Timeline } = await import('../../renderer/features/people/Timeline');

    const db = new TrellisDatabase(`bench-timeline-${Date.now()}`);
    const repos = createRepositories(db);
    const personId = await seedLongHistory(db);

    const query: number[] = [];
    const render: number[] = [];
    let rows = 0;
    let entries = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      const [meetings, actions] = await Promise.all([repos.meetings.forPerson(personId), repos.actionItems.forPerson(personId)]);
      const model = buildTimeline(meetings, actions, 'Alex Rivera');
      const t1 = performance.now();
      const container = document.createElement('div');
      document.body.append(container);
      const root = createRoot(container);
      // flushSync: render and commit (layout effects included, where the virtualiser measures) before timing stops.
      flushSync(() => root.render(React.createElement(Timeline, { entries: model })));
      const t2 = performance.now();
      rows = container.querySelectorAll('[role="listitem"]').length;
      entries = model.length;
      flushSync(() => root.unmount());
      container.remove();
      if (i >= WARMUP) {
        query.push(t1 - t0);
        render.push(t2 - t1);
      }
    }
    db.close();
    if (entries !== 2500 || rows === 0 || rows > 60)
      throw new Error(`timeline bench is not measuring what it claims: ${entries} entries, ${rows} rows in the DOM`);
    const total = query.map((q, i) => q + render[i]!);
    const totalMedian = median(total);
    const results: BenchResult[] = [
      { name: `timeline: query + row model (${entries} entries)`, value: median(query), unit: 'ms', target: 'informational' },
      { name: `timeline: render first screen (${rows} rows in DOM)`, value: median(render), unit: 'ms', target: 'informational' },
      {
        name: 'timeline: open person, 500 meetings + 2000 actions',
        value: totalMedian,
        unit: 'ms',
        target: `< ${TARGET_MS} ms (jsdom)`,
        pass: totalMedian < TARGET_MS,
      },
    ];
    return results;
  } finally {
    uninstall();
  }
}

/** The whole person page in Chromium; informational because it includes routing and every card. */
async function chromiumResults(): Promise<BenchResult[]> {
  const times = await openPersonInChromium(RUNS);
  if (!times) {
    console.log('timeline bench: no dist/renderer build, skipped the Chromium measurement (run npm run build)');
    return [];
  }
  // The first open after a reload also loads the page's code and warms IndexedDB: shown apart.
  const [first, ...rest] = times;
  return [
    { name: 'person page in Chromium: first open after reload', value: first ?? Number.NaN, unit: 'ms', target: 'informational' },
    { name: 'person page in Chromium: later opens (median)', value: median(rest), unit: 'ms', target: 'informational' },
  ];
}
