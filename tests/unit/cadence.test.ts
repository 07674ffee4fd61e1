import { describe, expect, it } from 'vitest';
import { firstOccurrence, nthWeekdayOfMonth, seriesOccurrences, weekdayOrdinal } from '../../shared/domain/cadence';

describe('cadence', () => {
  it('starts on the first matching weekday on or after the start date', () => {
    expect(firstOccurrence({ startDate: '2026-01-01', weekday: 1 })).toBe('2026-01-05');
    expect(firstOccurrence({ startDate: '2026-01-05', weekday: 1 })).toBe('2026-01-05');
  });

  it('weekly and every two weeks step from the first meeting, also from a later date', () => {
    expect(seriesOccurrences({ cadence: 'weekly', startDate: '2026-01-01', weekday: 1 }, '2026-01-01', 3)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(seriesOccurrences({ cadence: 'biweekly', startDate: '2026-01-05', weekday: 1 }, '2026-01-13', 2)).toEqual(['2026-01-19', '2026-02-02']);
  });

  it('monthly keeps the nth weekday, and a fifth weekday becomes the last', () => {
    expect(weekdayOrdinal('2026-01-13')).toBe(2);
    expect(weekdayOrdinal('2026-01-29')).toBe(-1);
    expect(nthWeekdayOfMonth(2026, 2, 5, -1)).toBe('2026-02-27');
    expect(seriesOccurrences({ cadence: 'monthly', startDate: '2026-01-13', weekday: 2 }, '2026-01-01', 3)).toEqual(['2026-01-13', '2026-02-10', '2026-03-10']);
    expect(seriesOccurrences({ cadence: 'monthly', startDate: '2026-01-29', weekday: 4 }, '2026-02-01', 2)).toEqual(['2026-02-26', '2026-03-26']);
  });
});
