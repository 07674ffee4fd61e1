import { addDays, addMonths, getISODay, startOfMonth } from 'date-fns';

import { addDaysIso, daysBetween, toDate, toIso } from './dates';
import { type Cadence, cadenceDays, type Series } from './meetings';

/**
 * When a series meets. Dates are calendar dates ('YYYY-MM-DD') in the series' own time zone;
 * the wall-clock time sits beside them in `Series.time`, so no time-zone arithmetic is needed here.
 */
export type CadenceRule = Pick<Series, 'cadence' | 'weekday' | 'startDate'>;

/** First date on or after `iso` that falls on ISO weekday `weekday` (1 = Monday). */
function onOrAfterWeekday(iso: string, weekday: number): Date {
  const d = toDate(iso);
  return addDays(d, (weekday - getISODay(d) + 7) % 7);
}

/**
 * Which weekday-of-the-month a monthly series keeps: 1–4 for "first … fourth", -1 for "last".
 * Taken from the first meeting date, so a series starting on the 5th Tuesday stays on the last one
 * (calendar apps read the same thing from BYDAY=-1TU).
 */
export function monthlyOrdinal(rule: Pick<CadenceRule, 'weekday' | 'startDate'>): number {
  const first = onOrAfterWeekday(rule.startDate, rule.weekday);
  const nth = Math.ceil(first.getDate() / 7);
  return nth >= 5 ? -1 : nth;
}

/** The date of the `ordinal` `weekday` in the month of `month`. */
function nthWeekdayOfMonth(month: Date, weekday: number, ordinal: number): Date {
  const first = startOfMonth(month);
  const firstMatch = addDays(first, (weekday - getISODay(first) + 7) % 7);
  if (ordinal > 0) return addDays(firstMatch, 7 * (ordinal - 1));
  let last = firstMatch;
  while (addDays(last, 7).getMonth() === first.getMonth()) last = addDays(last, 7);
  return last;
}

/** The series' first meeting: its first matching weekday on or after the start date. */
export function firstOccurrence(rule: CadenceRule): string {
  return toIso(onOrAfterWeekday(rule.startDate, rule.weekday));
}

/**
 * The next `count` meeting dates on or after `fromIso` (never before the series starts).
 * Weekly and two-weekly series step from the first meeting so the fortnight rhythm never drifts.
 */
export function upcomingDates(rule: CadenceRule, fromIso: string, count: number): string[] {
  if (count <= 0) return [];
  const first = firstOccurrence(rule);
  const from = fromIso > first ? fromIso : first;
  const out: string[] = [];
  if (rule.cadence === 'monthly') {
    const ordinal = monthlyOrdinal(rule);
    let month = startOfMonth(toDate(from));
    while (out.length < count) {
      const date = toIso(nthWeekdayOfMonth(month, rule.weekday, ordinal));
      if (date >= from) out.push(date);
      month = addMonths(month, 1);
    }
    return out;
  }
  const step = rule.cadence === 'weekly' ? 7 : 14;
  const behind = Math.max(0, daysBetween(first, from));
  let date = addDaysIso(first, Math.ceil(behind / step) * step);
  while (out.length < count) {
    out.push(date);
    date = addDaysIso(date, step);
  }
  return out;
}

export function nextDate(rule: CadenceRule, fromIso: string): string {
  return upcomingDates(rule, fromIso, 1)[0]!;
}

export interface SeriesHealth {
  /** The last meeting held (dated today or earlier), if any. */
  lastHeld: string | null;
  /** Days since the last meeting held, or since the first planned meeting when none was held. */
  daysSince: number | null;
  overdue: boolean;
  next: string;
}

/**
 * "Overdue" = more days have passed than the cadence allows since the last meeting held. A series
 * that never met counts from its first planned meeting, so a fresh series is not overdue at once.
 */
export function seriesHealth(rule: CadenceRule & { cadence: Cadence }, meetingDates: string[], today: string): SeriesHealth {
  const held = meetingDates.filter((d) => d <= today).sort();
  const lastHeld = held.at(-1) ?? null;
  const reference = lastHeld ?? firstOccurrence(rule);
  const since = daysBetween(reference, today);
  return {
    lastHeld,
    daysSince: lastHeld ? since : since >= 0 ? since : null,
    overdue: since > cadenceDays[rule.cadence],
    next: nextDate(rule, lastHeld && lastHeld >= today ? addDaysIso(today, 1) : today),
  };
}

/** The user's own IANA zone, for new series. */
export function defaultTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export const weekdayLabels = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
