import { z } from 'zod';

import { isoDateSchema } from '../domain/dates';
import { evidenceKinds, frozenLadderRefSchema } from '../evidence/refs';

/**
 * A promotion packet: the draft a manager builds (stored in Dexie `packets`) and the content that
 * leaves the machine (inside a `trellis.packet` exchange file, or rendered as Markdown, HTML, PDF).
 * The draft only points at evidence by `{ kind, id }`; the content carries what the evidence
 * model handed out after its privacy rules, never a record itself.
 */

const text = (max: number) => z.string().max(max);

/** The summary a committee reads first. Every field is free text the manager writes. */
export const packetSummarySchema = z
  .object({
    role: text(2_000),
    timeInLevel: text(500),
    scope: text(5_000),
    keyProjects: text(10_000),
    mentoring: text(5_000),
    advocates: text(2_000),
    gaps: text(5_000),
  })
  .strict();
export type PacketSummary = z.output<typeof packetSummarySchema>;

export const summaryFields: readonly { key: keyof PacketSummary; label: string; hint: string }[] = [
  { key: 'role', label: 'Role', hint: 'What they do today and for whom.' },
  { key: 'timeInLevel', label: 'Time in level', hint: 'How long at the current level.' },
  { key: 'scope', label: 'Scope', hint: 'The size and reach of their work: team, area, organisation.' },
  { key: 'keyProjects', label: 'Key projects and impact', hint: 'Each project with its measurable outcome.' },
  { key: 'mentoring', label: 'Mentoring and glue work', hint: 'Onboarding, reviews, unblocking others, work that keeps the team running.' },
  { key: 'advocates', label: 'Advocates and sponsors', hint: 'People who can speak to this work.' },
  { key: 'gaps', label: 'Known gaps and the plan', hint: 'What is not there yet and how it is being addressed.' },
];

export const emptySummary: PacketSummary = { role: '', timeInLevel: '', scope: '', keyProjects: '', mentoring: '', advocates: '', gaps: '' };

/** A piece of evidence picked for a criterion, by reference, with the manager's note. */
export const pickedEvidenceSchema = z.object({ kind: z.enum(evidenceKinds), id: z.string().min(1).max(200), note: text(2_000) }).strict();
export type PickedEvidence = z.output<typeof pickedEvidenceSchema>;

export const criterionDraftSchema = z
  .object({
    criterionId: z.string().min(1).max(300),
    narrative: text(20_000),
    /** In the order the manager wants them read. */
    evidence: z.array(pickedEvidenceSchema).max(200),
  })
  .strict();
export type CriterionDraft = z.output<typeof criterionDraftSchema>;

export const packetDraftSchema = z
  .object({
    id: z.string().min(1),
    personId: z.string().min(1),
    ladder: frozenLadderRefSchema,
    trackId: z.string().min(1),
    levelId: z.string().min(1),
    /** The period the evidence is gathered from (inclusive ISO days). */
    period: z.object({ from: isoDateSchema, to: isoDateSchema }).strict(),
    summary: packetSummarySchema,
    criteria: z.array(criterionDraftSchema).max(2_000),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type PacketDraft = z.output<typeof packetDraftSchema>;

/** One example as it leaves the machine: no record, only its kind, date, title and the manager's note. */
export const packetEvidenceSchema = z.object({ kind: z.enum(evidenceKinds), date: isoDateSchema, title: text(500), note: text(2_000) }).strict();
export type PacketEvidence = z.output<typeof packetEvidenceSchema>;

export const packetCriterionSchema = z
  .object({
    criterionId: z.string().min(1).max(300),
    competencyId: z.string().min(1).max(200),
    competencyName: text(300),
    /** The criterion's words in the frozen ladder version. */
    text: text(5_000),
    narrative: text(20_000),
    evidence: z.array(packetEvidenceSchema).max(200),
  })
  .strict();
export type PacketCriterion = z.output<typeof packetCriterionSchema>;

/** What a committee receives: the content of a `trellis.packet` file and the source of every other format. */
export const packetContentSchema = z
  .object({
    /** `team` (since calibration sessions): the team's name, for the committee's filters and distribution views. */
    person: z.object({ name: text(200), title: text(200).optional(), team: text(200).optional() }).strict(),
    preparedBy: z
      .object({ name: text(200) })
      .strict()
      .nullable(),
    ladderName: text(300),
    target: z
      .object({
        trackId: z.string().min(1).max(200),
        trackName: text(300),
        levelId: z.string().min(1).max(200),
        levelTitle: text(300),
        currentLevelTitle: text(300).optional(),
        /** When they reached the current level (Person.levelSince), for "time in level" in calibration. */
        levelSince: isoDateSchema.optional(),
      })
      .strict(),
    period: z.object({ from: isoDateSchema, to: isoDateSchema }).strict(),
    summary: packetSummarySchema,
    criteria: z.array(packetCriterionSchema).max(2_000),
  })
  .strict();
export type PacketContent = z.output<typeof packetContentSchema>;
