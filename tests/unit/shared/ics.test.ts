import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { upcomingDates } from '../../../shared/domain/cadence';
import { escapeText, foldLine, icsFileName, removeControlCharacters, seriesToIcs } from '../../../shared/domain/ics';
import { cadences, meetingKinds, type Series } from '../../../shared/domain/meetings';
import { offsetMinutes, wallClockToUtc } from '../../../shared/domain/timezone';
import { parseSeriesIcs } from '../../support/ical';

const now = new Date('2026-11-23T10:00:00Z');

function series(overrides: Partial<Series> = {}): Series {
  return {
    id: 'series-1',
    personId: 'p1',
    kind: 'one-on-one',
    cadence: 'weekly',
    weekday: 1,
    time: '09:30',
    durationMinutes: 30,
    startDate: '2026-01-05',
    timeZone: 'Europe/Berlin',
    archived: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

const alex = { name: 'Alex Rivera' };

/** Trellis's own schedule as UTC instants, to compare with what ical.js expands. */
function expected(s: Series, count: number): number[] {
  return upcomingDates(s, s.startDate, count).map((date) => wallClockToUtc(s.timeZone, date, s.time));
}

describe('seriesToIcs', () => {
  it('writes a weekly event with TZID, VTIMEZONE, duration, rule and a summary without notes', () => {
    const text = seriesToIcs(series(), alex, { now });
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260105T093000\r\n');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO\r\n');
    expect(text).toContain('DURATION:PT30M\r\n');
    expect(text).toContain('DTSTAMP:20261123T100000Z\r\n');
    expect(text).toContain('UID:trellis-series-series-1@trellis.local\r\n');
    expect(text).toContain('SEQUENCE:0\r\n');
    expect(seriesToIcs(series({ updatedAt: '2026-01-01T00:10:00Z' }), alex, { now })).toContain('SEQUENCE:600\r\n');
    const parsed = parseSeriesIcs(text, 10);
    expect(parsed.summary).toBe('1:1 — Alex Rivera');
    expect(parsed.rrule).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(parsed.durationSeconds).toBe(30 * 60);
    expect(parsed.tzid).toBe('Europe/Berlin');
    expect(parsed.occurrences).toEqual(expected(series(), 10));
  });

  it('keeps 09:30 local across the DST change (UTC hour moves)', () => {
    const s = series({ startDate: '2026-03-16' });
    const [beforeDst, , afterDst] = parseSeriesIcs(seriesToIcs(s, alex, { now }), 3).occurrences;
    expect(new Date(beforeDst!).toISOString()).toBe('2026-03-16T08:30:00.000Z');
    expect(new Date(afterDst!).toISOString()).toBe('2026-03-30T07:30:00.000Z');
  });

  it('resolves wall times on DST change days as RFC 5545 says: gap moves forward, doubled time is the first', () => {
    // 02:30 does not exist in Berlin on 2026-03-29 and occurs twice on 2026-10-25.
    expect(new Date(wallClockToUtc('Europe/Berlin', '2026-03-29', '02:30')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(wallClockToUtc('Europe/Berlin', '2026-10-25', '02:30')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('starts on the first matching weekday and uses INTERVAL=2 for every two weeks', () => {
    const s = series({ cadence: 'biweekly', weekday: 3, startDate: '2026-02-02', durationMinutes: 90 });
    const text = seriesToIcs(s, alex, { now });
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260204T093000');
    expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    expect(text).toContain('DURATION:PT1H30M');
    expect(parseSeriesIcs(text, 8).occurrences).toEqual(expected(s, 8));
  });

  it('monthly meets on the nth weekday of the start date, or the last one', () => {
    const second = series({ cadence: 'monthly', weekday: 2, startDate: '2026-01-13' });
    expect(seriesToIcs(second, alex, { now })).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TU');
    expect(parseSeriesIcs(seriesToIcs(second, alex, { now }), 12).occurrences).toEqual(expected(second, 12));
    const last = series({ cadence: 'monthly', weekday: 5, startDate: '2026-01-30' });
    expect(seriesToIcs(last, alex, { now })).toContain('RRULE:FREQ=MONTHLY;BYDAY=-1FR');
    expect(parseSeriesIcs(seriesToIcs(last, alex, { now }), 12).occurrences).toEqual(expected(last, 12));
  });

  it('writes UTC times for a UTC series and floating times for a zone the platform does not know', () => {
    expect(seriesToIcs(series({ timeZone: 'UTC' }), alex, { now })).toContain('DTSTART:20260105T093000Z');
    const unknown = seriesToIcs(series({ timeZone: 'Mars/Olympus_Mons' }), alex, { now });
    expect(unknown).toContain('DTSTART:20260105T093000\r\n');
    expect(unknown).not.toContain('VTIMEZONE');
  });

  it('escapes text and folds long lines at 75 octets without splitting characters', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `SUMMARY:${'Ünïcødé, '.repeat(20)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    const text = seriesToIcs(series(), { name: 'Zoë "Z" Ångström-Ødegaard, the Third; of Somewhere Very Far Away Indeed' }, { now });
    expect(parseSeriesIcs(text, 1).summary).toBe('1:1 — Zoë "Z" Ångström-Ødegaard, the Third; of Somewhere Very Far Away Indeed');
  });

  it('names the file safely', () => {
    expect(icsFileName(series(), { name: '../Alex Rivera' })).toBe('1-1-alex-rivera.ics');
  });

  it('property: any series parses back with the occurrences Trellis computes', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Sao_Paulo', 'UTC', 'Pacific/Auckland'];
    const arbitrarySeries = fc.record({
      kind: fc.constantFrom(...meetingKinds),
      cadence: fc.constantFrom(...cadences),
      weekday: fc.integer({ min: 1, max: 7 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.constantFrom(0, 15, 30, 45),
      durationMinutes: fc.integer({ min: 5, max: 480 }),
      start: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
      timeZone: fc.constantFrom(...zones),
      name: fc.string({ minLength: 1, maxLength: 60 }),
    });
    fc.assert(
      fc.property(arbitrarySeries, (r) => {
        const s = series({
          kind: r.kind,
          cadence: r.cadence,
          weekday: r.weekday,
          time: `${String(r.hour).padStart(2, '0')}:${String(r.minute).padStart(2, '0')}`,
          durationMinutes: r.durationMinutes,
          startDate: r.start.toISOString().slice(0, 10),
          timeZone: r.timeZone,
        });
        const parsed = parseSeriesIcs(seriesToIcs(s, { name: r.name }, { now }), 6);
        expect(parsed.durationSeconds).toBe(r.durationMinutes * 60);
        expect(parsed.summary.endsWith(r.name)).toBe(true);
        // On a DST change day a wall time can be missing or doubled; RFC 5545 resolves that one
        // way and ical.js another (see the test above), so those single instants are left out.
        const mine = expected(s, 6);
        const clear = (i: number) => offsetMinutes(s.timeZone, mine[i]! - 43_200_000) === offsetMinutes(s.timeZone, mine[i]! + 43_200_000);
        expect(parsed.occurrences.filter((_, i) => clear(i))).toEqual(mine.filter((_, i) => clear(i)));
        expect(parsed.occurrences).toHaveLength(6);
      }),
      { numRuns: 150 },
    );
  });

  it('names the organizer and the attendees when their emails are known', () => {
    const organizer = { email: 'maya@example.com' };
    const text = seriesToIcs(series(), { name: 'Alex Rivera', email: 'alex@example.com' }, { now, organizer });
    expect(text.replace(/\r\n /g, '')).toContain('ORGANIZER:mailto:maya@example.com\r\n');
    expect(text.replace(/\r\n /g, '')).toContain('ATTENDEE;CN="Alex Rivera";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:alex@example.com\r\n');
    const parsed = parseSeriesIcs(text, 1);
    expect(parsed.method).toBeNull();
    expect(parsed.organizer).toMatchObject({ address: 'mailto:maya@example.com', cn: null });
    expect(parsed.attendees).toEqual([
      { address: 'mailto:alex@example.com', cn: 'Alex Rivera', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' },
      { address: 'mailto:maya@example.com', cn: null, role: 'CHAIR', partstat: 'ACCEPTED' },
    ]);
    // The user's email alone: an organizer, and the file stays a PUBLISH with no attendees.
    const alone = parseSeriesIcs(seriesToIcs(series(), { name: 'Alex Rivera' }, { now, organizer }), 1);
    expect(alone).toMatchObject({ method: 'PUBLISH', organizer: { address: 'mailto:maya@example.com' }, attendees: [] });
    // Without the user's email there is no organizer, so no attendees either (RFC 5545 wants both).
    const none = parseSeriesIcs(seriesToIcs(series(), { name: 'Alex Rivera', email: 'alex@example.com' }, { now }), 1);
    expect(none).toMatchObject({ method: 'PUBLISH', organizer: null, attendees: [] });
    // A name that would break the parameter is quoted and cleaned; an email that is not plain is left out.
    const odd = seriesToIcs(series(), { name: 'Zoë "Z"; O\'Neil: CTO,\u0007', email: 'zoe@example.com' }, { now, organizer: { email: 'bad;x=y@example.com' } });
    expect(odd).not.toContain('ORGANIZER');
    const quoted = parseSeriesIcs(seriesToIcs(series(), { name: 'Zoë "Z"; O\'Neil: CTO,\u0007', email: 'zoe@example.com' }, { now, organizer }), 1);
    expect(quoted.attendees[0]).toMatchObject({ address: 'mailto:zoe@example.com', cn: "Zoë 'Z'; O'Neil: CTO," });
  });

  it('property: control characters never reach the file, and names otherwise survive', () => {
    const nasty = fc.string({
      unit: fc.oneof(
        fc.constantFrom('\u0000', '\u0007', '\b', '\t', '\n', '\r', '\u000b', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\ud800', '"', ';', ','),
        fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
        fc.constantFrom('é', 'Ø', '李', '😀'),
      ),
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(nasty, nasty, (name, organizerName) => {
        const text = seriesToIcs(series(), { name, email: 'alex@example.com' }, { now, organizer: { email: 'maya@example.com', name: organizerName } });
        const lines = text.split('\r\n');
        expect(lines.pop()).toBe('');
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDFFF]/u);
        const parsed = parseSeriesIcs(text, 1);
        expect(parsed.summary).toBe(`1:1 — ${removeControlCharacters(name).replace(/\r\n|\r|\n/g, '\n')}`);
        const cn = removeControlCharacters(name)
          .replace(/\r\n|\r|\n/g, ' ')
          .replace(/"/g, "'")
          .trim();
        expect(parsed.attendees[0]!.cn).toBe(cn || null);
      }),
      { numRuns: 300 },
    );
  });
});
