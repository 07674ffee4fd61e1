import type { Series } from './meetings';

/**
 * When a series meets, computed on calendar dates only (no time zone): the series' time is
 * a wall-clock time in `series.timeZone`, so dates never shift with DST. The calendar export
 * (ics.ts) encodes the same rule as an RRULE; a test checks both agree.
 */

const DAY_MS = 86_400_000;

function toUtcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function toIso(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** ISO weekday of a 'YYYY-MM-DD' date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const day = new Date(toUtcDay(iso)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(iso: string, days: number): string {
  return toIso(toUtcDay(iso) + days * DAY_MS);
}

/** The first date on or after startDate that falls on the series' weekday: its first meeting. */
export function firstOccurrence(series: Pick<Series, 'startDate' | 'weekday'>): string {
  const shift = (series.weekday - isoWeekday(series.startDate) + 7) % 7;
  return addDays(series.startDate, shift);
}

/**
 * Which weekday of its month a date is: 1…4, or -1 for a fifth one (which not every month
 * has, so a monthly series anchored there meets on the last such weekday instead).
 */
export function weekdayOrdinal(iso: string): number {
  const day = Number(iso.slice(8, 10));
  const nth = Math.ceil(day / 7);
  return nth >= 5 ? -1 : nth;
}

/** The nth (or last, for -1) given ISO weekday of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, ordinal: number): string {
  if (ordinal === -1) {
    const last = toIso(Date.UTC(year, month, 0));
    const back = (isoWeekday(last) - weekday + 7) % 7;
    return addDays(last, -back);
  }
  const first = toIso(Date.UTC(year, month - 1, 1));
  const forward = (weekday - isoWeekday(first) + 7) % 7;
  return addDays(first, forward + (ordinal - 1) * 7);
}

/** The first `count` meeting dates of a series on or after `from` (an ISO date). */
export function seriesOccurrences(series: Pick<Series, 'cadence' | 'startDate' | 'weekday'>, from: string, count: number): string[] {
  const first = firstOccurrence(series);
  const out: string[] = [];
  if (count <= 0) return out;
  if (series.cadence === 'monthly') {
    const ordinal = weekdayOrdinal(first);
    let year = Number(first.slice(0, 4));
    let month = Number(first.slice(5, 7));
    while (out.length < count) {
      const date = nthWeekdayOfMonth(year, month, series.weekday, ordinal);
      if (date >= first && date >= from) out.push(date);
      month += 1;
      if (month === 13) {
        month = 1;
        year += 1;
      }
    }
    return out;
  }
  const step = series.cadence === 'weekly' ? 7 : 14;
  let date = first;
  if (from > first) {
    const periods = Math.ceil((toUtcDay(from) - toUtcDay(first)) / DAY_MS / step);
    date = addDays(first, periods * step);
  }
  while (out.length < count) {
    out.push(date);
    date = addDays(date, step);
  }
  return out;
}
