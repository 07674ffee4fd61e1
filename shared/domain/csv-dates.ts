/**
 * Dates as spreadsheets and HR tools write them: ISO (2021-03-15), US (03/15/2021), European
 * (15/03/2021, 15.03.2021, 15-03-2021) and with a month name (15 Mar 2021, March 15, 2021).
 * A file uses one order throughout, so the order is decided from all its dates together: a
 * first number above 12 means day first, a second above 12 means month first, dots mean day
 * first. A file where every date could be either is ambiguous and the user chooses.
 */

export type DateOrder = 'mdy' | 'dmy';

export const dateOrderLabels: Record<DateOrder, string> = { mdy: 'Month first (US)', dmy: 'Day first' };

export interface DateDetection {
  /** The order the file's numeric dates use, when the file shows it. */
  order: DateOrder | null;
  /** True when the file has numeric dates that read as a real date either way, and nothing decides. */
  ambiguous: boolean;
  /** The forms seen, for the preview's explanation. */
  forms: DateForm[];
  /** A date from the file that shows the interpretation (an ambiguous one when there is one). */
  example: string | null;
  /** Dates that fit only the order the file does not use ("13/01/2021" in a US file). */
  conflicts: number;
}

export type DateForm = 'iso' | 'numeric' | 'dotted' | 'named';

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return null;
  const index = months.findIndex((m) => m.startsWith(n) || (n === 'sept' && m === 'september'));
  return index >= 0 ? index + 1 : null;
}

/** Two-digit years as Excel reads them: 00–29 are 2000s, 30–99 are 1900s. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

const pad = (n: number) => String(n).padStart(2, '0');

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** 'YYYY-MM-DD' when the day exists, else null (arithmetic only: this runs for every cell of big files). */
function iso(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

// A time after the date (Workday and Excel sometimes add one) is ignored.
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const DAY_NAME_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([A-Za-z]{3,9}\.?)[\s.,/-]*(\d{4}|\d{2})$/;
const NAME_DAY_YEAR = /^([A-Za-z]{3,9}\.?)\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

interface NumericShape {
  form: 'numeric' | 'dotted';
  first: number;
  second: number;
  year: number;
}
type Shape = { form: 'iso'; iso: string | null } | { form: 'named'; iso: string | null } | NumericShape | { form: 'unknown' };

function shapeOf(raw: string): Shape {
  const v = raw.trim();
  let m = YEAR_FIRST.exec(v);
  if (m) return { form: 'iso', iso: iso(Number(m[1]), Number(m[3]), Number(m[4])) };
  m = NUMERIC.exec(v);
  if (m) return { form: m[2] === '.' ? 'dotted' : 'numeric', first: Number(m[1]), second: Number(m[3]), year: fullYear(m[4]!) };
  m = DAY_NAME_YEAR.exec(v);
  if (m && monthNumber(m[2]!)) return { form: 'named', iso: iso(fullYear(m[3]!), monthNumber(m[2]!)!, Number(m[1])) };
  m = NAME_DAY_YEAR.exec(v);
  if (m && monthNumber(m[1]!)) return { form: 'named', iso: iso(fullYear(m[3]!), monthNumber(m[1]!)!, Number(m[2])) };
  return { form: 'unknown' };
}

/** Decides the order from every non-empty date cell of the file. */
export function detectDateOrder(values: string[]): DateDetection {
  const forms = new Set<DateForm>();
  let dayFirst = 0;
  let monthFirst = 0;
  let example: string | null = null;
  let ambiguousExample: string | null = null;
  let numeric = 0;
  for (const raw of values) {
    if (raw.trim() === '') continue;
    const s = shapeOf(raw);
    if (s.form === 'unknown') continue;
    forms.add(s.form);
    if (s.form === 'iso' || s.form === 'named') {
      if (s.iso) example ??= raw.trim();
      continue;
    }
    const asMdy = iso(s.year, s.first, s.second);
    const asDmy = iso(s.year, s.second, s.first);
    // The example shows a real day: an impossible date is a problem of its row, not an illustration.
    if (s.form === 'dotted' ? asDmy : asMdy || asDmy) example ??= raw.trim();
    if (s.form === 'dotted') {
      dayFirst++;
      continue;
    }
    numeric++;
    if (asMdy && !asDmy) monthFirst++;
    else if (asDmy && !asMdy) dayFirst++;
    else if (asMdy && asDmy && s.first !== s.second) ambiguousExample ??= raw.trim();
  }
  const order: DateOrder | null = dayFirst === 0 && monthFirst === 0 ? null : dayFirst >= monthFirst ? 'dmy' : 'mdy';
  const ambiguous = order === null && numeric > 0 && ambiguousExample !== null;
  return {
    order,
    ambiguous,
    forms: [...forms],
    example: ambiguous ? ambiguousExample : (example ?? null),
    conflicts: Math.min(dayFirst, monthFirst),
  };
}

export type DateReading = { ok: true; iso: string } | { ok: false; reason: 'unknown' | 'invalid' | 'ambiguous' };

/**
 * One cell as an ISO date. `order` is how the file writes numeric dates; null when that is
 * not known yet (an ambiguous file before the user chose), which leaves such dates unread.
 */
export function readDate(raw: string, order: DateOrder | null): DateReading {
  const s = shapeOf(raw);
  if (s.form === 'unknown') return { ok: false, reason: 'unknown' };
  if (s.form === 'iso' || s.form === 'named') return s.iso ? { ok: true, iso: s.iso } : { ok: false, reason: 'invalid' };
  return readNumeric(s, order);
}

function readNumeric(s: NumericShape, order: DateOrder | null): DateReading {
  const asMdy = iso(s.year, s.first, s.second);
  const asDmy = iso(s.year, s.second, s.first);
  const effective: DateOrder | null = s.form === 'dotted' ? 'dmy' : order;
  if (effective === null) {
    // Day and month the same (03/03/2021), or only one reading is a real date: no choice needed.
    if (asMdy && (asMdy === asDmy || !asDmy)) return { ok: true, iso: asMdy };
    if (asDmy && !asMdy) return { ok: true, iso: asDmy };
    return asMdy ? { ok: false, reason: 'ambiguous' } : { ok: false, reason: 'invalid' };
  }
  const value = effective === 'mdy' ? asMdy : asDmy;
  return value ? { ok: true, iso: value } : { ok: false, reason: 'invalid' };
}
