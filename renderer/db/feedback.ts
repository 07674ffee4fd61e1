import Dexie from 'dexie';

import {
  type FeedbackDraft,
  type FeedbackEntry,
  feedbackEntrySchema,
  feedbackKindLabels,
  feedbackTitle,
  type FollowUp,
  followUpSchema,
} from '../../shared/domain/feedback';
import { fieldErrorsOf } from '../../shared/domain/person';
import { criterionIdsOf, withCompetencyIds } from '../../shared/evidence/refs';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { registerEvidenceSource } from './evidence';

const MIN_DAY = '0000-01-01';
const MAX_DAY = '9999-12-31';

/** How many entries a list shows at most before it says there are more (years of weekly notes fit). */
export const FEEDBACK_LIST_LIMIT = 2_000;

export interface NewFollowUp {
  due: string;
  note: string;
}

/**
 * Feedback entries and their follow-ups. Every write recomputes `competencyIds` from `criteria`
 * and keeps each follow-up's visibility the entry's, in the same transaction.
 */
export class FeedbackRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(id: string): Promise<FeedbackEntry | undefined> {
    return this.db.feedback.get(id);
  }

  /** The entries of these ids (a list of follow-ups shows what each is about). */
  async entriesOf(ids: readonly string[]): Promise<Map<string, FeedbackEntry>> {
    const unique = [...new Set(ids)];
    const rows = await this.db.feedback.bulkGet(unique);
    return new Map(rows.filter((r): r is FeedbackEntry => Boolean(r)).map((r) => [r.id, r]));
  }

  /** A person's entries, newest first, through [personId+date]. */
  forPerson(personId: string, limit = FEEDBACK_LIST_LIMIT): Promise<FeedbackEntry[]> {
    return this.db.feedback.where('[personId+date]').between([personId, MIN_DAY], [personId, MAX_DAY], true, true).reverse().limit(limit).toArray();
  }

  /** The newest entries about anyone, through the date index. */
  recent(limit = FEEDBACK_LIST_LIMIT): Promise<FeedbackEntry[]> {
    return this.db.feedback.orderBy('date').reverse().limit(limit).toArray();
  }

  async create(draft: FeedbackDraft, followUp?: NewFollowUp): Promise<FeedbackEntry> {
    const stamp = this.now().toISOString();
    const entry = this.validate({ ...draft, id: crypto.randomUUID(), competencyIds: [], createdAt: stamp, updatedAt: stamp });
    const follow = followUp ? this.validateFollowUp(this.newFollowUp(entry, followUp, stamp)) : null;
    await this.db.transaction('rw', [this.db.feedback, this.db.followUps, this.db.people], async () => {
      if (!(await this.db.people.get(entry.personId))) throw new NotFoundError('This person');
      await this.db.feedback.add(entry);
      if (follow) await this.db.followUps.add(follow);
    });
    return entry;
  }

  /** Autosave of the editor: sets the values (never adds), so a replay after a reload is harmless. */
  async save(id: string, draft: FeedbackDraft): Promise<FeedbackEntry> {
    return this.db.transaction('rw', [this.db.feedback, this.db.followUps], async () => {
      const current = await this.db.feedback.get(id);
      if (!current) throw new NotFoundError('This feedback');
      const next = this.validate({ ...current, ...draft, updatedAt: this.now().toISOString() });
      await this.db.feedback.put(next);
      if (next.visibility !== current.visibility || next.personId !== current.personId)
        await this.db.followUps
          .where('feedbackId')
          .equals(id)
          .modify((f) => {
            f.visibility = next.visibility;
            f.personId = next.personId;
          });
      return next;
    });
  }

  /** Deletes an entry with its follow-ups. */
  async remove(id: string): Promise<void> {
    await this.db.transaction('rw', [this.db.feedback, this.db.followUps], async () => {
      await this.db.followUps.where('feedbackId').equals(id).delete();
      await this.db.feedback.delete(id);
    });
  }

  // Follow-ups

  followUpsOf(feedbackId: string): Promise<FollowUp[]> {
    return this.db.followUps
      .where('feedbackId')
      .equals(feedbackId)
      .toArray()
      .then((rows) => rows.sort((a, b) => a.due.localeCompare(b.due)));
  }

  async addFollowUp(feedbackId: string, input: NewFollowUp): Promise<FollowUp> {
    return this.db.transaction('rw', [this.db.feedback, this.db.followUps], async () => {
      const entry = await this.db.feedback.get(feedbackId);
      if (!entry) throw new NotFoundError('This feedback');
      const row = this.validateFollowUp(this.newFollowUp(entry, input, this.now().toISOString()));
      await this.db.followUps.add(row);
      return row;
    });
  }

  /** Open follow-ups due on or before `day`, soonest first, at most `limit`: one [open+due] range. */
  openDueBy(day: string, limit: number): Promise<FollowUp[]> {
    return this.db.followUps.where('[open+due]').between([1, Dexie.minKey], [1, day], true, true).limit(limit).toArray();
  }

  /** Every open follow-up, soonest due first, at most `limit` (the inbox). */
  open(limit: number): Promise<FollowUp[]> {
    return this.db.followUps.where('[open+due]').between([1, Dexie.minKey], [1, Dexie.maxKey], true, true).limit(limit).toArray();
  }

  countOpen(): Promise<number> {
    return this.db.followUps.where('[open+due]').between([1, Dexie.minKey], [1, Dexie.maxKey], true, true).count();
  }

  /** A person's open follow-ups, soonest due first (the 1:1 prep view). */
  async openForPerson(personId: string): Promise<FollowUp[]> {
    const rows = await this.db.followUps.where('[personId+open]').equals([personId, 1]).toArray();
    return rows.sort((a, b) => a.due.localeCompare(b.due) || a.createdAt.localeCompare(b.createdAt));
  }

  /** Closes a follow-up with what came of it. Closing again keeps the first close's time and takes the new outcome. */
  async closeFollowUp(id: string, outcome: string): Promise<FollowUp> {
    return this.db.transaction('rw', this.db.followUps, async () => {
      const current = await this.db.followUps.get(id);
      if (!current) throw new NotFoundError('This follow-up');
      const stamp = this.now().toISOString();
      const next = this.validateFollowUp({ ...current, open: 0, outcome, closedAt: current.closedAt ?? stamp, updatedAt: stamp });
      await this.db.followUps.put(next);
      return next;
    });
  }

  /** Opens a closed follow-up again (the outcome stays, to be written over). */
  async reopenFollowUp(id: string): Promise<FollowUp> {
    return this.db.transaction('rw', this.db.followUps, async () => {
      const current = await this.db.followUps.get(id);
      if (!current) throw new NotFoundError('This follow-up');
      const { closedAt: _closedAt, ...rest } = current;
      const next = this.validateFollowUp({ ...rest, open: 1, updatedAt: this.now().toISOString() });
      await this.db.followUps.put(next);
      return next;
    });
  }

  async removeFollowUp(id: string): Promise<void> {
    await this.db.followUps.delete(id);
  }

  private newFollowUp(entry: FeedbackEntry, input: NewFollowUp, stamp: string): FollowUp {
    return {
      id: crypto.randomUUID(),
      feedbackId: entry.id,
      personId: entry.personId,
      due: input.due,
      note: input.note,
      visibility: entry.visibility,
      open: 1,
      outcome: '',
      createdAt: stamp,
      updatedAt: stamp,
    };
  }

  private validate(record: FeedbackEntry): FeedbackEntry {
    const parsed = feedbackEntrySchema.safeParse(withCompetencyIds(record));
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    return parsed.data;
  }

  private validateFollowUp(record: FollowUp): FollowUp {
    const parsed = followUpSchema.safeParse(record);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    return parsed.data;
  }
}

/** Feedback is evidence of how a person works, named against the criteria it speaks to. */
registerEvidenceSource({
  kind: 'feedback',
  async read(db, { personId, competencyId, from, to }) {
    // One person's range is small (entries a week at most); the competency is filtered in it.
    const rows = await db.feedback.where('[personId+date]').between([personId, from], [personId, to], true, true).toArray();
    return rows
      .filter((e) => !competencyId || e.competencyIds.includes(competencyId))
      .map((e) => ({
        kind: 'feedback' as const,
        id: e.id,
        personId: e.personId,
        date: e.date,
        visibility: e.visibility,
        competencyIds: e.competencyIds,
        criterionIds: criterionIdsOf(e.criteria),
        title: `${feedbackKindLabels[e.kind]}: ${feedbackTitle(e, 60)}`,
      }));
  },
});
