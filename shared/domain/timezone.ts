/**
 * Just enough time-zone arithmetic for calendar export, from the platform's own tz database
 * (Intl): a zone's UTC offset at an instant, its DST transitions in a year, and the conversion
 * of a wall-clock time to UTC. No tz data of our own to keep up to date.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Does this platform know the IANA zone name? */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC in `zone` at the instant `utcMs`. */
export function offsetMinutes(zone: string, utcMs: number): number {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time in `zone`. A time that occurs twice (autumn) is the
 * first one; a time in the spring-forward gap moves forward by the gap, as calendar apps do.
 */
export function wallClockToUtc(zone: string, date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const around = [offsetMinutes(zone, naive - 86_400_000), offsetMinutes(zone, naive + 86_400_000)];
  const larger = Math.max(...around);
  const smaller = Math.min(...around);
  for (const offset of [larger, smaller]) {
    const candidate = naive - offset * 60_000;
    if (candidate + offsetMinutes(zone, candidate) * 60_000 === naive) return candidate;
  }
  return naive - smaller * 60_000;
}

export interface Transition {
  /** The UTC instant the offset changes. */
  utcMs: number;
  fromMinutes: number;
  toMinutes: number;
}

/** Every offset change of `zone` during a calendar year (UTC), found by day steps then bisection. */
export function transitionsInYear(zone: string, year: number): Transition[] {
  const out: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let previous = Date.UTC(year, 0, 1);
  let previousOffset = offsetMinutes(zone, previous);
  for (let t = previous + 86_400_000; t <= end; t += 86_400_000) {
    const offset = offsetMinutes(zone, t);
    if (offset !== previousOffset) {
      let lo = previous;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMinutes(zone, mid) === previousOffset) lo = mid;
        else hi = mid;
      }
      out.push({ utcMs: hi, fromMinutes: previousOffset, toMinutes: offset });
    }
    previous = t;
    previousOffset = offset;
  }
  return out;
}
