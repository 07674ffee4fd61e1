import type { ZodError } from 'zod';

import { agendaItemSchema } from '../../shared/domain/meetings';
import { fieldErrorsOf } from '../../shared/domain/person';
import {
  type CheckIn,
  checkInAgendaLine,
  checkInSchema,
  type Goal,
  type GoalInput,
  goalInputSchema,
  goalSchema,
  type GoalStatus,
  type Milestone,
  milestoneDate,
  milestoneSchema,
} from '../../shared/domain/plans';
import { criterionIdsOf, type CriterionRef, withCompetencyIds } from '../../shared/evidence/refs';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { registerEvidenceSource } from './evidence';
import { newestDateOfKind } from './meeting-keys';

/** How many goals of one person a screen lists at most (years of quarterly goals fit many times over). */
export const GOALS_PER_PERSON = 500;
/** Milestones and check-ins shown per goal at most. */
export const PARTS_PER_GOAL = 500;

const MIN_DAY = '0000-01-01';
const MAX_DAY = '9999-12-31';

export interface NewGoal extends GoalInput {
  personId: string;
  criteria: CriterionRef[];
  status?: GoalStatus;
}

export interface GoalTextPatch {
  description: string;
  privateNotes: string;
}

export interface NewCheckIn {
  goalId: string;
  date: string;
  note: string;
  /** The 1:1 it was made in: the meeting's agenda gets a line saying so, in the same transaction. */
  meetingId?: string;
}

function validated<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

const dayOf = (stamp: string) => stamp.slice(0, 10);

/**
 * Goals with their milestones and check-ins. Milestones and check-ins copy the goal's person,
 * visibility and criteria (they are evidence records of their own), and every write that changes
 * the goal's criteria or visibility rewrites its milestones in the same transaction.
 */
export class GoalsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(id: string): Promise<Goal | undefined> {
    return this.db.goals.get(id);
  }

  /** A person's goals, newest first, through [personId+date]. */
  forPerson(personId: string, limit = GOALS_PER_PERSON): Promise<Goal[]> {
    return this.db.goals.where('[personId+date]').between([personId, MIN_DAY], [personId, MAX_DAY], true, true).reverse().limit(limit).toArray();
  }

  /** A person's goals in progress, through [personId+status]. */
  inProgress(personId: string, limit = GOALS_PER_PERSON): Promise<Goal[]> {
    return this.db.goals.where('[personId+status]').equals([personId, 'in-progress']).limit(limit).toArray();
  }

  /** Whether the person has a goal in progress: a key-only count. */
  async hasInProgress(personId: string): Promise<boolean> {
    return (await this.db.goals.where('[personId+status]').equals([personId, 'in-progress']).limit(1).count()) > 0;
  }

  async create(input: NewGoal): Promise<Goal> {
    const fields = validated(goalInputSchema, input);
    const stamp = this.now().toISOString();
    const goal = this.validateGoal({
      id: crypto.randomUUID(),
      personId: input.personId,
      date: dayOf(stamp),
      visibility: 'shareable',
      criteria: input.criteria,
      competencyIds: [],
      title: fields.title,
      description: '',
      privateNotes: '',
      ...(fields.teamOutcome ? { teamOutcome: fields.teamOutcome } : {}),
      status: input.status ?? 'in-progress',
      ...(fields.targetDate ? { targetDate: fields.targetDate } : {}),
      createdAt: stamp,
      updatedAt: stamp,
    });
    await this.db.transaction('rw', [this.db.goals, this.db.people], async () => {
      if (!(await this.db.people.get(input.personId))) throw new NotFoundError('This person');
      await this.db.goals.add(goal);
    });
    return goal;
  }

  /** Title, team outcome and target date from the goal form. */
  async update(id: string, input: GoalInput): Promise<Goal> {
    const fields = validated(goalInputSchema, input);
    return this.change(id, (g) => {
      const { teamOutcome: _t, targetDate: _d, ...rest } = g;
      return {
        ...rest,
        title: fields.title,
        ...(fields.teamOutcome ? { teamOutcome: fields.teamOutcome } : {}),
        ...(fields.targetDate ? { targetDate: fields.targetDate } : {}),
      };
    });
  }

  /** Autosave of the goal's description and private notes: sets the values, so a replay is harmless. */
  saveText(id: string, patch: GoalTextPatch): Promise<Goal> {
    return this.change(id, (g) => ({ ...g, description: patch.description, privateNotes: patch.privateNotes }));
  }

  setStatus(id: string, status: GoalStatus): Promise<Goal> {
    const today = dayOf(this.now().toISOString());
    return this.change(id, (g) => {
      const { closedOn: _c, ...rest } = g;
      return { ...rest, status, ...(status === 'done' || status === 'dropped' ? { closedOn: g.closedOn ?? today } : {}) };
    });
  }

  /** The criteria the goal grows; its milestones and check-ins follow. */
  setCriteria(id: string, criteria: CriterionRef[]): Promise<Goal> {
    return this.change(id, (g) => ({ ...g, criteria }));
  }

  /** Deletes the goal with its milestones and check-ins (the lines already in meetings stay: they are the meeting's). */
  async remove(id: string): Promise<void> {
    await this.db.transaction('rw', [this.db.goals, this.db.goalMilestones, this.db.goalCheckIns], async () => {
      await this.db.goalMilestones.where('goalId').equals(id).delete();
      await this.db.goalCheckIns.where('goalId').equals(id).delete();
      await this.db.goals.delete(id);
    });
  }

  milestones(goalId: string): Promise<Milestone[]> {
    return this.db.goalMilestones
      .where('goalId')
      .equals(goalId)
      .limit(PARTS_PER_GOAL)
      .toArray()
      .then((rows) => rows.sort((a, b) => a.order - b.order));
  }

  async addMilestone(goalId: string, input: { title: string; due?: string }): Promise<Milestone> {
    return this.db.transaction('rw', [this.db.goals, this.db.goalMilestones], async () => {
      const goal = await this.db.goals.get(goalId);
      if (!goal) throw new NotFoundError('This goal');
      const count = await this.db.goalMilestones.where('goalId').equals(goalId).count();
      const stamp = this.now().toISOString();
      const due = input.due?.trim() ? input.due.trim() : undefined;
      const row = this.validateMilestone(
        {
          id: crypto.randomUUID(),
          goalId,
          personId: goal.personId,
          date: goal.date,
          visibility: goal.visibility,
          criteria: goal.criteria,
          competencyIds: [],
          title: input.title,
          ...(due ? { due } : {}),
          order: count,
          createdAt: stamp,
          updatedAt: stamp,
        },
        goal,
      );
      await this.db.goalMilestones.add(row);
      return row;
    });
  }

  /** Marks a milestone done today (or not done again). */
  async setMilestoneDone(milestoneId: string, done: boolean): Promise<Milestone> {
    return this.db.transaction('rw', [this.db.goals, this.db.goalMilestones], async () => {
      const current = await this.db.goalMilestones.get(milestoneId);
      if (!current) throw new NotFoundError('This milestone');
      const goal = await this.db.goals.get(current.goalId);
      if (!goal) throw new NotFoundError('This goal');
      const stamp = this.now().toISOString();
      const { doneOn: _d, ...rest } = current;
      const row = this.validateMilestone({ ...rest, ...(done ? { doneOn: current.doneOn ?? dayOf(stamp) } : {}), updatedAt: stamp }, goal);
      await this.db.goalMilestones.put(row);
      return row;
    });
  }

  async removeMilestone(milestoneId: string): Promise<void> {
    await this.db.goalMilestones.delete(milestoneId);
  }

  /** A goal's check-ins, newest first. */
  async checkIns(goalId: string): Promise<CheckIn[]> {
    const rows = await this.db.goalCheckIns.where('goalId').equals(goalId).limit(PARTS_PER_GOAL).toArray();
    return rows.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  }

  /** The check-ins made in one meeting. */
  checkInsFromMeeting(meetingId: string): Promise<CheckIn[]> {
    return this.db.goalCheckIns.where('fromMeetingId').equals(meetingId).limit(PARTS_PER_GOAL).toArray();
  }

  /** The newest check-in of each of these goals (one bounded read per goal). */
  async latestCheckIns(goalIds: readonly string[]): Promise<Map<string, CheckIn>> {
    const out = new Map<string, CheckIn>();
    for (const goalId of goalIds) {
      const rows = await this.db.goalCheckIns.where('goalId').equals(goalId).limit(PARTS_PER_GOAL).toArray();
      const newest = rows.reduce<CheckIn | undefined>((a, b) => (!a || b.date > a.date || (b.date === a.date && b.createdAt > a.createdAt) ? b : a), undefined);
      if (newest) out.set(goalId, newest);
    }
    return out;
  }

  /**
   * Adds a dated note to the goal. From a 1:1, the meeting's agenda also gets a line saying the
   * goal was discussed (already ticked, so it never carries over), in the same transaction: the
   * goal and the meeting never disagree.
   */
  async addCheckIn(input: NewCheckIn): Promise<CheckIn> {
    return this.db.transaction('rw', [this.db.goals, this.db.goalCheckIns, this.db.meetings], async () => {
      const goal = await this.db.goals.get(input.goalId);
      if (!goal) throw new NotFoundError('This goal');
      const meeting = input.meetingId ? await this.db.meetings.get(input.meetingId) : undefined;
      if (input.meetingId && !meeting) throw new NotFoundError('This meeting');
      if (meeting && meeting.personId !== goal.personId) throw new ValidationError({ form: 'This goal belongs to someone else than the meeting.' });
      const stamp = this.now().toISOString();
      const row = validated(
        checkInSchema,
        withCompetencyIds({
          id: crypto.randomUUID(),
          goalId: goal.id,
          personId: goal.personId,
          date: input.date,
          visibility: goal.visibility,
          criteria: goal.criteria,
          competencyIds: [],
          note: input.note,
          ...(meeting ? { from: { kind: 'meeting' as const, id: meeting.id }, fromMeetingId: meeting.id } : {}),
          createdAt: stamp,
        }),
      );
      await this.db.goalCheckIns.add(row);
      if (meeting) {
        // The line names what the goal grows: the meeting's shared agenda is then evidence for it too.
        const item = validated(agendaItemSchema, {
          id: crypto.randomUUID(),
          text: checkInAgendaLine(goal.title, row.note),
          author: 'me',
          done: true,
          ...(goal.criteria.length ? { criteria: goal.criteria.slice(0, 20) } : {}),
        });
        await this.db.meetings.put({ ...meeting, agenda: [...meeting.agenda, item], updatedAt: stamp });
      }
      await this.db.goals.put({ ...goal, updatedAt: stamp });
      return row;
    });
  }

  async removeCheckIn(id: string): Promise<void> {
    await this.db.goalCheckIns.delete(id);
  }

  private async change(id: string, edit: (goal: Goal) => Goal): Promise<Goal> {
    return this.db.transaction('rw', [this.db.goals, this.db.goalMilestones], async () => {
      const current = await this.db.goals.get(id);
      if (!current) throw new NotFoundError('This goal');
      const next = this.validateGoal({ ...edit(current), updatedAt: this.now().toISOString() });
      await this.db.goals.put(next);
      if (next.visibility !== current.visibility || JSON.stringify(next.criteria) !== JSON.stringify(current.criteria)) {
        await this.db.goalMilestones
          .where('goalId')
          .equals(id)
          .modify((m) => {
            m.criteria = next.criteria;
            m.competencyIds = next.competencyIds;
            m.visibility = next.visibility;
          });
      }
      return next;
    });
  }

  private validateGoal(goal: Goal): Goal {
    return validated(goalSchema, withCompetencyIds(goal));
  }

  private validateMilestone(m: Milestone, goal: Goal): Milestone {
    return validated(milestoneSchema, withCompetencyIds({ ...m, date: milestoneDate(m, goal.date) }));
  }
}

/** Evidence: every check-in (a dated conversation about the goal) and every milestone done. */
registerEvidenceSource({
  kind: 'goal-check-in',
  async read(db, { personId, competencyId, from, to }) {
    // One person's check-ins in a range are few (a few a month): filter the competency in memory.
    const rows = await db.goalCheckIns.where('[personId+date]').between([personId, from], [personId, to], true, true).toArray();
    return rows
      .filter((c) => !competencyId || c.competencyIds.includes(competencyId))
      .map((c) => ({
        kind: 'goal-check-in' as const,
        id: c.id,
        personId: c.personId,
        date: c.date,
        visibility: c.visibility,
        competencyIds: c.competencyIds,
        criterionIds: criterionIdsOf(c.criteria),
        title: `Goal check-in: ${c.note.split('\n')[0]!.slice(0, 120)}`,
      }));
  },
});

registerEvidenceSource({
  kind: 'milestone',
  async read(db, { personId, competencyId, from, to }) {
    const rows = await db.goalMilestones.where('[personId+date]').between([personId, from], [personId, to], true, true).toArray();
    return rows
      .filter((m) => m.doneOn && (!competencyId || m.competencyIds.includes(competencyId)))
      .map((m) => ({
        kind: 'milestone' as const,
        id: m.id,
        personId: m.personId,
        date: m.date,
        visibility: m.visibility,
        competencyIds: m.competencyIds,
        criterionIds: criterionIdsOf(m.criteria),
        title: `Milestone done: ${m.title}`,
      }));
  },
});

/** The day of the person's newest career conversation held by `today`. */
export function lastCareerConversation(db: TrellisDatabase, personId: string, today: string): Promise<string | undefined> {
  return newestDateOfKind(db, personId, 'career', today, MIN_DAY);
}
