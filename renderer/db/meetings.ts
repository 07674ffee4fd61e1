import Dexie from 'dexie';

import { promptTexts, startingAgenda, type TemplatePrompt } from '../../shared/domain/carry-over';
import { type AgendaItem, agendaItemSchema, type Meeting, type MeetingKind, meetingSchema } from '../../shared/domain/meetings';
import { fieldErrorsOf } from '../../shared/domain/person';
import { builtInTemplates } from '../../shared/domain/templates';
import type { CriterionRef, RecordLink } from '../../shared/evidence/refs';
import type { SeriesRow, TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { meetingDatesOf, type MeetingRef, newestRef, personMeetings, seriesMeetings } from './meeting-keys';
import type { TemplatesRepository } from './templates';

export interface StartMeeting {
  personId: string;
  seriesId: string | null;
  kind: MeetingKind;
  date: string;
  time?: string;
  templateId?: string;
  /**
   * Prompts the template made for this person (the Ladder review's): they come first, then the
   * template's own points (a user's edit of the built-in adds to them, never gets dropped).
   */
  templateAgenda?: TemplatePrompt[];
}

export type NotesPatch = Partial<Pick<Meeting, 'sharedNotes' | 'privateNotes' | 'mood' | 'energy' | 'tags'>>;

const byDateDesc = (a: Meeting, b: Meeting) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

/** A meeting without its notes: what lists of meetings show. */
export type MeetingSummary = Omit<Meeting, 'sharedNotes' | 'privateNotes'>;

export type { MeetingRef } from './meeting-keys';

/** Where a series stands: when it last met, and its newest meeting. */
export interface SeriesActivity {
  /** The newest meeting dated on or before today. */
  lastHeld: MeetingRef | null;
  /** The newest meeting of any date (a meeting opened ahead of time is newer than today). */
  newest: MeetingRef | null;
}

const summary = ({ sharedNotes: _s, privateNotes: _p, ...rest }: Meeting): MeetingSummary => rest;

export class MeetingsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly templates: TemplatesRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(id: string): Promise<Meeting | undefined> {
    return this.db.meetings.get(id);
  }

  /** Every meeting of a person, newest first, with notes: for exports, not for screens. */
  async forPerson(personId: string): Promise<Meeting[]> {
    return (await this.personRange(personId).toArray()).sort(byDateDesc);
  }

  /**
   * A person's meetings with notes, oldest first (as `forPerson` reversed), about `size` at a time
   * through [personId+date]; the meetings of one day are never split between two pages. For an
   * export of years of notes: no read hands back, or holds, a whole history in one task.
   */
  async *pagesForPerson(personId: string, size = 50): AsyncGenerator<Meeting[]> {
    let from: string | typeof Dexie.minKey = Dexie.minKey;
    let fromIncluded = true;
    for (;;) {
      const rows: Meeting[] = await this.db.meetings
        .where('[personId+date]')
        .between([personId, from], [personId, Dexie.maxKey], fromIncluded, true)
        .limit(size)
        .toArray();
      if (rows.length < size) {
        if (rows.length > 0) yield rows.sort(byDateDesc).reverse();
        return;
      }
      // The last day may go on past the limit: take that day whole, and go on after it.
      const lastDate: string = rows.at(-1)!.date;
      const page = rows.filter((m) => m.date !== lastDate);
      page.push(...(await personMeetings(this.db, personId, lastDate, lastDate).toArray()));
      yield page.sort(byDateDesc).reverse();
      from = lastDate;
      fromIncluded = false;
    }
  }

  /** How many meetings a person has, or everyone (no person): a key count, no rows read. */
  count(personId?: string): Promise<number> {
    return personId === undefined ? this.db.meetings.count() : this.personRange(personId).count();
  }

  /**
   * The `limit` newest meetings of a person (any series), newest first, through [personId+date]:
   * a key cursor jumps to the limit-th newest date, then one read takes everything from there on.
   */
  async historyForPerson(personId: string, limit: number): Promise<Meeting[]> {
    let cutoff: string | undefined;
    await this.personRange(personId)
      .reverse()
      .offset(Math.max(0, limit - 1))
      .limit(1)
      .eachKey((key) => {
        cutoff = (key as [string, string])[1];
      });
    const rows = await (cutoff === undefined ? this.personRange(personId) : personMeetings(this.db, personId, undefined, cutoff)).toArray();
    return rows.sort(byDateDesc).slice(0, limit);
  }

  /** The newest meeting with a person dated on or before `today` (with notes: the prep view shows them). */
  async lastHeldForPerson(personId: string, today: string): Promise<Meeting | undefined> {
    const ref = await newestRef(personMeetings(this.db, personId, today));
    if (!ref) return undefined;
    // Several meetings may share that date: the one started last wins, as in the full sort.
    const sameDay = await this.db.meetings.where('[personId+date]').equals([personId, ref.date]).toArray();
    return sameDay.sort(byDateDesc)[0];
  }

  /** Meeting id → date for the given meetings (origins a screen labels "from 12 Nov"). */
  datesOf(ids: Iterable<string>): Promise<Map<string, string>> {
    return meetingDatesOf(this.db, ids);
  }

  /**
   * For each series, its last meeting held by `today` and its newest meeting, from the rows'
   * `latestMeeting`; only a series whose newest meeting lies ahead of today (or whose row does not
   * know it) reads its [seriesId+date] index, key-only.
   */
  async seriesActivity(rows: readonly Pick<SeriesRow, 'id' | 'latestMeeting'>[], today: string): Promise<Map<string, SeriesActivity>> {
    const out = new Map<string, SeriesActivity>();
    await Promise.all(
      rows.map(async ({ id, latestMeeting }) => {
        const newest = latestMeeting === undefined ? await newestRef(this.seriesRange(id)) : latestMeeting;
        const lastHeld = !newest || newest.date <= today ? newest : await newestRef(seriesMeetings(this.db, id, today));
        out.set(id, { lastHeld, newest });
      }),
    );
    return out;
  }

  /** The `limit` newest meetings of the given series, without notes, newest first. */
  async recent(seriesIds: ReadonlySet<string>, limit: number): Promise<MeetingSummary[]> {
    const rows = await this.db.meetings
      .orderBy('date')
      .reverse()
      .filter((m) => m.seriesId !== null && seriesIds.has(m.seriesId))
      .limit(limit)
      .toArray();
    return rows.map(summary);
  }

  /** After a meeting of the series was added or removed, in the same transaction: see SeriesRow. */
  private async keepLatest(seriesId: string): Promise<void> {
    await this.db.series.update(seriesId, { latestMeeting: await newestRef(this.seriesRange(seriesId)) });
  }

  private personRange(personId: string) {
    return personMeetings(this.db, personId);
  }

  private seriesRange(seriesId: string) {
    return seriesMeetings(this.db, seriesId);
  }

  /**
   * The meeting a new one carries over from: the newest of the same series on or before `date`
   * (or, when the series has never met, the person's newest meeting on or before `date`).
   */
  private async previousFor(input: StartMeeting, seriesHasMeetings: boolean): Promise<Meeting | undefined> {
    if (input.seriesId && seriesHasMeetings) {
      const ref = await newestRef(seriesMeetings(this.db, input.seriesId, input.date));
      return ref ? this.db.meetings.get(ref.id) : undefined;
    }
    if (input.seriesId === null) {
      // Meetings outside a series are not in [seriesId+date] (null is no IndexedDB key). They are
      // rare and started from code, not from a screen: scan the person's for them.
      const loose = (m: Meeting) => m.seriesId === null;
      if (await this.personRange(input.personId).filter(loose).first()) {
        return (await personMeetings(this.db, input.personId, input.date).filter(loose).toArray()).sort(byDateDesc)[0];
      }
    }
    return this.lastHeldForPerson(input.personId, input.date);
  }

  /**
   * Opens the meeting of a series on a date, creating it when needed: unfinished talking points
   * of the previous meeting carry over, the talking-point queue empties into the agenda, and the
   * template adds its prompts. All in one transaction, so a point is never both queued and placed.
   */
  async start(input: StartMeeting): Promise<Meeting> {
    const template = input.templateId ? await this.templates.get(input.templateId) : undefined;
    if (input.templateId && !template) throw new NotFoundError('This template');
    // Prompts of meetings stored before prompts were marked are known by their text (see carriesOver).
    const knownPrompts = promptTexts([...builtInTemplates, ...(await this.templates.list())]);
    // Only index reads of a few rows happen inside the write transaction, however long the history.
    return this.db.transaction('rw', [this.db.meetings, this.db.talkingPoints, this.db.people, this.db.series], async () => {
      if (!(await this.db.people.get(input.personId))) throw new NotFoundError('This person');
      const sameDay = await this.db.meetings.where('[personId+date]').equals([input.personId, input.date]).toArray();
      const existing = sameDay.filter((m) => m.seriesId === input.seriesId).sort(byDateDesc)[0];
      if (existing) return existing;
      const seriesHasMeetings = input.seriesId !== null && (await newestRef(this.seriesRange(input.seriesId))) !== null;
      const previous = await this.previousFor(input, seriesHasMeetings);
      // The queue is for the next 1:1: a meeting backfilled before the newest one does not take it.
      const newest = await newestRef(this.personRange(input.personId));
      const isNewest = !newest || newest.date <= input.date;
      const queued = isNewest ? (await this.db.talkingPoints.where('personId').equals(input.personId).toArray()).filter((p) => !p.meetingId) : [];
      const stamp = this.now().toISOString();
      const id = crypto.randomUUID();
      const meeting: Meeting = {
        id,
        personId: input.personId,
        seriesId: input.seriesId,
        kind: input.kind,
        date: input.date,
        ...(input.time ? { time: input.time } : {}),
        agenda: startingAgenda(
          previous,
          queued,
          template && input.templateAgenda ? { id: template.id, agenda: [...input.templateAgenda, ...template.agenda] } : template,
          () => crypto.randomUUID(),
          knownPrompts,
        ),
        sharedNotes: template?.sharedNotes ?? '',
        privateNotes: '',
        tags: [],
        createdAt: stamp,
        updatedAt: stamp,
      };
      this.check(meeting);
      await this.db.meetings.add(meeting);
      if (meeting.seriesId) await this.keepLatest(meeting.seriesId);
      await Promise.all(queued.map((p) => this.db.talkingPoints.update(p.id, { meetingId: id })));
      return meeting;
    });
  }

  /**
   * Deletes a meeting started by mistake: its notes, the action items agreed in it, and sends the
   * queued points it had taken back to the queue, all at once. Later meetings keep items carried
   * from it (they just lose the date they came from).
   */
  async remove(id: string): Promise<{ actionItems: number }> {
    return this.db.transaction('rw', [this.db.meetings, this.db.actionItems, this.db.talkingPoints, this.db.series], async () => {
      const meeting = await this.db.meetings.get(id);
      if (!meeting) throw new NotFoundError('This meeting');
      const actionItems = await this.db.actionItems.where('meetingId').equals(id).delete();
      await this.db.talkingPoints
        .where('meetingId')
        .equals(id)
        .modify((p) => {
          delete p.meetingId;
        });
      await this.db.meetings.delete(id);
      if (meeting.seriesId) await this.keepLatest(meeting.seriesId);
      return { actionItems };
    });
  }

  /** Autosave of the notes, pulse and tags. Validated before anything is written. */
  async saveNotes(id: string, patch: NotesPatch): Promise<Meeting> {
    return this.change(id, (m) => {
      const next: Meeting = { ...m, ...patch };
      // Clearing the pulse removes the field rather than storing undefined.
      if ('mood' in patch && patch.mood === undefined) delete next.mood;
      if ('energy' in patch && patch.energy === undefined) delete next.energy;
      return next;
    });
  }

  /** `from`: the record the point was raised from (a career conversation names the assessment). */
  async addAgendaItem(id: string, text: string, author: AgendaItem['author'], from?: RecordLink): Promise<AgendaItem> {
    const parsed = agendaItemSchema.safeParse({ id: crypto.randomUUID(), text, author, done: false, ...(from ? { fromRecord: from } : {}) });
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    await this.change(id, (m) => ({ ...m, agenda: [...m.agenda, parsed.data] }));
    return parsed.data;
  }

  /** Several points at once, in one write: all of them or none. */
  async addAgendaItems(
    id: string,
    points: readonly { text: string; author: AgendaItem['author']; from?: RecordLink; criteria?: CriterionRef[] }[],
  ): Promise<AgendaItem[]> {
    const items = points.map(({ text, author, from, criteria }) => {
      const parsed = agendaItemSchema.safeParse({
        id: crypto.randomUUID(),
        text,
        author,
        done: false,
        ...(from ? { fromRecord: from } : {}),
        ...(criteria?.length ? { criteria } : {}),
      });
      if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
      return parsed.data;
    });
    if (items.length > 0) await this.change(id, (m) => ({ ...m, agenda: [...m.agenda, ...items] }));
    return items;
  }

  async setAgendaDone(id: string, itemId: string, done: boolean): Promise<void> {
    await this.change(id, (m) => ({ ...m, agenda: m.agenda.map((i) => (i.id === itemId ? { ...i, done } : i)) }));
  }

  /** Returns what was removed and where, so the screen can offer Undo. */
  async removeAgendaItem(id: string, itemId: string): Promise<{ item: AgendaItem; index: number } | undefined> {
    let removed: { item: AgendaItem; index: number } | undefined;
    await this.change(id, (m) => {
      const index = m.agenda.findIndex((i) => i.id === itemId);
      if (index < 0) return m;
      removed = { item: m.agenda[index]!, index };
      return { ...m, agenda: m.agenda.filter((i) => i.id !== itemId) };
    });
    return removed;
  }

  async restoreAgendaItem(id: string, item: AgendaItem, index: number): Promise<void> {
    await this.change(id, (m) => {
      if (m.agenda.some((i) => i.id === item.id)) return m;
      const agenda = [...m.agenda];
      agenda.splice(Math.min(index, agenda.length), 0, item);
      return { ...m, agenda };
    });
  }

  private async change(id: string, edit: (m: Meeting) => Meeting): Promise<Meeting> {
    return this.db.transaction('rw', this.db.meetings, async () => {
      const existing = await this.db.meetings.get(id);
      if (!existing) throw new NotFoundError('This meeting');
      const next = edit(existing);
      if (next === existing) return existing;
      const meeting = { ...next, updatedAt: this.now().toISOString() };
      this.check(meeting);
      await this.db.meetings.put(meeting);
      return meeting;
    });
  }

  private check(meeting: Meeting) {
    const parsed = meetingSchema.safeParse(meeting);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  }
}
