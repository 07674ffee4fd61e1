import { callMain, onMainEvent } from './ipc';

/**
 * Everything that holds typing not yet saved (autosaves waiting out their delay) registers a
 * flush here. It runs before the page goes away: a reload, a window close or quit (main asks
 * with app:flush-requested and waits for the answer), the window being hidden, or another
 * window upgrading the database.
 */
type Flush = () => Promise<unknown> | unknown;

const flushes = new Set<Flush>();

/** Registers `flush`; returns the function that unregisters it (use it as an effect's clean-up). */
export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => void flushes.delete(flush);
}

/** Runs every registered flush at once; resolves when all settled, or after `timeoutMs` at the latest. */
export async function flushAll(timeoutMs = 2_000): Promise<void> {
  const all = Promise.allSettled([...flushes].map(async (flush) => flush()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([all, late]);
  clearTimeout(timer);
}

/**
 * Flushes when the page is hidden or unloaded, and answers main's flush requests. Installed
 * once by main.tsx; returns the function that removes the listeners.
 */
export function listenForFlush(target: Window = window): () => void {
  const onHidden = () => {
    if (target.document.visibilityState === 'hidden') void flushAll();
  };
  const onPageHide = () => void flushAll();
  // beforeunload comes first, while the page still runs for a moment; pagehide is the last call.
  target.addEventListener('beforeunload', onPageHide);
  target.addEventListener('pagehide', onPageHide);
  target.document.addEventListener('visibilitychange', onHidden);
  const stopMain = onMainEvent('app:flush-requested', ({ requestId }) => {
    void flushAll().finally(() => void callMain('app:flushed', { requestId }).catch(() => {}));
  });
  return () => {
    target.removeEventListener('beforeunload', onPageHide);
    target.removeEventListener('pagehide', onPageHide);
    target.document.removeEventListener('visibilitychange', onHidden);
    stopMain();
  };
}
