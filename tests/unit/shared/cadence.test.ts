import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { firstOccurrence, monthlyOrdinal, seriesHealth, upcomingDates } from '../../../shared/domain/cadence';
import { addDaysIso, daysBetween, weekOf } from '../../../shared/domain/dates';
import { type Cadence, cadences } from '../../../shared/domain/meetings';

const isoWeekday = (iso: string) => ((new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

describe('upcomingDates', () => {
  it('weekly: the first matching weekday on or after the start, then every 7 days', () => {
    // 2026-11-04 is a Wednesday; the series meets on Mondays (1).
    expect(upcomingDates({ cadence: 'weekly', weekday: 1, startDate: '2026-11-04' }, '2026-11-01', 3)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
  });

  it('every 2 weeks keeps its rhythm from the first meeting whatever day you ask from', () => {
    const rule = { cadence: 'biweekly' as const, weekday: 2, startDate: '2026-11-03' };
    expect(upcomingDates(rule, '2026-11-04', 2)).toEqual(['2026-11-17', '2026-12-01']);
    expect(upcomingDates(rule, '2026-11-17', 1)).toEqual(['2026-11-17']);
  });

  it('monthly: the same nth weekday each month, and the 5th becomes "last"', () => {
    // 2026-11-10 is the 2nd Tuesday of November.
    expect(upcomingDates({ cadence: 'monthly', weekday: 2, startDate: '2026-11-10' }, '2026-11-10', 3)).toEqual(['2026-11-10', '2026-12-08', '2027-01-12']);
    // 2026-12-29 is the 5th Tuesday: the series keeps to the last Tuesday (Feb 2027 has four).
    const last = { cadence: 'monthly' as const, weekday: 2, startDate: '2026-12-29' };
    expect(monthlyOrdinal(last)).toBe(-1);
    expect(upcomingDates(last, '2026-12-01', 3)).toEqual(['2026-12-29', '2027-01-26', '2027-02-23']);
  });

  it('crosses daylight-saving changes without slipping a day', () => {
    expect(upcomingDates({ cadence: 'weekly', weekday: 7, startDate: '2026-03-22' }, '2026-03-22', 3)).toEqual(['2026-03-22', '2026-03-29', '2026-04-05']);
  });
});

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const rule = fc.record({ cadence: fc.constantFrom<Cadence>(...cadences), weekday: fc.integer({ min: 1, max: 7 }), startDate: isoDate });

describe('upcomingDates properties', () => {
  it('dates are on the weekday, ascending, on or after both the start and the asked day, with the cadence spacing', () => {
    fc.assert(
      fc.property(rule, isoDate, fc.integer({ min: 1, max: 8 }), (r, from, count) => {
        const dates = upcomingDates(r, from, count);
        expect(dates).toHaveLength(count);
        const first = firstOccurrence(r);
        dates.forEach((d, i) => {
          expect(isoWeekday(d)).toBe(r.weekday);
          expect(d >= from && d >= first).toBe(true);
          if (i === 0) return;
          const gap = daysBetween(dates[i - 1]!, d);
          if (r.cadence === 'weekly') expect(gap).toBe(7);
          else if (r.cadence === 'biweekly') expect(gap).toBe(14);
          else expect(gap === 28 || gap === 35).toBe(true);
        });
        // Nothing is skipped: asking from the day after a meeting gives the next one.
        if (count > 1) expect(upcomingDates(r, addDaysIso(dates[0]!, 1), 1)[0]).toBe(dates[1]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('seriesHealth', () => {
  const weekly = { cadence: 'weekly' as const, weekday: 1, startDate: '2026-10-05' };

  it('is not overdue within the cadence and is overdue one day past it', () => {
    expect(seriesHealth(weekly, ['2026-11-09'], '2026-11-16').overdue).toBe(false);
    const late = seriesHealth(weekly, ['2026-11-09'], '2026-11-17');
    expect(late).toMatchObject({ overdue: true, lastHeld: '2026-11-09', daysSince: 8, next: '2026-11-23' });
  });

  it('ignores meetings dated in the future and counts a never-held series from its first planned date', () => {
    expect(seriesHealth(weekly, ['2026-12-01'], '2026-10-12')).toMatchObject({ lastHeld: null, overdue: false, next: '2026-10-12' });
    expect(seriesHealth({ ...weekly, startDate: '2026-11-30' }, [], '2026-11-20')).toMatchObject({ overdue: false, daysSince: null });
    expect(seriesHealth(weekly, [], '2026-10-12').overdue).toBe(false);
    expect(seriesHealth(weekly, [], '2026-10-13').overdue).toBe(true);
  });

  it('after a meeting today the next one is the following occurrence', () => {
    expect(seriesHealth(weekly, ['2026-11-16'], '2026-11-16').next).toBe('2026-11-23');
  });
});

describe('weekOf', () => {
  it('runs Monday to Sunday', () => {
    expect(weekOf('2026-11-19')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(weekOf('2026-11-22')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
  });
});
