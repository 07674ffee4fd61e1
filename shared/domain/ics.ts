import { firstOccurrence, monthlyOrdinal } from './cadence';
import { safeFileName } from './file-names';
import { meetingKindLabels, type Series } from './meetings';
import type { Person } from './person';
import { isKnownTimeZone, offsetMinutes, type Transition, transitionsInYear, wallClockToUtc } from './timezone';

/**
 * A 1:1 series as an iCalendar file (RFC 5545) that calendar apps import as one recurring
 * event. Only the kind and the person's name go in: nothing from notes, private or shared.
 */

/** Someone on the invitation, by email (a calendar address is a mailto: URI). */
export interface CalendarUser {
  email: string;
  name?: string;
}

export interface IcsOptions {
  /** When the file is made (DTSTAMP). */
  now: Date;
  /** The user, when their email is known: the ORGANIZER, and an attendee beside the person. */
  organizer?: CalendarUser | null;
}

const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z']);

/**
 * Control characters out of TEXT and parameter values (RFC 5545 §3.1, §3.3.11 allow no CTL but
 * HTAB): C0 controls, DEL and C1 controls go, a tab becomes a space. Line breaks are kept here
 * (TEXT escapes them as \n), Unicode line and paragraph separators become line breaks, and
 * unpaired surrogates, which no UTF-8 file can hold, are removed too.
 */
export function removeControlCharacters(value: string): string {
  return (
    value
      .replace(/[\u2028\u2029]/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  );
}

/** TEXT values: control characters removed; backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return removeControlCharacters(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are folded: CRLF then a space (§3.1). We count UTF-8 bytes and
 * never cut inside a character, so names in any script survive.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines spend one octet on the space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}

/** The recurrence rule that matches cadence.ts: weekly, every 2 weeks, or the nth weekday monthly. */
export function recurrenceRule(series: Pick<Series, 'cadence' | 'weekday' | 'startDate'>): string {
  const day = weekdayCodes[series.weekday - 1];
  if (series.cadence === 'weekly') return `FREQ=WEEKLY;BYDAY=${day}`;
  if (series.cadence === 'biweekly') return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
  return `FREQ=MONTHLY;BYDAY=${monthlyOrdinal(series)}${day}`;
}

/** The nth (or last, for -1) ISO weekday of a month, as 'YYYY-MM-DD'. */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, ordinal: number): string {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const isoDayOf = (ms: number) => new Date(ms).getUTCDay() || 7;
  if (ordinal === -1) {
    const last = Date.UTC(year, month, 0);
    return iso(last - ((isoDayOf(last) - weekday + 7) % 7) * 86_400_000);
  }
  const first = Date.UTC(year, month - 1, 1);
  return iso(first + (((weekday - isoDayOf(first) + 7) % 7) + (ordinal - 1) * 7) * 86_400_000);
}

/**
 * One observance of a VTIMEZONE, as the yearly rule the transition follows (e.g. the last
 * Sunday of March). Real DST rules are "nth" or "last" weekdays; a date in the final week of
 * its month is taken as "last".
 */
function observance(t: Transition): string[] {
  const local = new Date(t.utcMs + t.fromMinutes * 60_000);
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), month, 0)).getUTCDate();
  const isoDay = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const ordinal = day > daysInMonth - 7 ? -1 : Math.ceil(day / 7);
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const kind = t.toMinutes > t.fromMinutes ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localStamp(nthWeekdayOfMonth(1970, month, isoDay, ordinal), time)}`,
    `TZOFFSETFROM:${offsetText(t.fromMinutes)}`,
    `TZOFFSETTO:${offsetText(t.toMinutes)}`,
    `RRULE:FREQ=YEARLY;BYMONTH=${month};BYDAY=${ordinal}${weekdayCodes[isoDay - 1]}`,
    `END:${kind}`,
  ];
}

/** A VTIMEZONE for the zone as the platform's tz database has it in the series' first year. */
export function vtimezone(zone: string, year: number): string[] {
  const transitions = transitionsInYear(zone, year);
  const body =
    transitions.length > 0
      ? transitions.flatMap(observance)
      : (() => {
          const offset = offsetText(offsetMinutes(zone, Date.UTC(year, 0, 1)));
          return ['BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD'];
        })();
  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...body, 'END:VTIMEZONE'];
}

/**
 * The start of the first meeting. A zone the platform knows gets TZID + VTIMEZONE (so DST
 * keeps the wall-clock time); UTC is written as UTC; an unknown zone name falls back to a
 * floating time, which calendar apps place in the user's own zone.
 */
function startLines(series: Series): { dtstart: string; timezone: string[] } {
  const first = firstOccurrence(series);
  if (UTC_ZONES.has(series.timeZone)) return { dtstart: `DTSTART:${utcStamp(wallClockToUtc('UTC', first, series.time))}`, timezone: [] };
  if (!isKnownTimeZone(series.timeZone)) return { dtstart: `DTSTART:${localStamp(first, series.time)}`, timezone: [] };
  return {
    dtstart: `DTSTART;TZID=${series.timeZone}:${localStamp(first, series.time)}`,
    timezone: vtimezone(series.timeZone, Number(first.slice(0, 4))),
  };
}

/**
 * A parameter value (CN): always quoted, so ';', ':' and ',' are safe; a quote cannot be
 * escaped inside one (RFC 5545 §3.2), so it becomes an apostrophe; line breaks become spaces.
 */
export function paramValue(value: string): string {
  const clean = removeControlCharacters(value)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/"/g, "'")
    .trim();
  return `"${clean}"`;
}

/** A calendar address, only for a plain email (nothing that could end the line or add a parameter). */
function mailto(email: string | undefined): string | null {
  const clean = email?.trim();
  return clean && /^[^\s@:;,"<>\\]+@[^\s@:;,"<>\\]+$/.test(clean) ? `mailto:${clean}` : null;
}

function userLine(property: 'ORGANIZER' | 'ATTENDEE', user: CalendarUser, extra: string[] = []): string | null {
  const address = mailto(user.email);
  if (!address) return null;
  const cn = user.name && removeControlCharacters(user.name).trim() ? [`CN=${paramValue(user.name)}`] : [];
  return [property, ...cn, ...extra].join(';') + `:${address}`;
}

/**
 * ORGANIZER (the user) and ATTENDEEs (the person, and the user, who attends too). RFC 5545
 * wants an ORGANIZER wherever there are attendees, so without the user's email only the
 * event itself is written.
 */
function participantLines(person: Pick<Person, 'name' | 'email'>, organizer: CalendarUser | null | undefined): string[] {
  const organizerLine = organizer ? userLine('ORGANIZER', organizer) : null;
  if (!organizer || !organizerLine) return [];
  const attendee = userLine('ATTENDEE', { email: person.email ?? '', name: person.name }, ['ROLE=REQ-PARTICIPANT', 'PARTSTAT=NEEDS-ACTION', 'RSVP=FALSE']);
  if (!attendee || person.email?.trim().toLowerCase() === organizer.email.trim().toLowerCase()) return [organizerLine];
  return [organizerLine, attendee, userLine('ATTENDEE', organizer, ['ROLE=CHAIR', 'PARTSTAT=ACCEPTED'])!];
}

function sequenceOf(series: Pick<Series, 'createdAt' | 'updatedAt'>): number {
  const seconds = Math.floor((Date.parse(series.updatedAt) - Date.parse(series.createdAt)) / 1000);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

export function seriesSummary(series: Pick<Series, 'kind'>, person: Pick<Person, 'name'>): string {
  return `${meetingKindLabels[series.kind]} — ${person.name}`;
}

export function seriesToIcs(series: Series, person: Pick<Person, 'name' | 'email'>, options: IcsOptions): string {
  const { dtstart, timezone } = startLines(series);
  const participants = participantLines(person, options.organizer);
  const hasAttendees = participants.some((line) => line.startsWith('ATTENDEE'));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Trellis//Trellis 1:1s//EN',
    'CALSCALE:GREGORIAN',
    // iTIP's PUBLISH (RFC 5546) allows no attendees; with them the file is a plain calendar
    // object that calendar apps import as an event, without sending invitations.
    ...(hasAttendees ? [] : ['METHOD:PUBLISH']),
    ...timezone,
    'BEGIN:VEVENT',
    // Stable per series: importing the file again updates the event instead of adding a copy.
    `UID:trellis-series-${series.id}@trellis.local`,
    `DTSTAMP:${utcStamp(options.now.getTime())}`,
    // Calendar apps replace an imported event only when SEQUENCE grows: seconds between the
    // series' creation and its last edit grow with every edit and never go back.
    `SEQUENCE:${sequenceOf(series)}`,
    dtstart,
    `DURATION:${durationText(series.durationMinutes)}`,
    `RRULE:${recurrenceRule(series)}`,
    `SUMMARY:${escapeText(seriesSummary(series, person))}`,
    ...participants,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export function icsFileName(series: Pick<Series, 'kind'>, person: Pick<Person, 'name'>): string {
  return `${safeFileName(`${meetingKindLabels[series.kind]} ${person.name}`)}.ics`;
}
