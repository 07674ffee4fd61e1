import type { ZodError } from 'zod';

import { fieldErrorsOf } from '../../shared/domain/person';
import {
  budgetId,
  type LearningBudget,
  learningBudgetSchema,
  type LearningItem,
  learningItemSchema,
  type LearningKind,
  type StretchProject,
  stretchProjectSchema,
  type StretchStatus,
} from '../../shared/domain/stretch';
import { criterionIdsOf, type CriterionRef, withCompetencyIds } from '../../shared/evidence/refs';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { registerEvidenceSource } from './evidence';

/** Stretch projects and learning items one screen lists per person at most. */
export const STRETCH_PER_PERSON = 500;

const MIN_DAY = '0000-01-01';
const MAX_DAY = '9999-12-31';

function validated<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

export interface StretchInput {
  title: string;
  sponsorId: string | null;
  status: StretchStatus;
  outcome: string;
  /** Competencies it grows (criterion references, usually at competency level). */
  criteria: CriterionRef[];
  /** The day it starts; today when absent. */
  date?: string;
}

export interface LearningInput {
  kind: LearningKind;
  title: string;
  date: string;
  /** Minor units; absent when it cost nothing. */
  cost?: number;
  currency?: string;
  hours?: number;
}

/** Stretch opportunities (evidence records) and learning with its yearly budget. */
export class StretchRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A person's stretch projects, newest first, through [personId+date]. */
  projects(personId: string, limit = STRETCH_PER_PERSON): Promise<StretchProject[]> {
    return this.db.stretchProjects.where('[personId+date]').between([personId, MIN_DAY], [personId, MAX_DAY], true, true).reverse().limit(limit).toArray();
  }

  /** What someone sponsors, through the sponsorId index. */
  sponsoredBy(sponsorId: string, limit = STRETCH_PER_PERSON): Promise<StretchProject[]> {
    return this.db.stretchProjects.where('sponsorId').equals(sponsorId).limit(limit).toArray();
  }

  async addProject(personId: string, input: StretchInput): Promise<StretchProject> {
    const stamp = this.now().toISOString();
    const row = this.validateProject({
      id: crypto.randomUUID(),
      personId,
      date: input.date ?? stamp.slice(0, 10),
      visibility: 'shareable',
      criteria: input.criteria,
      competencyIds: [],
      title: input.title,
      sponsorId: input.sponsorId,
      status: input.status,
      outcome: input.outcome,
      privateNotes: '',
      createdAt: stamp,
      updatedAt: stamp,
    });
    await this.db.transaction('rw', [this.db.stretchProjects, this.db.people], async () => {
      if (!(await this.db.people.get(personId))) throw new NotFoundError('This person');
      if (row.sponsorId && !(await this.db.people.get(row.sponsorId))) throw new NotFoundError('The sponsor');
      if (row.sponsorId === personId) throw new ValidationError({ sponsorId: 'Someone cannot sponsor their own stretch project' });
      await this.db.stretchProjects.add(row);
    });
    return row;
  }

  async updateProject(id: string, input: StretchInput): Promise<StretchProject> {
    return this.db.transaction('rw', [this.db.stretchProjects, this.db.people], async () => {
      const current = await this.db.stretchProjects.get(id);
      if (!current) throw new NotFoundError('This stretch project');
      if (input.sponsorId === current.personId) throw new ValidationError({ sponsorId: 'Someone cannot sponsor their own stretch project' });
      if (input.sponsorId && !(await this.db.people.get(input.sponsorId))) throw new NotFoundError('The sponsor');
      const next = this.validateProject({
        ...current,
        title: input.title,
        sponsorId: input.sponsorId,
        status: input.status,
        outcome: input.outcome,
        criteria: input.criteria,
        ...(input.date ? { date: input.date } : {}),
        updatedAt: this.now().toISOString(),
      });
      await this.db.stretchProjects.put(next);
      return next;
    });
  }

  async removeProject(id: string): Promise<void> {
    await this.db.stretchProjects.delete(id);
  }

  /** A person's learning in one calendar year, through [personId+date]. */
  learningInYear(personId: string, year: number): Promise<LearningItem[]> {
    return this.db.learningItems
      .where('[personId+date]')
      .between([personId, `${year}-01-01`], [personId, `${year}-12-31`], true, true)
      .limit(STRETCH_PER_PERSON)
      .toArray()
      .then((rows) => rows.sort((a, b) => b.date.localeCompare(a.date)));
  }

  async addLearning(personId: string, input: LearningInput): Promise<LearningItem> {
    const stamp = this.now().toISOString();
    const row = validated(learningItemSchema, {
      id: crypto.randomUUID(),
      personId,
      kind: input.kind,
      title: input.title,
      date: input.date,
      ...(input.cost !== undefined && input.cost > 0 ? { cost: input.cost, currency: input.currency } : {}),
      ...(input.hours !== undefined ? { hours: input.hours } : {}),
      createdAt: stamp,
      updatedAt: stamp,
    });
    if (row.cost !== undefined && !row.currency) throw new ValidationError({ currency: 'Choose the currency it was paid in' });
    await this.db.transaction('rw', [this.db.learningItems, this.db.people], async () => {
      if (!(await this.db.people.get(personId))) throw new NotFoundError('This person');
      await this.db.learningItems.add(row);
    });
    return row;
  }

  async removeLearning(id: string): Promise<void> {
    await this.db.learningItems.delete(id);
  }

  budget(personId: string, year: number): Promise<LearningBudget | undefined> {
    return this.db.learningBudgets.get(budgetId(personId, year));
  }

  /** Sets (or, with null, clears) a person's budget for a year. */
  async setBudget(personId: string, year: number, budget: { amount: number; currency: string } | null): Promise<LearningBudget | null> {
    const id = budgetId(personId, year);
    if (!budget) {
      await this.db.learningBudgets.delete(id);
      return null;
    }
    const row = validated(learningBudgetSchema, { id, personId, year, amount: budget.amount, currency: budget.currency, updatedAt: this.now().toISOString() });
    await this.db.learningBudgets.put(row);
    return row;
  }

  private validateProject(row: StretchProject): StretchProject {
    return validated(stretchProjectSchema, withCompetencyIds(row));
  }
}

/** A stretch project is evidence of the competencies it grows, from the day it started. */
registerEvidenceSource({
  kind: 'stretch',
  async read(db, { personId, competencyId, from, to }) {
    const rows = await db.stretchProjects.where('[personId+date]').between([personId, from], [personId, to], true, true).toArray();
    return rows
      .filter((s) => !competencyId || s.competencyIds.includes(competencyId))
      .map((s) => ({
        kind: 'stretch' as const,
        id: s.id,
        personId: s.personId,
        date: s.date,
        visibility: s.visibility,
        competencyIds: s.competencyIds,
        criterionIds: criterionIdsOf(s.criteria),
        title: `Stretch: ${s.title}`,
      }));
  },
});
