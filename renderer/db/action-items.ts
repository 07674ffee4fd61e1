import { z } from 'zod';

import { actionItemsForMeeting, compareActionItems } from '../../shared/domain/carry-over';
import { type ActionItem, actionItemSchema, type Meeting } from '../../shared/domain/meetings';
import { fieldErrorsOf } from '../../shared/domain/person';
import type { ActionItemRow, TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';

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

export class ActionItemsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async forPerson(personId: string): Promise<ActionItem[]> {
    return (await this.db.actionItems.where('personId').equals(personId).toArray()).map(toItem);
  }

  async openForPerson(personId: string): Promise<ActionItem[]> {
    return (await this.db.actionItems.where('[personId+open]').equals([personId, 1]).toArray()).map(toItem).sort(compareActionItems);
  }

  async allOpen(): Promise<ActionItem[]> {
    return (await this.db.actionItems.where('open').equals(1).toArray()).map(toItem).sort(compareActionItems);
  }

  /** This meeting's items plus the ones carried into it from earlier meetings. */
  async forMeeting(meeting: Meeting): Promise<ActionItem[]> {
    const [items, meetings] = await Promise.all([this.forPerson(meeting.personId), this.db.meetings.where('personId').equals(meeting.personId).toArray()]);
    const dates = new Map(meetings.map((m) => [m.id, m.date]));
    return actionItemsForMeeting(meeting, items, dates).sort(compareActionItems);
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
      await this.db.actionItems.add({ ...item, open: 1 });
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
    await this.db.actionItems.put({ ...parsed.data, open: parsed.data.done ? 0 : 1 });
  }
}
