import { addDays, differenceInCalendarDays, getISODay, subMonths } from 'date-fns';
import { z } from 'zod';

/** A calendar date as the user means it (no time zone): 'YYYY-MM-DD'. */
export const isoDateSchema = z.string().refine(isValidIsoDate, { message: 'Use a date like 2024-03-15' });

export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Date arithmetic on calendar dates ('YYYY-MM-DD', no time zone). Display formatting is not
 * here: the renderer formats dates for people in one place (renderer/ui/dates.ts).
 */
// Written out rather than with date-fns' parseISO and format: the database layer (and so the first
// screen) loads this module for isoDateSchema, and format brings a whole locale with it.
export const toDate = (iso: string): Date => {
  const [y = NaN, m = NaN, d = NaN] = iso.slice(0, 10).split('-').map(Number);
  return new Date(y, m - 1, d);
};
export const toIso = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Today as the user's calendar sees it. */
export function todayIso(now: Date = new Date()): string {
  return toIso(now);
}

export function daysBetween(fromIso: string, toIsoDate: string): number {
  return differenceInCalendarDays(toDate(toIsoDate), toDate(fromIso));
}

export function addDaysIso(iso: string, days: number): string {
  return toIso(addDays(toDate(iso), days));
}

/** The same day `months` months earlier (the last day of that month when it is shorter). */
export function monthsBeforeIso(iso: string, months: number): string {
  return toIso(subMonths(toDate(iso), months));
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  return getISODay(toDate(iso));
}

/** Monday-to-Sunday week containing `today`, as ISO dates. */
export function weekOf(today: string): { start: string; end: string } {
  const start = addDaysIso(today, 1 - isoWeekday(today));
  return { start, end: addDaysIso(start, 6) };
}
