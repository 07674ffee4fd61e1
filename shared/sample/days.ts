/**
 * Calendar-day arithmetic for the generator: a date is a whole number of days since 1970-01-01,
 * computed in UTC so no time zone or daylight-saving change can shift a day. Much faster than
 * going through date-fns for the hundreds of thousands of dates a large set needs.
 */
const MS_PER_DAY = 86_400_000;

export function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** An ISO timestamp on `day` at `time` ('HH:MM') plus `minutes`. */
export function stampAt(day: number, time: string, minutes = 0): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(day * MS_PER_DAY + (h * 60 + m + minutes) * 60_000).toISOString();
}
