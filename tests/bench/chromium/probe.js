/* global window, document, location, performance, setTimeout, clearTimeout, requestAnimationFrame, MutationObserver, PerformanceObserver */
// Injected by the benchmark into the app page before any of the app's scripts run. Plain
// JavaScript, so no build step changes it: it only watches the DOM and the clock.
(() => {
  const probe = { longTasks: [], todayReadyAt: null };

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the trace gives the same figure.
  }

  /** Resolves with performance.now() at the first frame after `ready()` holds. */
  probe.whenReady = (ready, timeoutMs = 60000) =>
    new Promise((resolve, reject) => {
      let observer = null;
      const timer = setTimeout(() => {
        if (observer) observer.disconnect();
        reject(new Error(`the screen was not ready within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        if (!ready()) return false;
        if (observer) observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now()));
        return true;
      };
      if (check()) return;
      observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });

  /** The screen is drawn with data: its title, no loading text, and `selector` on screen. */
  probe.shows = (selector) => () => !document.querySelector('main .loading') && document.querySelector(selector) !== null;

  /** Navigates by hash and resolves with the ms until `selector` is drawn. */
  probe.open = async (hash, selector) => {
    const start = performance.now();
    location.hash = hash;
    const at = await probe.whenReady(probe.shows(selector));
    return at - start;
  };

  // Today with its data, or its welcome when there is none: what the user sees first.
  probe.todayReady = probe
    .whenReady(() => {
      const h1 = document.querySelector('main h1');
      return (
        h1 !== null &&
        h1.textContent === 'Today' &&
        !document.querySelector('main .loading') &&
        document.querySelector('main .prep-grid, main .empty-state') !== null
      );
    })
    .then((at) => {
      probe.todayReadyAt = at;
      return at;
    });

  window.__probe = probe;
})();
