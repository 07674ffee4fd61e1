import { z } from 'zod';

import { isoDateSchema } from '../domain/dates';
import { idPattern } from '../ladder/schema';

/**
 * How evidence points at a career ladder: by the ids in the ladder file, never by text, so a
 * reworded criterion keeps its evidence. See /docs/evidence.md for the whole model.
 */

/** Ladder, competency, level and criteria-item ids follow the ladder format's own id rule. */
const ladderPartId = z.string().max(200).regex(idPattern, 'Use an id of letters, digits, ".", "_" or "-"');

/**
 * A criterion id: one written in the file (the id rule), or one the ladder model derives from
 * where it is written, `<ladder>:<competency>:<level>:<n>` or `<ladder>:<competency>:rank=<rank>:<n>`.
 */
const criterionId = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*(:[A-Za-z0-9=][A-Za-z0-9._=-]*)*$/, 'Use a criterion id from the ladder');

export const criterionRefSchema = z
  .object({
    ladderId: ladderPartId,
    competencyId: ladderPartId,
    levelId: ladderPartId.optional(),
    /** A criteria item's stable id (given in the file, or derived by the ladder model). */
    criterionId: criterionId.optional(),
  })
  .strict();
export type CriterionRef = z.output<typeof criterionRefSchema>;

/** The exact ladder version something was judged against; main's version store can show it again. */
export const frozenLadderRefSchema = z
  .object({
    ladderId: ladderPartId,
    version: z.string().min(1).max(80),
    /** sha256 (hex) of the ladder's content, as main's version store keys it. */
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a sha256 in hex'),
  })
  .strict();
export type FrozenLadderRef = z.output<typeof frozenLadderRefSchema>;

/** Kinds of records that count as evidence about a person. Features add theirs here as they land. */
export const evidenceKinds = ['meeting', 'feedback', 'win', 'goal-check-in', 'milestone', 'assessment', 'stretch', 'peer-response'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** A link from one record to another, by id (e.g. a goal check-in that came from a 1:1). */
export const recordLinkSchema = z.object({ kind: z.enum(evidenceKinds), id: z.string().min(1).max(200) }).strict();
export type RecordLink = z.output<typeof recordLinkSchema>;

export const visibilities = ['private', 'shareable'] as const;
export type Visibility = (typeof visibilities)[number];

/**
 * The fields every evidence record carries. A feature's schema extends this object, and its
 * repository keeps `competencyIds` in step with `criteria` (use `withCompetencyIds`).
 */
export const evidenceFieldsSchema = z.object({
  personId: z.string().min(1),
  date: isoDateSchema,
  visibility: z.enum(visibilities),
  criteria: z.array(criterionRefSchema).max(200),
  /** Derived from `criteria` for the multi-entry index `*competencyIds`; never edited directly. */
  competencyIds: z.array(z.string()).max(200),
});
export type EvidenceFields = z.output<typeof evidenceFieldsSchema>;

/** The competency ids a record names, once each, in first-seen order (for the `*competencyIds` index). */
export function competencyIdsOf(criteria: readonly CriterionRef[]): string[] {
  return [...new Set(criteria.map((c) => c.competencyId))];
}

/**
 * The criteria items a record names, once each, in first-seen order: what EvidenceItem.criterionIds
 * carries, so readers can count evidence for one criterion and not only for its competency.
 */
export function criterionIdsOf(criteria: readonly CriterionRef[]): string[] {
  return [...new Set(criteria.flatMap((c) => (c.criterionId ? [c.criterionId] : [])))];
}

/** A record with `competencyIds` recomputed from its `criteria`: call it in every repository write. */
export function withCompetencyIds<T extends { criteria: readonly CriterionRef[] }>(record: T): T & { competencyIds: string[] } {
  return { ...record, competencyIds: competencyIdsOf(record.criteria) };
}

/** Same ladder, competency, level and item: two references to one criterion. */
export function sameCriterion(a: CriterionRef, b: CriterionRef): boolean {
  return a.ladderId === b.ladderId && a.competencyId === b.competencyId && a.levelId === b.levelId && a.criterionId === b.criterionId;
}

/** A stable string key for maps and React keys. */
export function criterionKey(ref: CriterionRef): string {
  return [ref.ladderId, ref.competencyId, ref.levelId ?? '', ref.criterionId ?? ''].join('/');
}

/** What a reference's competency is called when its ladder does not have it (any more), or is gone. */
export const unknownCompetencyName = (competencyId: string) => `Unknown competency (${competencyId})`;

/**
 * The name of the competency a reference points at, read from the reference's own ladder (records
 * may name competencies of several ladders). `ladders` holds the ladders looked up so far by id,
 * null for one that cannot be read; a ladder not looked up yet gives the id, for the moment.
 */
export function competencyNameOf(
  ref: Pick<CriterionRef, 'ladderId' | 'competencyId'>,
  ladders: ReadonlyMap<string, { competencies: readonly { id: string; name: string }[] } | null>,
): string {
  if (!ladders.has(ref.ladderId)) return ref.competencyId;
  const found = ladders.get(ref.ladderId)?.competencies.find((c) => c.id === ref.competencyId);
  return found?.name ?? unknownCompetencyName(ref.competencyId);
}
