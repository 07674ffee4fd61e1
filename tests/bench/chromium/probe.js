/* global window, document, location, performance, requestAnimationFrame, PerformanceObserver */
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

  /**
   * Resolves when the frame in which `ready()` first holds has been drawn: with the start time of
   * the frame after it (style, layout and paint of that frame included). Checked once a frame, so
   * the probe adds next to nothing to the page's own work.
   */
  probe.whenReady = (ready, timeoutMs = 60000) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const frame = (now) => {
        if (ready()) requestAnimationFrame((next) => resolve(next));
        else if (now - started > timeoutMs) reject(new Error(`the screen was not ready within ${timeoutMs} ms`));
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
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
