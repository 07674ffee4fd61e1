import { startingAgenda } from '../../shared/domain/carry-over';
import { type AgendaItem, agendaItemSchema, type Meeting, type MeetingKind, meetingSchema } from '../../shared/domain/meetings';
import { fieldErrorsOf } from '../../shared/domain/person';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import type { TemplatesRepository } from './templates';

export interface StartMeeting {
  personId: string;
  seriesId: string | null;
  kind: MeetingKind;
  date: string;
  time?: string;
  templateId?: string;
}

export type NotesPatch = Partial<Pick<Meeting, 'sharedNotes' | 'privateNotes' | 'mood' | 'energy' | 'tags'>>;

const byDateDesc = (a: Meeting, b: Meeting) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

export class MeetingsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly templates: TemplatesRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(id: string): Promise<Meeting | undefined> {
    return this.db.meetings.get(id);
  }

  /** Newest first. */
  async forPerson(personId: string): Promise<Meeting[]> {
    return (await this.db.meetings.where('personId').equals(personId).toArray()).sort(byDateDesc);
  }

  list(): Promise<Meeting[]> {
    return this.db.meetings.toArray();
  }

  /**
   * Opens the meeting of a series on a date, creating it when needed: unfinished talking points
   * of the previous meeting carry over, the talking-point queue empties into the agenda, and the
   * template adds its prompts. All in one transaction, so a point is never both queued and placed.
   */
  async start(input: StartMeeting): Promise<Meeting> {
    const template = input.templateId ? await this.templates.get(input.templateId) : undefined;
    if (input.templateId && !template) throw new NotFoundError('This template');
    return this.db.transaction('rw', [this.db.meetings, this.db.talkingPoints, this.db.people], async () => {
      if (!(await this.db.people.get(input.personId))) throw new NotFoundError('This person');
      const mine = await this.forPerson(input.personId);
      const sameSeries = mine.filter((m) => m.seriesId === input.seriesId);
      const existing = sameSeries.find((m) => m.date === input.date);
      if (existing) return existing;
      const previous = (sameSeries.length ? sameSeries : mine).find((m) => m.date <= input.date);
      // The queue is for the next 1:1: a meeting backfilled before the newest one does not take it.
      const isNewest = !mine[0] || mine[0].date <= input.date;
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
        agenda: startingAgenda(previous, queued, template, () => crypto.randomUUID()),
        sharedNotes: template?.sharedNotes ?? '',
        privateNotes: '',
        tags: [],
        createdAt: stamp,
        updatedAt: stamp,
      };
      this.check(meeting);
      await this.db.meetings.add(meeting);
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
    return this.db.transaction('rw', [this.db.meetings, this.db.actionItems, this.db.talkingPoints], async () => {
      if (!(await this.db.meetings.get(id))) throw new NotFoundError('This meeting');
      const actionItems = await this.db.actionItems.where('meetingId').equals(id).delete();
      await this.db.talkingPoints
        .where('meetingId')
        .equals(id)
        .modify((p) => {
          delete p.meetingId;
        });
      await this.db.meetings.delete(id);
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

  async addAgendaItem(id: string, text: string, author: AgendaItem['author']): Promise<AgendaItem> {
    const parsed = agendaItemSchema.safeParse({ id: crypto.randomUUID(), text, author, done: false });
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    await this.change(id, (m) => ({ ...m, agenda: [...m.agenda, parsed.data] }));
    return parsed.data;
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
