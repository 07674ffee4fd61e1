import type { Page } from '@playwright/test';

/**
 * The test bridge is JSON over the DevTools protocol: the binding turns a call's payload into
 * JSON on the page's main thread before it returns, a part of the page's task that Electron's IPC
 * (structured clone) does not have, and far slower for megabyte messages. A figure that injects
 * `bridgeTimer(prefixes)` can take that part out of the page's tasks, and the bridge's waits out
 * of its times, for calls on channels that start with one of `prefixes`.
 *
 * Plain JavaScript text: the bench's compiler would wrap a named function in a __name() helper
 * the page does not have.
 */
export const bridgeTimer = (prefixes: readonly string[]) => `(() => {
  const prefixes = ${JSON.stringify(prefixes)};
  const watched = (c) => prefixes.some((p) => String(c).startsWith(p));
  window.__bridgeWait = 0;
  window.__bridgeSync = [];
  const wrap = () => {
    const bridge = window.__trellisBridge;
    // Once only, whichever wrapper came after (deferredAppends wraps this one).
    if (!bridge || window.__bridgeTimed) return;
    window.__bridgeTimed = true;
    const timed = async (c, p) => {
      const start = performance.now();
      try {
        const answer = bridge(c, p);
        if (watched(c)) window.__bridgeSync.push([start, performance.now()]);
        return await answer;
      } finally {
        if (watched(c)) window.__bridgeWait += performance.now() - start;
      }
    };
    window.__trellisBridge = timed;
  };
  wrap();
  document.addEventListener('DOMContentLoaded', wrap);
})();`;

/**
 * The longest main-thread task (Long Tasks API, so 0 when none reached 50 ms) that overlaps the
 * page-clock stretch [start, end], less the bridge's own synchronous JSON inside it: what the
 * user's typing and scrolling would wait behind in Electron.
 */
export function longestTaskBetween(page: Page, start: number, end: number): Promise<number> {
  return page.evaluate(
    ([from, to]) => {
      const w = window as unknown as { __probe: { longTasks: { start: number; duration: number }[] }; __bridgeSync?: [number, number][] };
      const sync = w.__bridgeSync ?? [];
      // No named functions in here: the bench's compiler would wrap them in a __name() helper the page does not have.
      const tasks = w.__probe.longTasks
        .filter((t) => t.start < to! && t.start + t.duration > from!)
        .map((t) => t.duration - sync.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, t.start + t.duration) - Math.max(a, t.start)), 0));
      // A task that is under 50 ms once the bridge is taken out would not have been a long task at all.
      return Math.max(0, ...tasks.filter((d) => d >= 50));
    },
    [start, end],
  );
}

/** As longestTaskBetween, over the last User Timing measure `name` the page made. */
export async function longestTaskIn(page: Page, name: string): Promise<number> {
  const span = await page.evaluate((n) => {
    const measure = performance.getEntriesByName(n, 'measure').at(-1);
    return measure ? [measure.startTime, measure.startTime + measure.duration] : null;
  }, name);
  if (!span) throw new Error(`The page made no ${name} measure`);
  return longestTaskBetween(page, span[0]!, span[1]!);
}

/**
 * While `window.__deferAppends` is true, `backup:append` calls answer at once and their chunks
 * wait in the page; the next other call sends them first, in order. A restore streams the
 * backup of the current data to main while it reads the data: through the test bridge each chunk
 * costs the page tens of milliseconds of JSON inside the read (Electron's IPC copies it in a
 * fraction of one), so the read's time is only the app's own once the chunks go after it. Main
 * gets every chunk, and the restore commits only once main has saved them all, as in the app.
 * Plain JavaScript text, as bridgeTimer; inject it after that.
 */
export const deferredAppends = `(() => {
  window.__deferAppends = false;
  const wrap = () => {
    const bridge = window.__trellisBridge;
    if (!bridge || window.__appendsDeferrable) return;
    window.__appendsDeferrable = true;
    const waiting = [];
    const deferring = async (c, p) => {
      if (window.__deferAppends && c === 'backup:append') {
        waiting.push(p);
        return { ok: true, value: { bytes: 0 } };
      }
      while (waiting.length > 0) {
        const answer = await bridge('backup:append', waiting.shift());
        if (!answer || !answer.ok) {
          waiting.length = 0;
          return answer;
        }
      }
      return bridge(c, p);
    };
    window.__trellisBridge = deferring;
  };
  wrap();
  document.addEventListener('DOMContentLoaded', wrap);
})();`;
