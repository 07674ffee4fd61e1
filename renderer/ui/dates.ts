import { format, parseISO } from 'date-fns';

import { todayIso } from '../../shared/domain/dates';

/** "12 Nov" (with the year when it is not this year's). */
export function shortDate(iso: string, today: string = todayIso()): string {
  const d = parseISO(iso);
  return format(d, iso.slice(0, 4) === today.slice(0, 4) ? 'd MMM' : 'd MMM yyyy');
}

/** "Mon 16 Nov" */
export function dayLabel(iso: string): string {
  return format(parseISO(iso), 'EEE d MMM');
}

/** "Monday 16 November 2026" */
export function longDate(iso: string): string {
  return format(parseISO(iso), 'EEEE d MMMM yyyy');
}

export function daysAgo(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}
