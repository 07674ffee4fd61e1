import { describe, expect, it } from 'vitest';

import { conflicts, overlappingSeries, proposeSlot, type SlotSeries } from '../../../shared/domain/slots';

// 2026-11-02 is a Monday.
const from = '2026-11-02';
const series = (id: string, extra: Partial<SlotSeries> = {}): SlotSeries => ({
  id,
  cadence: 'weekly',
  weekday: 2,
  time: '10:00',
  durationMinutes: 30,
  startDate: from,
  timeZone: 'Europe/Berlin',
  ...extra,
});
const wanted = { cadence: 'weekly' as const, durationMinutes: 30, startDate: from, timeZone: 'Europe/Berlin' };

describe('overlappingSeries', () => {
  it('uses durations: a 45-minute 1:1 at 10:00 clashes with one at 10:30, a 30-minute one does not', () => {
    const others = [series('sam', { time: '10:30' })];
    expect(overlappingSeries({ ...series('new'), durationMinutes: 45 }, others, from).map((s) => s.id)).toEqual(['sam']);
    expect(overlappingSeries(series('new'), others, from)).toEqual([]);
  });

  it('uses cadences: fortnightly series in alternate weeks never meet; a monthly one meets a weekly one once a month', () => {
    const fortnight = series('sam', { cadence: 'biweekly', startDate: '2026-11-03' });
    expect(overlappingSeries({ ...series('new'), cadence: 'biweekly', startDate: '2026-11-10' }, [fortnight], from)).toEqual([]);
    expect(overlappingSeries({ ...series('new'), cadence: 'biweekly', startDate: '2026-11-17' }, [fortnight], from)).toEqual([fortnight]);
    expect(overlappingSeries({ ...series('new'), cadence: 'monthly', startDate: '2026-11-24' }, [series('weekly')], from)).toHaveLength(1);
    // The second and the last Tuesday of the month never fall on the same day.
    const second = series('second', { cadence: 'monthly', startDate: '2026-11-10' });
    expect(overlappingSeries({ ...series('new'), cadence: 'monthly', startDate: '2026-11-24' }, [second], from)).toEqual([]);
  });

  it('compares instants across time zones', () => {
    const london = series('london', { time: '09:00', timeZone: 'Europe/London' });
    expect(overlappingSeries(series('new'), [london], from)).toEqual([london]);
  });

  it('other weekdays never clash, and a series that ends when another starts does not', () => {
    expect(overlappingSeries(series('new', { weekday: 3 }), [series('sam')], from)).toEqual([]);
    expect(overlappingSeries(series('new', { time: '09:30' }), [series('sam')], from)).toEqual([]);
  });
});

describe('proposeSlot', () => {
  it('keeps the preferred weekday and time when they are free', () => {
    expect(proposeSlot(wanted, [series('sam', { weekday: 3 })], { from, weekday: 2, time: '10:00' })).toEqual({ weekday: 2, time: '10:00' });
  });

  it('moves to the nearest free time on the same day, then to the next working day', () => {
    const busy = [series('a'), series('b', { time: '10:30' }), series('c', { time: '09:30' })];
    expect(proposeSlot(wanted, busy, { from, weekday: 2, time: '10:00' })).toEqual({ weekday: 2, time: '09:00' });
    // Tuesday full from 9 to 5: Wednesday at the preferred time.
    const fullDay = Array.from({ length: 16 }, (_, i) => series(`t${i}`, { time: `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}` }));
    expect(proposeSlot(wanted, fullDay, { from, weekday: 2, time: '10:00' })).toEqual({ weekday: 3, time: '10:00' });
    // Friday full: the week wraps round to Monday.
    expect(
      proposeSlot(
        wanted,
        fullDay.map((s) => ({ ...s, weekday: 5 })),
        { from, weekday: 5, time: '10:00' },
      ),
    ).toEqual({ weekday: 1, time: '10:00' });
  });

  it('fits the duration inside working hours and says null when the week is full', () => {
    const long = { ...wanted, durationMinutes: 60 };
    const slot = proposeSlot(long, [], { from, weekday: 2, time: '16:30' });
    expect(slot).toEqual({ weekday: 2, time: '16:00' });
    const everyHalfHour = [1, 2, 3, 4, 5].flatMap((weekday) =>
      Array.from({ length: 16 }, (_, i) =>
        series(`${weekday}-${i}`, { weekday, time: `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}` }),
      ),
    );
    expect(proposeSlot(wanted, everyHalfHour, { from, weekday: 2, time: '10:00' })).toBeNull();
  });

  it('a fortnightly series may share an hour with another fortnightly one in the other weeks', () => {
    const other = series('sam', { cadence: 'biweekly', startDate: '2026-11-03' });
    expect(proposeSlot({ ...wanted, cadence: 'biweekly', startDate: '2026-11-10' }, [other], { from, weekday: 2, time: '10:00' })).toEqual({
      weekday: 2,
      time: '10:00',
    });
    expect(proposeSlot({ ...wanted, cadence: 'weekly' }, [other], { from, weekday: 2, time: '10:00' })).toEqual({ weekday: 2, time: '09:30' });
  });
});

describe('conflicts', () => {
  it('pairs the bookings of a day that overlap, by duration and zone', () => {
    const day = '2026-11-03';
    const found = conflicts([
      { id: 'alex', date: day, time: '10:00', durationMinutes: 45, timeZone: 'Europe/Berlin' },
      { id: 'sam', date: day, time: '10:30', durationMinutes: 30, timeZone: 'Europe/Berlin' },
      { id: 'kim', date: day, time: '11:00', durationMinutes: 30, timeZone: 'Europe/Berlin' },
      { id: 'lee', date: day, time: '10:15', durationMinutes: 15, timeZone: 'Europe/London' },
    ]);
    // Lee at 10:15 in London is 11:15 in Berlin, during Kim's 1:1; Alex's 45 minutes run into Sam's.
    expect(Object.fromEntries(found)).toEqual({ alex: ['sam'], sam: ['alex'], kim: ['lee'], lee: ['kim'] });
    expect(conflicts([{ id: 'kim', date: day, time: '11:00', durationMinutes: 30, timeZone: 'Europe/Berlin' }]).size).toBe(0);
  });
});
