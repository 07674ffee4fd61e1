import type { Reminder } from '../../shared/ipc/reminders';

/** What a notification says; main's own words (see shared/ipc/reminders.ts). */
export interface ReminderNotice {
  title: string;
  body: string;
  /** The follow-ups it is about, for the click. */
  ids: string[];
}

export interface ReminderClock {
  now(): Date;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export const systemClock: ReminderClock = {
  now: () => new Date(),
  setTimer: (run, ms) => {
    const t = setTimeout(run, ms);
    // A pending reminder never keeps main alive on its own.
    t.unref?.();
    return t;
  },
  clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
};

/** The hour (local) a reminder comes on the day it falls due. */
export const REMINDER_HOUR = 9;
const SENT_KEY = 'remindersSent';
/** Ids remembered at most: far more follow-ups than anyone keeps open. */
const MAX_SENT = 5_000;
/** Timers are armed at most this far ahead, so a sleep or a clock change is caught up within a day. */
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

/** When the reminder of a day fires: 09:00 local time that day. */
export function fireTime(due: string): Date {
  const [y, m, d] = due.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, REMINDER_HOUR, 0, 0, 0);
}

/**
 * Words for the reminders that fire together. Only main's own sentences and the names the
 * renderer sent (none for private follow-ups): never a note, an outcome or any feedback text.
 */
export function noticeFor(reminders: readonly Reminder[]): ReminderNotice {
  const ids = reminders.map((r) => r.id);
  const names = [...new Set(reminders.map((r) => r.person).filter((p): p is string => p !== null))];
  if (reminders.length === 1) {
    const [one] = reminders;
    return { title: 'A follow-up is due', body: one!.person ? `Follow up with ${one!.person}.` : 'Open Trellis to see it.', ids };
  }
  const named = names.length === 0 ? '' : names.length <= 3 ? ` With ${names.join(', ')}.` : ` With ${names.slice(0, 3).join(', ')} and others.`;
  return { title: `${reminders.length} follow-ups are due`, body: `Open Trellis to see them.${named}`, ids };
}

/**
 * Keeps the follow-ups' reminders and sends each one's notification once, on the morning it
 * falls due (at once for one already due when it is scheduled), whatever the window is doing.
 * Reminders firing together make one notification. A reminder that was sent is not sent again
 * while Trellis runs, even when the renderer schedules it again.
 */
export function createReminderScheduler(
  notify: (notice: ReminderNotice) => void,
  clock: ReminderClock = systemClock,
  store?: { get(key: string): unknown; set(key: string, value: unknown): void },
) {
  let pending: Reminder[] = [];
  // Sent ids live in main's own store, so a restart does not notify the same follow-up again.
  // An unreadable store costs only this memory (a reminder may come twice), never the app's start.
  let stored: unknown;
  try {
    stored = store?.get(SENT_KEY);
  } catch {
    stored = undefined;
  }
  const sent = new Set<string>(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string').slice(-MAX_SENT) : []);
  const remember = () => {
    try {
      store?.set(SENT_KEY, [...sent].slice(-MAX_SENT));
    } catch {
      // Not remembered across a restart: the notification has been shown all the same.
    }
  };
  let timer: unknown = null;

  const arm = () => {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
    if (pending.length === 0) return;
    const next = Math.min(...pending.map((r) => fireTime(r.due).getTime()));
    const wait = Math.max(0, Math.min(next - clock.now().getTime(), MAX_WAIT_MS));
    timer = clock.setTimer(tick, wait);
  };

  const tick = () => {
    timer = null;
    const now = clock.now().getTime();
    const due = pending.filter((r) => fireTime(r.due).getTime() <= now);
    if (due.length > 0) {
      pending = pending.filter((r) => !due.includes(r));
      for (const r of due) sent.add(r.id);
      remember();
      notify(noticeFor(due));
    }
    arm();
  };

  return {
    /** Replaces the schedule; returns how many reminders are still to come. */
    schedule(reminders: readonly Reminder[]): number {
      pending = reminders.filter((r) => !sent.has(r.id));
      tick();
      return pending.length;
    },
    dispose() {
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
      pending = [];
    },
  };
}

export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;
