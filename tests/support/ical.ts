import ICAL from 'ical.js';

export interface ParsedSeries {
  summary: string;
  uid: string;
  rrule: string;
  durationSeconds: number;
  /** Start of the first occurrences as UTC milliseconds. */
  occurrences: number[];
  tzid: string | null;
  /** METHOD of the calendar, when it has one. */
  method: string | null;
  organizer: ParsedUser | null;
  attendees: ParsedUser[];
}

export interface ParsedUser {
  address: string;
  cn: string | null;
  role: string | null;
  partstat: string | null;
}

function userOf(property: ICAL.Property): ParsedUser {
  const param = (name: string) => (property.getParameter(name) as string | undefined) ?? null;
  return { address: String(property.getFirstValue()), cn: param('cn'), role: param('role'), partstat: param('partstat') };
}

/**
 * Reads an .ics file the way a calendar app does (ical.js): time zones from the file's own
 * VTIMEZONE, the event's start, duration and rule, and its first `count` occurrences.
 */
export function parseSeriesIcs(text: string, count: number): ParsedSeries {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT in the file');
  const event = new ICAL.Event(vevent);
  const iterator = event.iterator();
  const occurrences: number[] = [];
  for (let next = iterator.next(); next && occurrences.length < count; next = iterator.next()) occurrences.push(next.toJSDate().getTime());
  const dtstart = vevent.getFirstProperty('dtstart');
  return {
    summary: event.summary,
    uid: event.uid,
    rrule: String(vevent.getFirstPropertyValue('rrule')),
    durationSeconds: event.duration.toSeconds(),
    occurrences,
    tzid: (dtstart?.getParameter('tzid') as string | undefined) ?? null,
    method: (calendar.getFirstPropertyValue('method') as string | null) ?? null,
    organizer: vevent.getFirstProperty('organizer') ? userOf(vevent.getFirstProperty('organizer')!) : null,
    attendees: vevent.getAllProperties('attendee').map(userOf),
  };
}
