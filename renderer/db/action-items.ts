import Dexie from 'dexie';
import { z } from 'zod';

import { actionItemsForMeeting, compareActionItems } from '../../shared/domain/carry-over';
import { type ActionItem, actionItemSchema, type Meeting } from '../../shared/domain/meetings';
import { fieldErrorsOf } from '../../shared/domain/person';
import type { ActionItemRow, TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { meetingDatesOf } from './meeting-keys';

export const actionInputSchema = z.object({
  text: actionItemSchema.shape.text,
  owner: actionItemSchema.shape.owner,
  due: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(actionItemSchema.shape.due)
    .optional(),
});
export type ActionInput = z.input<typeof actionInputSchema>;

/** Strips the storage-only index field. */
const toItem = ({ open: _open, ...item }: ActionItemRow): ActionItem => item;

/** The row as stored: `open` mirrors `done` for the indexes. */
export const toActionItemRow = (item: ActionItem): ActionItemRow => ({ ...item, open: item.done ? 0 : 1 });

/** At most the requested number of items, and whether there are more (for "Show all"). */
export interface Capped<T> {
  items: T[];
  more: boolean;
}

export class ActionItemsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async forPerson(personId: string): Promise<ActionItem[]> {
    return (await this.db.actionItems.where('[personId+createdAt]').between([personId, Dexie.minKey], [personId, Dexie.maxKey], true, true).toArray()).map(
      toItem,
    );
  }

  /**
   * The items of the given meetings by meeting, each meeting's in the order `forPerson` gives
   * them (created, then id): one read of the meetingId index, for an export that goes a page of
   * meetings at a time (forMeetings reads a range from the earliest of them, a whole history for
   * the oldest page).
   */
  async byMeeting(meetingIds: readonly string[]): Promise<Map<string, ActionItem[]>> {
    const rows = meetingIds.length === 0 ? [] : await this.db.actionItems.where('meetingId').anyOf(meetingIds).toArray();
    rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const byMeeting = new Map<string, ActionItem[]>();
    for (const row of rows) {
      const item = toItem(row);
      const list = byMeeting.get(item.meetingId);
      if (list) list.push(item);
      else byMeeting.set(item.meetingId, [item]);
    }
    return byMeeting;
  }

  async openForPerson(personId: string): Promise<ActionItem[]> {
    return (await this.db.actionItems.where('[personId+open]').equals([personId, 1]).toArray()).map(toItem).sort(compareActionItems);
  }

  /**
   * Open items due before `today`, most overdue first, at most `limit` of them: one read of the
   * start of one [open+due] range, however many items the history holds.
   */
  async overdue(today: string, limit: number): Promise<Capped<ActionItem>> {
    const rows = await this.overdueRange(today)
      .limit(limit + 1)
      .toArray();
    return { items: rows.slice(0, limit).map(toItem).sort(compareActionItems), more: rows.length > limit };
  }

  /**
   * How many items are overdue. IndexedDB counts an index range entry by entry (thousands take a
   * noticeable while at five years of history): ask for it apart from the list, never before it.
   */
  overdueCount(today: string): Promise<number> {
    return this.overdueRange(today).count();
  }

  private overdueRange(today: string) {
    return this.db.actionItems.where('[open+due]').between([1, Dexie.minKey], [1, today], true, false);
  }

  /**
   * A person's items agreed in these meetings (the timeline shows the items of the meetings it
   * shows). An item is created once its meeting has begun, so one [personId+createdAt] range from
   * the earliest of those meetings holds them all; items of other meetings are dropped here.
   */
  async forMeetings(personId: string, meetings: readonly Pick<Meeting, 'id' | 'createdAt'>[]): Promise<ActionItem[]> {
    if (meetings.length === 0) return [];
    const wanted = new Set(meetings.map((m) => m.id));
    const since = meetings.reduce((min, m) => (m.createdAt < min ? m.createdAt : min), meetings[0]!.createdAt);
    const rows = await this.db.actionItems.where('[personId+createdAt]').between([personId, since], [personId, Dexie.maxKey], true, true).toArray();
    return rows.filter((a) => wanted.has(a.meetingId)).map(toItem);
  }

  /**
   * This meeting's items plus the ones carried into it from earlier meetings: only those agreed
   * in it, those open now and those closed since it began are read, never the person's history.
   */
  async forMeeting(meeting: Meeting): Promise<ActionItem[]> {
    return (await this.forMeetingWithOrigins(meeting)).items;
  }

  /**
   * forMeeting, with the dates of the earlier meetings the screen names: those the items and the
   * carried-over agenda points come from (one batch of gets for both).
   */
  async forMeetingWithOrigins(meeting: Meeting): Promise<{ items: ActionItem[]; meetingDates: Map<string, string> }> {
    const { personId } = meeting;
    const [own, open, closedSince] = await Promise.all([
      this.db.actionItems.where('meetingId').equals(meeting.id).toArray(),
      this.db.actionItems.where('[personId+open]').equals([personId, 1]).toArray(),
      this.db.actionItems.where('[personId+doneAt]').between([personId, meeting.createdAt], [personId, Dexie.maxKey], true, true).toArray(),
    ]);
    const candidates = [...new Map([...own, ...open, ...closedSince].map((row) => [row.id, toItem(row)])).values()];
    const carried = meeting.agenda.flatMap((a) => (a.carriedFromMeetingId ? [a.carriedFromMeetingId] : []));
    const named = [...candidates.map((a) => a.meetingId), ...carried].filter((id) => id !== meeting.id);
    const dates = await meetingDatesOf(this.db, named);
    const items = actionItemsForMeeting(meeting, candidates, new Map([...dates, [meeting.id, meeting.date]])).sort(compareActionItems);
    return { items, meetingDates: dates };
  }

  async add(meetingId: string, input: ActionInput): Promise<ActionItem> {
    const parsed = actionInputSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    return this.db.transaction('rw', this.db.actionItems, this.db.meetings, async () => {
      const meeting = await this.db.meetings.get(meetingId);
      if (!meeting) throw new NotFoundError('This meeting');
      const stamp = this.now().toISOString();
      const item: ActionItem = {
        id: crypto.randomUUID(),
        personId: meeting.personId,
        meetingId,
        text: parsed.data.text,
        owner: parsed.data.owner,
        ...(parsed.data.due ? { due: parsed.data.due } : {}),
        done: false,
        createdAt: stamp,
        updatedAt: stamp,
      };
      await this.db.actionItems.add(toActionItemRow(item));
      return item;
    });
  }

  async setDone(id: string, done: boolean): Promise<void> {
    await this.db.transaction('rw', this.db.actionItems, async () => {
      const row = await this.db.actionItems.get(id);
      if (!row) throw new NotFoundError('This action item');
      const stamp = this.now().toISOString();
      const next: ActionItemRow = { ...row, done, open: done ? 0 : 1, updatedAt: stamp };
      if (done) next.doneAt = stamp;
      else delete next.doneAt;
      await this.db.actionItems.put(next);
    });
  }

  /** Returns the removed item so the screen can offer Undo. */
  async remove(id: string): Promise<ActionItem | undefined> {
    return this.db.transaction('rw', this.db.actionItems, async () => {
      const row = await this.db.actionItems.get(id);
      if (!row) return undefined;
      await this.db.actionItems.delete(id);
      return toItem(row);
    });
  }

  async restore(item: ActionItem): Promise<void> {
    const parsed = actionItemSchema.safeParse(item);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    await this.db.actionItems.put(toActionItemRow(parsed.data));
  }
}
