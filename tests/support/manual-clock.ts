import type { ReminderClock } from '../../electron/services/reminders';

/**
 * A clock tests move by hand: `now()` is what they set, and timers run when `advanceTo` passes
 * their time, in order. Nothing waits on real time.
 */
export function createManualClock(start: Date) {
  let now = start.getTime();
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: ReminderClock & { advanceTo(to: Date): void; readonly pending: number } = {
    now: () => new Date(now),
    setTimer(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer(id) {
      timers.delete(id as number);
    },
    advanceTo(to) {
      const target = to.getTime();
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
      }
      now = Math.max(now, target);
    },
    get pending() {
      return timers.size;
    },
  };
  return clock;
}
