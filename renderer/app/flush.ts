import { callMain, onMainEvent } from './ipc';

/**
 * Everything that holds typing not yet saved (autosaves waiting out their delay) registers a
 * flush here. It runs before the page goes away: a reload, a window close or quit (main asks
 * with app:flush-requested and waits for the answer), the window being hidden, or another
 * window upgrading the database.
 */
type Flush = () => Promise<unknown> | unknown;
/** Synchronously keeps what is pending (renderer/app/unsaved.ts), for when the page goes before the flush ends. */
type Keep = () => void;

const flushes = new Set<Flush>();
const keeps = new Set<Keep>();

/** Registers `flush` (and `keep`); returns the function that unregisters them (use it as an effect's clean-up). */
export function registerFlush(flush: Flush, keep?: Keep): () => void {
  flushes.add(flush);
  if (keep) keeps.add(keep);
  return () => {
    flushes.delete(flush);
    if (keep) keeps.delete(keep);
  };
}

/** Runs every `keep` at once, synchronously: the page may be gone before any promise settles. */
export function keepAll(): void {
  for (const keep of keeps) keep();
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
    if (target.document.visibilityState !== 'hidden') return;
    keepAll();
    void flushAll();
  };
  const onPageHide = () => {
    keepAll();
    void flushAll();
  };
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
