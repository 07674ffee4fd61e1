import { testLocale } from './locale';

/** A local calendar date `offset` days from today, as the app computes it. */
export function isoDay(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function weekdayName(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('en-GB', { weekday: 'long' });
}

/** "23 Nov" in en-GB: a date of this year as the app shows it in a list (the year joins for other years). */
export function shortLabel(iso: string, locale: string = testLocale): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const thisYear = y === new Date().getFullYear();
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(thisYear ? {} : { year: 'numeric' }) }).format(new Date(y, m - 1, d));
}
