import type { AgendaItem, Meeting, MeetingKind, Series, TalkingPoint } from '../../domain/meetings';
import type { SampleContext, SampleModule } from '../context';
import { fromDay, isoWeekday, stampAt, toDay } from '../days';
import { apportion } from '../random';
import { agendaText, privateNotes, sharedNotes, Writer } from '../text';
import { tags } from '../words';

const times = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];

interface Plan {
  series: Series;
  /** Days with a meeting, oldest first. */
  days: number[];
}

/**
 * One weekly series with everyone but the user, and its meetings since the person joined (or
 * since the history starts): most weeks, some skipped, a few series overdue. Each meeting carries
 * the unfinished points of the one before, takes the talking points queued for it, and has notes
 * of 100 to 600 words. A few points still wait in the queue for the next 1:1.
 */
export const oneOnOnesModule: SampleModule = {
  id: 'one-on-ones',
  fills: ['series', 'meetings', 'talkingPoints'],
  after: ['org'],
  generate(ctx: SampleContext) {
    const { rng, size, facts } = ctx;
    const today = toDay(ctx.today);
    const historyStart = today - size.historyWeeks * 7;
    const people = ctx.tables.people.filter((p) => p.id !== facts.meId);
    const directs = new Set(people.filter((p) => p.managerId === facts.meId).map((p) => p.id));

    // Which weeks each series could have met in.
    const windows: Plan[] = people.map((person) => {
      const tenure = facts.tenure?.get(person.id);
      const weekday = rng.int(1, 5);
      const time = rng.pick(times);
      const start = Math.max(historyStart, toDay(tenure?.joined ?? ctx.today) + rng.int(3, 14));
      const end = tenure?.left ? toDay(tenure.left) : today;
      const first = start + ((weekday - isoWeekday(start) + 7) % 7);
      const days: number[] = [];
      for (let d = first; d <= end; d += 7) days.push(d);
      // Today's meeting may not have happened yet.
      if (!person.archived && days.at(-1) === today && rng.chance(0.5)) days.pop();
      const kind: MeetingKind = directs.has(person.id)
        ? 'one-on-one'
        : rng.weighted<MeetingKind>([
            ['one-on-one', 85],
            ['skip-level', 9],
            ['mentoring', 4],
            ['career', 2],
          ]);
      const startDate = fromDay(days[0] ?? first);
      const planned = stampAt(toDay(startDate) - rng.int(0, 6), '08:00', rng.int(0, 600));
      const created = planned > person.createdAt ? planned : person.createdAt;
      const series: Series = {
        id: rng.uuid(),
        personId: person.id,
        kind,
        cadence: 'weekly',
        weekday,
        time,
        durationMinutes: directs.has(person.id) ? rng.pick([45, 60]) : rng.pick([25, 30, 30, 45]),
        startDate,
        timeZone: ctx.timeZone,
        archived: person.archived,
        createdAt: created,
        updatedAt: person.archived ? person.updatedAt : created,
      };
      return { series, days };
    });

    // Overdue: about one series in twelve (at least one) has not met for two to six weeks.
    const longRunning = windows.filter((w) => !w.series.archived && w.days.length > 8);
    for (const w of rng.sample(longRunning, Math.max(1, Math.round(longRunning.length / 12)))) {
      const cutoff = today - 7 * rng.int(2, 6);
      w.days = w.days.filter((d) => d < cutoff);
    }

    // Exactly the size's number of meetings, in proportion to the weeks each series had.
    const counts = apportion(
      Math.min(
        size.meetings,
        windows.reduce((n, w) => n + w.days.length, 0),
      ),
      windows.map((w) => w.days.length),
    );
    windows.forEach((w, i) => {
      const k = Math.min(counts[i]!, w.days.length);
      if (k >= w.days.length) return;
      // Keep the first and the latest meeting; skip weeks at random in between.
      const middle = rng.sample(w.days.slice(1, -1), Math.max(0, k - 2)).sort((a, b) => a - b);
      w.days = k <= 1 ? w.days.slice(-1) : [w.days[0]!, ...middle, w.days.at(-1)!];
    });
    const overflow = counts.reduce((n, c, i) => n + Math.max(0, c - windows[i]!.days.length), 0);
    if (overflow > 0) throw new Error(`The sample plan has ${overflow} meetings more than its series have weeks`);

    // A few points still queued for the next 1:1 (not with someone whose meeting is already open today).
    const eligible = people.filter((p, i) => !p.archived && windows[i]!.days.at(-1) !== today);
    const queuedFor = eligible.filter(() => rng.chance(0.35));
    if (queuedFor.length === 0 && eligible.length > 0) queuedFor.push(rng.pick(eligible));
    const queuedCounts = queuedFor.map(() => rng.int(1, 3));
    const queuedTotal = Math.min(
      size.talkingPoints,
      queuedCounts.reduce((a, b) => a + b, 0),
    );
    const meetingCount = windows.reduce((n, w) => n + w.days.length, 0);
    const placed = apportion(
      size.talkingPoints - queuedTotal,
      Array.from({ length: meetingCount }, () => rng.next()),
    );

    let m = 0;
    const writer = new Writer(rng, facts.sceneFor!(people[0]?.id ?? '', ctx.today));
    const lastOf = new Map<string, Meeting>();
    for (const { series, days } of windows) {
      ctx.tables.series.push(series);
      let previous: Meeting | undefined;
      for (const day of days) {
        previous = meeting(ctx, writer, series, day, previous, placed[m++]!);
        ctx.tables.meetings.push(previous);
      }
      if (previous) lastOf.set(series.personId, previous);
    }

    let left = queuedTotal;
    queuedFor.forEach((person, i) => {
      const last = lastOf.get(person.id);
      const w = writer;
      w.scene = facts.sceneFor!(person.id, ctx.today);
      const after = last ? toDay(last.date) + 1 : today - 10;
      for (let j = 0; j < queuedCounts[i]! && left > 0; j++, left--) {
        const point: TalkingPoint = {
          id: rng.uuid(),
          personId: person.id,
          text: agendaText(w),
          createdAt: stampAt(rng.int(Math.min(after, today), today), '08:00', rng.int(0, 600)),
        };
        ctx.tables.talkingPoints.push(point);
      }
    });
  },
};

function meeting(ctx: SampleContext, w: Writer, series: Series, day: number, previous: Meeting | undefined, fromQueue: number): Meeting {
  const { rng } = ctx;
  const date = fromDay(day);
  const isToday = date === ctx.today;
  w.scene = ctx.facts.sceneFor!(series.personId, date);
  const id = rng.uuid();
  const createdAt = stampAt(day, series.time, -rng.int(0, 15));
  const doneShare = isToday ? 0.4 : 0.85;
  const agenda: AgendaItem[] = [];
  for (const item of previous?.agenda ?? []) {
    if (item.done) continue;
    agenda.push({
      id: rng.uuid(),
      text: item.text,
      author: item.author,
      done: rng.chance(doneShare),
      carriedFromMeetingId: item.carriedFromMeetingId ?? previous!.id,
    });
  }
  for (let i = 0; i < fromQueue; i++) {
    const point: TalkingPoint = {
      id: rng.uuid(),
      personId: series.personId,
      text: agendaText(w),
      createdAt: stampAt(day - rng.int(1, 6), '08:00', rng.int(0, 600)),
      meetingId: id,
    };
    ctx.tables.talkingPoints.push(point);
    agenda.push({ id: rng.uuid(), text: point.text, author: 'me', done: rng.chance(doneShare), fromTalkingPointId: point.id });
  }
  const seen = new Set(agenda.map((a) => a.text));
  for (let i = rng.int(1, 4); i > 0; i--) {
    const text = agendaText(w);
    if (seen.has(text)) continue;
    seen.add(text);
    agenda.push({ id: rng.uuid(), text, author: rng.chance(0.45) ? 'them' : 'me', done: rng.chance(doneShare) });
  }
  // 100 to 600 words in all: the text stops a few words short of its target rather than mid-sentence.
  const words = rng.int(125, 600);
  const privateWords = rng.chance(0.3) ? 0 : Math.round(words * (0.1 + rng.next() * 0.2));
  const out: Meeting = {
    id,
    personId: series.personId,
    seriesId: series.id,
    kind: series.kind,
    date,
    time: series.time,
    agenda,
    sharedNotes: sharedNotes(w, words - privateWords),
    privateNotes: privateNotes(w, privateWords),
    tags: rng.sample(
      tags,
      rng.weighted([
        [0, 3],
        [1, 4],
        [2, 2],
        [3, 1],
      ]),
    ),
    createdAt,
    updatedAt: stampAt(day, series.time, series.durationMinutes + rng.int(0, 30)),
  };
  if (rng.chance(0.75)) {
    out.mood = rng.weighted([
      [1, 3],
      [2, 8],
      [3, 30],
      [4, 40],
      [5, 19],
    ]);
    out.energy = rng.weighted([
      [1, 4],
      [2, 10],
      [3, 32],
      [4, 38],
      [5, 16],
    ]);
  }
  return out;
}
