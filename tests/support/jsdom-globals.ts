import { JSDOM } from 'jsdom';

/**
 * Installs a jsdom window as the global browser environment for code run outside vitest (the
 * benchmarks). Layout does not exist in jsdom, so `scrollerHeight` stands in for the height the
 * timeline's scroll box has in the app.
 */
export function installJsdom(scrollerHeight = 480): () => void {
  const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { url: 'http://localhost/', pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  // Every browser global jsdom has and Node lacks (HTMLTextAreaElement, location, …), plus the
  // few both have where the browser's must win (window, document, navigator, events).
  const win = dom.window as unknown as Record<string, unknown>;
  const forced = ['window', 'document', 'navigator', 'Event', 'EventTarget', 'CustomEvent', 'addEventListener', 'removeEventListener', 'dispatchEvent'];
  const keys = [...new Set([...Object.getOwnPropertyNames(dom.window).filter((k) => !(k in g) && !k.startsWith('_')), ...forced])];
  const saved = new Map(keys.map((k) => [k, Object.getOwnPropertyDescriptor(g, k)]));
  for (const key of keys) {
    const value = key === 'window' ? dom.window : win[key];
    const bound = typeof value === 'function' && /^[a-z]/.test(key) ? (value as (...a: unknown[]) => unknown).bind(dom.window) : value;
    Object.defineProperty(g, key, { value: bound, configurable: true, writable: true });
  }
  // The virtualiser sizes its window from the scroll box's client size, which jsdom reports as 0.
  const proto = dom.window.HTMLElement.prototype;
  const isScroller = (el: HTMLElement) => el.classList.contains('timeline-scroller');
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isScroller(this) ? scrollerHeight : 0;
    },
  });
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return isScroller(this) ? 800 : 0;
    },
  });
  return () => {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(g, key, descriptor);
      else delete g[key];
    }
    dom.window.close();
  };
}
