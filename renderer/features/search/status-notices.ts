import type { IndexStatus } from './protocol';

/**
 * Passes the worker's status reports on to `notify`: every change out of or into 'building' at
 * once, and while building at most once per `intervalMs` (the latest one, when the interval is
 * up). The worker reports each page of rows it reads; at five years they are hundreds, and each
 * notice re-renders whatever shows the count and asks the query on screen again.
 */
export function statusNotices(notify: (status: IndexStatus) => void, intervalMs: number) {
  let status: IndexStatus = { state: 'building', documents: 0 };
  /** What was passed on last: what the page shows. */
  let shown = status;
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const now = () => {
    cancel();
    last = performance.now();
    shown = status;
    notify(status);
  };
  return {
    /** The status passed on last (the page's snapshot). */
    get current(): IndexStatus {
      return shown;
    },
    report(next: IndexStatus): void {
      const wasBuilding = status.state === 'building';
      status = next;
      if (next.state !== 'building' || !wasBuilding) return now();
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) now();
      else timer ??= setTimeout(now, wait);
    },
    /** Back to 'building' with nothing indexed, nothing pending (the worker was ended). */
    reset(): void {
      cancel();
      status = shown = { state: 'building', documents: 0 };
    },
  };
}
