import { parseISO } from 'date-fns';

import { todayIso } from '../../shared/domain/dates';

/**
 * How Trellis shows dates to people: one locale-aware formatter for every screen, and the same
 * locale for the date fields (ui/DateField.tsx hands appLocale() to react-aria). Date arithmetic is
 * not here but in shared/domain/dates.ts; exports and files keep ISO dates.
 */

/** The user's locale, as the system gives it to Chromium (Electron follows the OS). */
export function appLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-GB';
}

export type DateStyle = 'short' | 'medium' | 'day' | 'long' | 'weekday' | 'spelled';

const styles: Record<DateStyle | 'shortWithYear' | 'dateTime', Intl.DateTimeFormatOptions> = {
  /** "16 Nov" in en-GB, "Nov 16" in en-US; the year joins when it is not this year's. */
  short: { day: 'numeric', month: 'short' },
  shortWithYear: { day: 'numeric', month: 'short', year: 'numeric' },
  /** "16 Nov 2026": dates people look up (started, level since). */
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  /** "Mon 16 Nov": the next or last meeting. */
  day: { weekday: 'short', day: 'numeric', month: 'short' },
  /** "Monday, 16 November 2026": the date a screen is about (a meeting). */
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** "16 November 2026": a day that must not be misread (how an imported date was understood). */
  spelled: { day: 'numeric', month: 'long', year: 'numeric' },
  /** "Monday, 16 November": today, on the Today screen. */
  weekday: { weekday: 'long', day: 'numeric', month: 'long' },
  /** "16 Nov 2026, 14:05": a moment (when a ladder version was first seen). */
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' },
};

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(style: keyof typeof styles): Intl.DateTimeFormat {
  const locale = appLocale();
  const key = `${locale} ${style}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = new Intl.DateTimeFormat(locale, styles[style])));
  return found;
}

/**
 * A calendar date ('2026-11-16') or a moment ('2026-11-16T09:30:00Z', shown as the local day)
 * in the user's locale.
 */
export function formatDate(value: string, style: DateStyle = 'short', today: string = todayIso()): string {
  const date = parseISO(value);
  if (Number.isNaN(date.getTime())) return value;
  const chosen = style === 'short' && value.slice(0, 4) !== today.slice(0, 4) ? 'shortWithYear' : style;
  return formatter(chosen).format(date);
}

/** A moment with its time of day, e.g. when a file was first seen. */
export function formatDateTime(timestamp: string): string {
  const date = parseISO(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : formatter('dateTime').format(date);
}

/** "today", "yesterday", "12 days ago". */
export function daysAgo(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}
