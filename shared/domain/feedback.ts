/**
 * Feedback entries and their follow-ups. An entry is written the SBI way (situation, behaviour,
 * impact, and a suggested next step), is about one person and from someone (a person in Trellis
 * or a name), and is evidence (shared/evidence): it names ladder criteria and is private or
 * shareable. A follow-up is a promise to come back to an entry by a day; closing it records what
 * came of it. Pure code: the repository (renderer/db/feedback.ts) stores.
 */
import { z } from 'zod';

import { evidenceFieldsSchema, visibilities, type Visibility } from '../evidence/refs';
import { isoDateSchema } from './dates';

export const feedbackKinds = ['recognition', 'constructive', 'peer', 'self-reflection'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];
export const feedbackKindLabels: Record<FeedbackKind, string> = {
  recognition: 'Recognition',
  constructive: 'Constructive',
  peer: 'Peer feedback received',
  'self-reflection': 'Self-reflection',
};

export const MAX_SBI = 10_000;
const text = z.string().max(MAX_SBI);

export const feedbackEntrySchema = evidenceFieldsSchema
  .extend({
    id: z.string().min(1).max(200),
    kind: z.enum(feedbackKinds),
    /** Who gave it: a person in Trellis, or null with `fromName` for someone outside it. */
    fromId: z.string().max(200).nullable(),
    fromName: z.string().max(120),
    situation: text,
    behaviour: text,
    impact: text,
    nextStep: text,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict()
  .refine((e) => [e.situation, e.behaviour, e.impact].some((t) => t.trim() !== ''), {
    message: 'Write at least the situation, the behaviour or the impact',
    path: ['behaviour'],
  });
export type FeedbackEntry = z.output<typeof feedbackEntrySchema>;

/** What the capture form and the editor change; the repository adds ids, stamps and competency ids. */
export type FeedbackDraft = Pick<
  FeedbackEntry,
  'personId' | 'date' | 'visibility' | 'criteria' | 'kind' | 'fromId' | 'fromName' | 'situation' | 'behaviour' | 'impact' | 'nextStep'
>;

/**
 * Constructive feedback the manager writes is private until they choose otherwise: it is often a
 * first impression they want to check before it goes into anything shared. Everything else starts
 * shareable, and the form shows which it is.
 */
export function defaultVisibility(kind: FeedbackKind, fromId: string | null, meId: string | null): Visibility {
  return kind === 'constructive' && (fromId === null || fromId === meId) ? 'private' : 'shareable';
}

/** One line for lists, search and the timeline: the behaviour, else the situation, else the impact. */
export function feedbackTitle(entry: Pick<FeedbackEntry, 'situation' | 'behaviour' | 'impact'>, max = 90): string {
  const first = [entry.behaviour, entry.situation, entry.impact].map((t) => t.trim().replace(/\s+/g, ' ')).find((t) => t !== '') ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

export const MAX_FOLLOW_UP_NOTE = 2_000;

/**
 * A follow-up of one entry. `open` is 1 until it is closed (IndexedDB cannot index booleans);
 * `visibility` is the entry's, kept in step by the repository, so a private entry's follow-up
 * (its note and outcome) never leaves the machine either.
 */
export const followUpSchema = z
  .object({
    id: z.string().min(1).max(200),
    feedbackId: z.string().min(1).max(200),
    personId: z.string().min(1).max(200),
    due: isoDateSchema,
    /** What to come back to ("ask how the design review went"). */
    note: z.string().max(MAX_FOLLOW_UP_NOTE),
    visibility: z.enum(visibilities),
    open: z.union([z.literal(0), z.literal(1)]),
    /** What came of it, written when it is closed. */
    outcome: z.string().max(MAX_SBI),
    closedAt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type FollowUp = z.output<typeof followUpSchema>;
