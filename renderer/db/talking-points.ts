import { type AgendaItem, type TalkingPoint, talkingPointSchema } from '../../shared/domain/meetings';
import { fieldErrorsOf } from '../../shared/domain/person';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';

export interface Queued {
  point: TalkingPoint;
  /** Set when an upcoming meeting already existed, so the point went straight onto its agenda. */
  placedInMeetingId?: string;
}

/** "For the next 1:1 with Alex": points wait here until that person's next meeting is started. */
export class TalkingPointsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async queued(personId: string): Promise<TalkingPoint[]> {
    const all = await this.db.talkingPoints.where('personId').equals(personId).toArray();
    return all.filter((p) => !p.meetingId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * Queues a point. When a meeting with the person is already open for today or later, the point
   * joins that meeting's agenda at once: that meeting is "the next 1:1".
   */
  async queue(personId: string, text: string, today: string): Promise<Queued> {
    return this.db.transaction('rw', [this.db.talkingPoints, this.db.meetings, this.db.people], async () => {
      if (!(await this.db.people.get(personId))) throw new NotFoundError('This person');
      const stamp = this.now().toISOString();
      const parsed = talkingPointSchema.safeParse({ id: crypto.randomUUID(), personId, text, createdAt: stamp });
      if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
      const point = parsed.data;
      const upcoming = (await this.db.meetings.where('[personId+date]').between([personId, today], [personId, '9999-12-31'], true, true).first()) ?? undefined;
      if (!upcoming) {
        await this.db.talkingPoints.add(point);
        return { point };
      }
      const item: AgendaItem = { id: crypto.randomUUID(), text: point.text, author: 'me', done: false, fromTalkingPointId: point.id };
      await this.db.meetings.put({ ...upcoming, agenda: [...upcoming.agenda, item], updatedAt: stamp });
      const placed = { ...point, meetingId: upcoming.id };
      await this.db.talkingPoints.add(placed);
      return { point: placed, placedInMeetingId: upcoming.id };
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.talkingPoints.delete(id);
  }
}
