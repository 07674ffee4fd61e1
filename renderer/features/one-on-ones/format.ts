import { format, parseISO } from 'date-fns';

import { weekdayLabels } from '../../../shared/domain/cadence';
import { cadenceLabels, type Series } from '../../../shared/domain/meetings';

export function describeCadence(s: Series): string {
  return `${cadenceLabels[s.cadence]} · ${weekdayLabels[s.weekday - 1]} ${s.time} · ${s.durationMinutes} min`;
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
