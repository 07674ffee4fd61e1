import {
  type Assessment,
  type AssessmentKind,
  assessmentKindLabels,
  assessmentSchema,
  type DraftPatch,
  isBlank,
  type Period,
  type Rating,
} from '../../shared/domain/assessments';
import { fieldErrorsOf } from '../../shared/domain/person';
import { criterionIdsOf, type FrozenLadderRef, withCompetencyIds } from '../../shared/evidence/refs';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { registerEvidenceSource } from './evidence';

/** A finished assessment is never edited: it is reopened as a new revision instead. */
export class AssessmentLockedError extends Error {
  constructor() {
    super('This assessment is finished and locked. Reopen it as a new revision to change it.');
    this.name = 'AssessmentLockedError';
  }
}

export interface NewAssessment {
  personId: string;
  kind: AssessmentKind;
  ladder: FrozenLadderRef;
  trackId: string;
  levelId: string;
  period: Period;
  ratings?: Rating[];
}

/** How many of a person's assessments a screen lists at most (years of half-yearly self and manager assessments fit many times over). */
export const ASSESSMENTS_PER_PERSON = 500;

/**
 * How many of a person's newest assessments `latestFinished` reads at once: a half-year's self and
 * manager assessments and the half-year's before, so a draft in the newest half-year still finds
 * the finished one under it.
 */
const NEWEST_READ = 4;

const MIN_DAY = '0000-01-01';
const MAX_DAY = '9999-12-31';

/**
 * Self and manager assessments. Drafts are written by autosave; `finish` locks one; `reopen` and
 * `reassess` make the next revision of the same chain (one draft per chain at most), so a
 * finished assessment stays exactly as it was finished.
 */
export class AssessmentsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(id: string): Promise<Assessment | undefined> {
    return this.db.assessments.get(id);
  }

  /** A person's assessments, newest period first, through [personId+date]. */
  async forPerson(personId: string, limit = ASSESSMENTS_PER_PERSON): Promise<Assessment[]> {
    return this.db.assessments.where('[personId+date]').between([personId, MIN_DAY], [personId, MAX_DAY], true, true).reverse().limit(limit).toArray();
  }

  /**
   * Each person's newest finished assessment of `kind` (by period end), for the team heatmap:
   * one bounded read down each person's [personId+date] range, never a read of the table.
   */
  async latestFinished(personIds: readonly string[], kind: AssessmentKind): Promise<Map<string, Assessment>> {
    // One read transaction for all of them: a transaction per person costs more than its read.
    const found = await this.db.transaction('r', this.db.assessments, () =>
      Promise.all(personIds.map(async (personId) => [personId, await this.newestFinished(personId, kind)] as const)),
    );
    return new Map(found.filter((x): x is readonly [string, Assessment] => x[1] !== undefined));
  }

  private async newestFinished(personId: string, kind: AssessmentKind): Promise<Assessment | undefined> {
    const newestFirst = () => this.db.assessments.where('[personId+date]').between([personId, MIN_DAY], [personId, MAX_DAY], true, true).reverse();
    const matches = (a: Assessment) => a.kind === kind && a.status === 'finished';
    // The newest few in one request (IndexedDB's getAll, newest first): a cursor costs a request
    // and a Dexie step per row, and 300 people's of them made most of opening the heatmap.
    const newest = await newestFirst().limit(NEWEST_READ).toArray();
    const hit = newest.find(matches);
    if (hit || newest.length < NEWEST_READ) return hit;
    // Drafts or the other kind all the way down those few (rare): walk down the range one by one.
    return newestFirst().filter(matches).first();
  }

  /** Every revision of one assessment, oldest first. */
  async revisions(chainId: string): Promise<Assessment[]> {
    const rows = await this.db.assessments.where('chainId').equals(chainId).toArray();
    return rows.sort((a, b) => a.revision - b.revision);
  }

  async create(input: NewAssessment): Promise<Assessment> {
    const id = crypto.randomUUID();
    const stamp = this.now().toISOString();
    const record = this.validate({
      id,
      personId: input.personId,
      date: input.period.to,
      visibility: 'shareable',
      kind: input.kind,
      ladder: input.ladder,
      trackId: input.trackId,
      levelId: input.levelId,
      period: input.period,
      status: 'draft',
      revision: 1,
      chainId: id,
      ratings: (input.ratings ?? []).filter((r) => !isBlank(r)),
      summary: '',
      privateNotes: '',
      createdAt: stamp,
      updatedAt: stamp,
      criteria: [],
      competencyIds: [],
    });
    await this.db.transaction('rw', [this.db.assessments, this.db.people], async () => {
      if (!(await this.db.people.get(input.personId))) throw new NotFoundError('This person');
      await this.db.assessments.add(record);
    });
    return record;
  }

  /** Autosave of a draft. Sets the values (never adds), so a replay after a reload is harmless. */
  async saveDraft(id: string, patch: DraftPatch): Promise<Assessment> {
    return this.db.transaction('rw', this.db.assessments, async () => {
      const current = await this.db.assessments.get(id);
      if (!current) throw new NotFoundError('This assessment');
      if (current.status !== 'draft') throw new AssessmentLockedError();
      const next = this.validate({
        ...current,
        ratings: patch.ratings.filter((r) => !isBlank(r)),
        summary: patch.summary,
        privateNotes: patch.privateNotes,
        updatedAt: this.now().toISOString(),
      });
      await this.db.assessments.put(next);
      return next;
    });
  }

  /** The period of a draft. */
  async setPeriod(id: string, period: Period): Promise<Assessment> {
    return this.db.transaction('rw', this.db.assessments, async () => {
      const current = await this.db.assessments.get(id);
      if (!current) throw new NotFoundError('This assessment');
      if (current.status !== 'draft') throw new AssessmentLockedError();
      const next = this.validate({ ...current, period, date: period.to, updatedAt: this.now().toISOString() });
      await this.db.assessments.put(next);
      return next;
    });
  }

  /** Locks a draft. The caller checks completeness against the ladder (finishProblem). */
  async finish(id: string): Promise<Assessment> {
    return this.db.transaction('rw', this.db.assessments, async () => {
      const current = await this.db.assessments.get(id);
      if (!current) throw new NotFoundError('This assessment');
      if (current.status !== 'draft') throw new AssessmentLockedError();
      const stamp = this.now().toISOString();
      const next = this.validate({ ...current, status: 'finished', finishedAt: stamp, updatedAt: stamp });
      await this.db.assessments.put(next);
      return next;
    });
  }

  /**
   * The next revision of a finished assessment as a draft with the same ratings and ladder
   * version; when the chain already has a draft, that draft (never two drafts of one assessment).
   */
  async reopen(id: string): Promise<Assessment> {
    return this.nextRevision(id, (from) => ({ ladder: from.ladder, ratings: from.ratings }));
  }

  /** The next revision against another version of the ladder, with the ratings carried over (carryOverRatings). */
  async reassess(id: string, ladder: FrozenLadderRef, ratings: Rating[]): Promise<Assessment> {
    return this.nextRevision(id, () => ({ ladder, ratings }));
  }

  /**
   * Moves a draft onto another version of the ladder, with its ratings carried over
   * (carryOverRatings): a draft is still being written, so it changes in place rather than
   * becoming a revision.
   */
  async rebaseDraft(id: string, ladder: FrozenLadderRef, ratings: Rating[]): Promise<Assessment> {
    return this.db.transaction('rw', this.db.assessments, async () => {
      const current = await this.db.assessments.get(id);
      if (!current) throw new NotFoundError('This assessment');
      if (current.status !== 'draft') throw new AssessmentLockedError();
      const next = this.validate({ ...current, ladder, ratings: ratings.filter((r) => !isBlank(r)), updatedAt: this.now().toISOString() });
      await this.db.assessments.put(next);
      return next;
    });
  }

  /** Deletes a draft (a finished assessment is kept: it is what was agreed). */
  async discardDraft(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.assessments, async () => {
      const current = await this.db.assessments.get(id);
      if (!current) return;
      if (current.status !== 'draft') throw new AssessmentLockedError();
      await this.db.assessments.delete(id);
    });
  }

  /** Stores an imported assessment (assessment-exchange.ts); false when that file was imported already. */
  async addImported(record: Assessment): Promise<boolean> {
    const row = this.validate(record);
    return this.db.transaction('rw', [this.db.assessments, this.db.people], async () => {
      if (!(await this.db.people.get(row.personId))) throw new NotFoundError('This person');
      if (await this.db.assessments.get(row.id)) return false;
      await this.db.assessments.add(row);
      return true;
    });
  }

  async hasImport(id: string): Promise<boolean> {
    return (await this.db.assessments.where('id').equals(id).count()) > 0;
  }

  private async nextRevision(id: string, from: (previous: Assessment) => Pick<Assessment, 'ladder' | 'ratings'>): Promise<Assessment> {
    return this.db.transaction('rw', this.db.assessments, async () => {
      const current = await this.db.assessments.get(id);
      if (!current) throw new NotFoundError('This assessment');
      const chain = await this.db.assessments.where('chainId').equals(current.chainId).toArray();
      const draft = chain.find((a) => a.status === 'draft');
      if (draft) return draft;
      const latest = chain.reduce((a, b) => (b.revision > a.revision ? b : a), current);
      const stamp = this.now().toISOString();
      const { finishedAt: _finishedAt, importedFrom: _importedFrom, ...rest } = latest;
      const next = this.validate({
        ...rest,
        ...from(latest),
        id: crypto.randomUUID(),
        status: 'draft',
        revision: latest.revision + 1,
        revisionOf: latest.id,
        createdAt: stamp,
        updatedAt: stamp,
      });
      await this.db.assessments.add(next);
      return next;
    });
  }

  private validate(record: Assessment): Assessment {
    const withIds = withCompetencyIds({ ...record, criteria: record.ratings.map((r) => r.ref) });
    const parsed = assessmentSchema.safeParse(withIds);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    return parsed.data;
  }
}

/** Finished assessments are evidence of where a person stood; drafts are not yet. */
registerEvidenceSource({
  kind: 'assessment',
  async read(db, { personId, competencyId, from, to }) {
    // A person has a few assessments a year: their range is small, whatever the competency.
    const rows = await db.assessments.where('[personId+date]').between([personId, from], [personId, to], true, true).toArray();
    return rows
      .filter((a) => a.status === 'finished' && (!competencyId || a.competencyIds.includes(competencyId)))
      .map((a) => ({
        kind: 'assessment' as const,
        id: a.id,
        personId: a.personId,
        date: a.date,
        visibility: a.visibility,
        competencyIds: a.competencyIds,
        criterionIds: criterionIdsOf(a.criteria),
        title: `${assessmentKindLabels[a.kind]}, revision ${a.revision}`,
      }));
  },
});
