/**
 * Growth plans: goals a person works towards, linked to the ladder's competencies or criteria
 * (criterion references, never text) and optionally to a team outcome, with milestones, a target
 * date, a status and dated check-ins. Milestones and check-ins are evidence records
 * (evidenceFieldsSchema): each lives in its own table and carries the goal's criteria, so the
 * evidence query finds them per competency.
 *
 * Pure code: schemas, labels and the small rules the screens and the repository share.
 */
import { z } from 'zod';

import { evidenceFieldsSchema, recordLinkSchema } from '../evidence/refs';
import { isoDateSchema } from './dates';

export const goalStatuses = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];
export const goalStatusLabels: Record<GoalStatus, string> = { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' };

export const MAX_GOAL_TEXT = 20_000;
export const MAX_CHECK_IN = 5_000;

const id = z.string().min(1).max(200);
const stamp = z.string().min(1).max(40);

export const goalTitleSchema = z.string().trim().min(1, 'Name the goal').max(200, 'The goal is too long (at most 200 characters)');

export const goalSchema = evidenceFieldsSchema
  .extend({
    id,
    title: goalTitleSchema,
    /** Markdown, shared with the person (and in their export). */
    description: z.string().max(MAX_GOAL_TEXT),
    /** The manager's own thoughts about the goal: never exported (privacy.ts). */
    privateNotes: z.string().max(MAX_GOAL_TEXT),
    /** The team outcome the goal serves, in words ("Checkout p95 under 300 ms"). */
    teamOutcome: z.string().trim().max(300, 'The team outcome is too long (at most 300 characters)').optional(),
    status: z.enum(goalStatuses),
    targetDate: isoDateSchema.optional(),
    /** ISO day it was done or dropped. */
    closedOn: isoDateSchema.optional(),
    createdAt: stamp,
    updatedAt: stamp,
  })
  .strict();
export type Goal = z.output<typeof goalSchema>;

/** A step of a goal. Its evidence date is the day it was done (else its due day, else the goal's). */
export const milestoneSchema = evidenceFieldsSchema
  .extend({
    id,
    goalId: id,
    title: z.string().trim().min(1, 'Name the milestone').max(300, 'The milestone is too long (at most 300 characters)'),
    due: isoDateSchema.optional(),
    doneOn: isoDateSchema.optional(),
    /** Position in the goal's list. */
    order: z.number().int().min(0),
    createdAt: stamp,
    updatedAt: stamp,
  })
  .strict();
export type Milestone = z.output<typeof milestoneSchema>;

/** A dated note on a goal; `from` is the 1:1 it was made in. */
export const checkInSchema = evidenceFieldsSchema
  .extend({
    id,
    goalId: id,
    note: z.string().trim().min(1, 'Write what was discussed').max(MAX_CHECK_IN, `The note is too long (at most ${MAX_CHECK_IN} characters)`),
    from: recordLinkSchema.optional(),
    /** The meeting's id again, for the [fromMeetingId] index (a 1:1 lists the check-ins made in it). */
    fromMeetingId: z.string().max(200).optional(),
    createdAt: stamp,
  })
  .strict();
export type CheckIn = z.output<typeof checkInSchema>;

/** What the goal form edits. */
export const goalInputSchema = z.object({
  title: goalTitleSchema,
  teamOutcome: z
    .string()
    .trim()
    .max(300, 'The team outcome is too long (at most 300 characters)')
    .transform((s) => (s === '' ? undefined : s))
    .optional(),
  targetDate: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(isoDateSchema.optional())
    .optional(),
});
export type GoalInput = z.input<typeof goalInputSchema>;

/** The line a check-in made in a 1:1 adds to that meeting's agenda (done: it was discussed). */
export function checkInAgendaLine(goalTitle: string, note: string): string {
  const first = note.trim().split(/\r?\n/)[0]!.trim();
  const line = `Discussed goal “${goalTitle.trim()}”: ${first}`;
  return line.length > 2000 ? `${line.slice(0, 1999)}…` : line;
}

/** "2 of 3 milestones done". */
export function milestoneProgress(milestones: readonly Pick<Milestone, 'doneOn'>[]): { done: number; total: number; label: string } {
  const done = milestones.filter((m) => m.doneOn).length;
  const total = milestones.length;
  return { done, total, label: total === 0 ? 'No milestones' : `${done} of ${total} milestone${total === 1 ? '' : 's'} done` };
}

/** The day a milestone counts as evidence on. */
export function milestoneDate(m: Pick<Milestone, 'doneOn' | 'due'>, goalDate: string): string {
  return m.doneOn ?? m.due ?? goalDate;
}

/** Whether a goal is past its target date and still open. */
export function isOverdue(goal: Pick<Goal, 'status' | 'targetDate'>, today: string): boolean {
  return (goal.status === 'planned' || goal.status === 'in-progress') && !!goal.targetDate && goal.targetDate < today;
}
