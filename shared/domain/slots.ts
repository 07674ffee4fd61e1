import { upcomingDates } from './cadence';
import { addDaysIso } from './dates';
import type { Series } from './meetings';
import { wallClockToUtc } from './timezone';

/**
 * When series meet, compared as instants: each series' wall-clock time is read in its own zone,
 * so a 10:00 in Berlin and a 09:00 in London are the same hour.
 */
export type SlotSeries = Pick<Series, 'id' | 'cadence' | 'weekday' | 'time' | 'durationMinutes' | 'startDate' | 'timeZone'>;

interface Interval {
  start: number;
  end: number;
}

/** How far ahead overlaps are looked for: half a year covers every monthly rhythm against a weekly or fortnightly one. */
export const SLOT_HORIZON_DAYS = 182;

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Instants of wall-clock times, with one time-zone lookup per zone and day: the day's noon is
 * converted and the time placed from there. That is exact for every time after the night's
 * daylight-saving change, which working hours always are, and keeps a proposal among a hundred
 * series to a few hundred lookups instead of tens of thousands.
 */
class Clock {
  private readonly noons = new Map<string, number>();
  instant(zone: string, date: string, time: string): number {
    const key = `${zone} ${date}`;
    let noon = this.noons.get(key);
    if (noon === undefined) {
      noon = wallClockToUtc(zone, date, '12:00');
      this.noons.set(key, noon);
    }
    return noon + (minutesOf(time) - 12 * 60) * 60_000;
  }
}

function occurrences(series: Omit<SlotSeries, 'id'>, from: string, horizonDays: number, clock: Clock): Interval[] {
  const until = addDaysIso(from, horizonDays);
  const count = Math.ceil(horizonDays / 7) + 1;
  return upcomingDates(series, from, count)
    .filter((date) => date <= until)
    .map((date) => {
      const start = clock.instant(series.timeZone, date, series.time);
      return { start, end: start + series.durationMinutes * 60_000 };
    });
}

/** Whether two sorted lists of meetings share any moment (touching end to start is no overlap). */
function intersects(a: Interval[], b: Interval[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.start < b[j]!.end && b[j]!.start < a[i]!.end) return true;
    if (a[i]!.end <= b[j]!.end) i++;
    else j++;
  }
  return false;
}

/**
 * The series among `others` that would meet at the same time as `candidate` on some day within
 * the horizon from `from`: a weekly 1:1 and a monthly one on the same weekday and hour clash once
 * a month; two fortnightly ones clash only when they fall in the same weeks.
 */
export function overlappingSeries<T extends SlotSeries>(
  candidate: Omit<SlotSeries, 'id'>,
  others: readonly T[],
  from: string,
  horizonDays = SLOT_HORIZON_DAYS,
): T[] {
  const clock = new Clock();
  const mine = occurrences(candidate, from, horizonDays, clock);
  return others.filter((other) => intersects(mine, occurrences(other, from, horizonDays, clock)));
}

export interface SlotPreferences {
  /** The first day to look from ('YYYY-MM-DD'), usually today. */
  from: string;
  /** The weekday and time to stay closest to (what the form shows before a proposal). */
  weekday: number;
  time: string;
  /** Working hours the meeting must fit in; 09:00–17:00 unless told. */
  dayStart?: string;
  dayEnd?: string;
  stepMinutes?: number;
  /** Days a slot may fall on: Monday to Friday unless told (the preferred weekday is always tried first). */
  weekdays?: readonly number[];
}

/**
 * A weekday and time at which a new series with this cadence, duration and start would overlap
 * none of `others`: the preferred weekday first, at the free time closest to the preferred one
 * (earlier first on a tie), then the following working days. Null when the working week is full.
 */
export function proposeSlot(
  wanted: Pick<SlotSeries, 'cadence' | 'durationMinutes' | 'startDate' | 'timeZone'>,
  others: readonly SlotSeries[],
  preferences: SlotPreferences,
): { weekday: number; time: string } | null {
  const { from, weekday, time, dayStart = '09:00', dayEnd = '17:00', stepMinutes = 30, weekdays = [1, 2, 3, 4, 5] } = preferences;
  const start = wanted.startDate > from ? wanted.startDate : from;
  const preferred = minutesOf(time);
  const times: number[] = [];
  for (let t = minutesOf(dayStart); t + wanted.durationMinutes <= minutesOf(dayEnd); t += stepMinutes) times.push(t);
  if (preferred >= minutesOf(dayStart) && preferred + wanted.durationMinutes <= minutesOf(dayEnd) && !times.includes(preferred)) times.push(preferred);
  times.sort((a, b) => Math.abs(a - preferred) - Math.abs(b - preferred) || a - b);
  const days = [weekday, ...[...weekdays].sort((a, b) => ((a - weekday + 7) % 7) - ((b - weekday + 7) % 7)).filter((d) => d !== weekday)];
  const clock = new Clock();
  const busy = others.map((other) => occurrences(other, start, SLOT_HORIZON_DAYS, clock));
  for (const day of days) {
    for (const t of times) {
      const mine = occurrences({ ...wanted, weekday: day, time: timeOf(t) }, start, SLOT_HORIZON_DAYS, clock);
      if (!busy.some((theirs) => intersects(mine, theirs))) return { weekday: day, time: timeOf(t) };
    }
  }
  return null;
}

export interface Booking {
  id: string;
  /** 'YYYY-MM-DD' in `timeZone`. */
  date: string;
  time: string;
  durationMinutes: number;
  timeZone: string;
}

/** For each booking that overlaps another, the ids of those it overlaps (Today's conflicts). */
export function conflicts(bookings: readonly Booking[]): Map<string, string[]> {
  const clock = new Clock();
  const spans = bookings.map((b) => {
    const start = clock.instant(b.timeZone, b.date, b.time);
    return { id: b.id, start, end: start + b.durationMinutes * 60_000 };
  });
  const out = new Map<string, string[]>();
  for (const a of spans) {
    const clashing = spans.filter((b) => b.id !== a.id && a.start < b.end && b.start < a.end).map((b) => b.id);
    if (clashing.length) out.set(a.id, clashing);
  }
  return out;
}
