/**
 * Assessments: where a person stands on the ladder, as they see it (self) and as their manager
 * sees it (manager), for one period. Each is frozen against the exact ladder version it was made
 * on (`ladder`, a FrozenLadderRef), rates every competency — or every criterion item where the
 * ladder writes them — on the competency's own scale, and is locked once finished: a change
 * after that is a new revision, never an edit.
 *
 * Pure code: the rating targets a level asks, rating checks, revisions, carry-over to a newer
 * ladder version and what changed for the rated criteria. The repository (renderer/db) stores;
 * exchange files are in assessment-exchange.ts.
 */
import { z } from 'zod';

import { type CriterionRef, criterionRefSchema, evidenceFieldsSchema, frozenLadderRefSchema, recordLinkSchema } from '../evidence/refs';
// The modules themselves, not the ladder barrel: the barrel brings the YAML parser into every screen.
import { criterionIdChanges, findCriterion } from '../ladder/criteria-ids';
import type { Ladder, LadderCompetency, RatingScale } from '../ladder/model';
import { type LevelAsks, levelAsks } from '../ladder/progression';
import { isoDateSchema } from './dates';

export const assessmentKinds = ['self', 'manager'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const assessmentKindLabels: Record<AssessmentKind, string> = { self: 'Self-assessment', manager: 'Manager assessment' };

export const assessmentStatuses = ['draft', 'finished'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** A step id of a labelled scale, or a number on a numeric one. */
export const ratingValueSchema = z.union([z.string().min(1).max(80), z.number().finite()]);
export type RatingValue = z.output<typeof ratingValueSchema>;

/** What a rating points to as evidence: a record in Trellis (a 1:1, feedback, a win, a goal) or a URL. */
export const evidenceLinkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('record'), link: recordLinkSchema, title: z.string().max(300) }).strict(),
  z
    .object({
      type: z.literal('url'),
      url: z
        .string()
        .max(2000)
        .regex(/^https?:\/\/\S+$/i, 'Use a web address starting with http:// or https://'),
      title: z.string().max(300),
    })
    .strict(),
]);
export type EvidenceLink = z.output<typeof evidenceLinkSchema>;

export const MAX_COMMENT = 20_000;

export const ratingSchema = z
  .object({
    /** The competency (no criterionId) or one criterion item of it, at the assessed level. */
    ref: criterionRefSchema,
    value: ratingValueSchema.optional(),
    /** Set when the person marks it not applicable; the reason is required. */
    notApplicable: z
      .object({ reason: z.string().max(2_000) })
      .strict()
      .optional(),
    comment: z.string().max(MAX_COMMENT),
    evidence: z.array(evidenceLinkSchema).max(100),
  })
  .strict();
export type Rating = z.output<typeof ratingSchema>;

export const periodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'The period cannot end before it starts', path: ['to'] });
export type Period = z.output<typeof periodSchema>;

/** Where an imported assessment came from: the exchange file's hash makes a second import a no-op. */
export const importedFromSchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    exportedAt: z.string().max(40),
    exporterVersion: z.string().max(40),
    personName: z.string().max(120),
    personEmail: z.string().max(254).optional(),
    importedAt: z.string().max(40),
  })
  .strict();
export type ImportedFrom = z.output<typeof importedFromSchema>;

export const assessmentSchema = evidenceFieldsSchema
  .extend({
    id: z.string().min(1).max(200),
    kind: z.enum(assessmentKinds),
    ladder: frozenLadderRefSchema,
    trackId: z.string().min(1).max(200),
    levelId: z.string().min(1).max(200),
    period: periodSchema,
    status: z.enum(assessmentStatuses),
    /** 1 for the first; a reopened or re-assessed one is the next number of the same chain. */
    revision: z.number().int().min(1),
    /** The id of the first revision: every revision of one assessment shares it. */
    chainId: z.string().min(1).max(200),
    /** The revision this one was made from. */
    revisionOf: z.string().max(200).optional(),
    ratings: z.array(ratingSchema).max(2_000),
    /** An overall comment, shared with the assessment. */
    summary: z.string().max(MAX_COMMENT),
    /** The author's own notes: never exported, never in an exchange file (privacy.ts). */
    privateNotes: z.string().max(MAX_COMMENT),
    importedFrom: importedFromSchema.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().optional(),
  })
  .strict();
export type Assessment = z.output<typeof assessmentSchema>;

/** What autosave writes into a draft. */
export interface DraftPatch {
  ratings: Rating[];
  summary: string;
  privateNotes: string;
}

/** The rating map key of a reference: its criterion id, or the competency for a competency-level rating. */
export function ratingKey(ref: Pick<CriterionRef, 'competencyId' | 'criterionId'>): string {
  return ref.criterionId ?? `competency:${ref.competencyId}`;
}

export interface RatingTarget {
  key: string;
  ref: CriterionRef;
  /** The criterion's text (a criteria item), or undefined when the competency is rated as a whole. */
  text?: string;
}

export interface CompetencyTargets {
  competency: LadderCompetency;
  categoryName: string;
  scale: RatingScale;
  asks: LevelAsks;
  /** What is rated: each criterion item where the level's cell lists them, else the competency itself. */
  targets: RatingTarget[];
  /** Not applicable at this level by the ladder itself: nothing to rate. */
  ladderNotApplicable: boolean;
}

/**
 * What an assessment at `levelId` on `trackId` rates, competency by competency: the criteria the
 * level's own cell lists (or all it asks, for an incremental level without a cell of its own)
 * when there are several or they have ids in the file; the competency as a whole otherwise.
 */
export function ratingTargets(ladder: Ladder, trackId: string, levelId: string): CompetencyTargets[] {
  const categories = new Map(ladder.categories.map((c) => [c.id, c.name]));
  const scales = new Map(ladder.scales.map((s) => [s.id, s]));
  const out: CompetencyTargets[] = [];
  for (const competency of ladder.competencies) {
    if (!competency.trackIds.includes(trackId)) continue;
    const asks = levelAsks(ladder, trackId, competency.id, levelId);
    if (asks.status === 'absent') continue;
    const scale = scales.get(competency.scaleId) ?? scales.get(ladder.defaultScaleId) ?? ladder.scales[0];
    if (!scale) continue;
    const base = { ladderId: ladder.id, competencyId: competency.id, levelId };
    const ladderNotApplicable = asks.status === 'not-applicable';
    const items = asks.own.length > 0 ? asks.own : asks.all;
    const perItem = items.length > 1 || items.some((a) => a.criterion.idFrom === 'file');
    const targets: RatingTarget[] = ladderNotApplicable
      ? []
      : perItem
        ? items.map((a) => ({ key: a.criterion.id, ref: { ...base, criterionId: a.criterion.id }, text: a.criterion.text }))
        : [{ key: ratingKey(base), ref: base }];
    out.push({ competency, categoryName: categories.get(competency.categoryId) ?? '', scale, asks, targets, ladderNotApplicable });
  }
  return out;
}

/** The choices of a scale, lowest first, for a picker. */
export function scaleChoices(scale: RatingScale): { value: RatingValue; label: string; description?: string }[] {
  if (scale.kind === 'labels') return scale.steps.map((s) => ({ value: s.id, label: s.label, ...(s.description ? { description: s.description } : {}) }));
  const min = scale.min ?? 0;
  const max = scale.max ?? 5;
  const step = scale.step && scale.step > 0 ? scale.step : 1;
  const out: { value: number; label: string }[] = [];
  for (let v = min, i = 0; v <= max + 1e-9 && i < 1_000; i++, v = min + i * step) {
    const value = Math.round(v * 1e6) / 1e6;
    out.push({ value, label: String(value) });
  }
  return out;
}

/** The label of a value on a scale ("Skilled", "3"); the raw value when the scale has no such step. */
export function valueLabel(scale: RatingScale, value: RatingValue | undefined): string {
  if (value === undefined) return 'Not rated';
  if (scale.kind === 'labels') return scale.steps.find((s) => s.id === value)?.label ?? String(value);
  return String(value);
}

/** Whether `value` is a step of `scale` (or a number within its range, on its step). */
export function isOnScale(scale: RatingScale, value: RatingValue): boolean {
  return scaleChoices(scale).some((c) => c.value === value);
}

/** A rating's problem, in words, or null. */
export function ratingProblem(rating: Rating, scale: RatingScale): string | null {
  if (rating.notApplicable) return rating.notApplicable.reason.trim() ? null : 'Say why it does not apply';
  if (rating.value === undefined) return null;
  return isOnScale(scale, rating.value) ? null : `"${String(rating.value)}" is not on the ${scale.name} scale`;
}

export interface Progress {
  total: number;
  rated: number;
  notApplicable: number;
  /** Targets with neither a rating nor "not applicable". */
  open: RatingTarget[];
  /** Ratings with a problem (a missing reason, a value off the scale). */
  problems: { target: RatingTarget; message: string }[];
}

export function progressOf(ratings: readonly Rating[], competencies: readonly CompetencyTargets[]): Progress {
  const byKey = new Map(ratings.map((r) => [ratingKey(r.ref), r]));
  const progress: Progress = { total: 0, rated: 0, notApplicable: 0, open: [], problems: [] };
  for (const c of competencies) {
    for (const target of c.targets) {
      progress.total++;
      const rating = byKey.get(target.key);
      const problem = rating ? ratingProblem(rating, c.scale) : null;
      if (problem) progress.problems.push({ target, message: problem });
      if (rating?.notApplicable) progress.notApplicable++;
      else if (rating?.value !== undefined) progress.rated++;
      else progress.open.push(target);
    }
  }
  return progress;
}

/** Why an assessment cannot be finished yet, or null when it can: every target rated or not applicable, with no problem. */
export function finishProblem(progress: Progress): string | null {
  if (progress.problems.length > 0) return `${progress.problems.length} ${progress.problems.length === 1 ? 'rating needs' : 'ratings need'} attention.`;
  if (progress.open.length > 0)
    return `Rate or mark as not applicable ${progress.open.length === 1 ? 'the 1 item' : `the ${progress.open.length} items`} still open before finishing.`;
  return null;
}

/** An empty rating for a target. */
export const emptyRating = (ref: CriterionRef): Rating => ({ ref, comment: '', evidence: [] });

/** `ratings` with the rating of `ref` replaced by `patch` applied to it (added when absent), in target order is not required. */
export function updateRating(ratings: readonly Rating[], ref: CriterionRef, patch: (r: Rating) => Rating): Rating[] {
  const key = ratingKey(ref);
  const index = ratings.findIndex((r) => ratingKey(r.ref) === key);
  if (index < 0) return [...ratings, patch(emptyRating(ref))];
  return ratings.map((r, i) => (i === index ? patch(r) : r));
}

/** A rating with nothing in it is not worth storing. */
export function isBlank(r: Rating): boolean {
  return r.value === undefined && !r.notApplicable && r.comment.trim() === '' && r.evidence.length === 0;
}

export interface CarryOver {
  ratings: Rating[];
  /** Keys carried over unchanged. */
  carried: string[];
  /** Ratings left behind, with why. */
  dropped: { rating: Rating; reason: string }[];
}

/**
 * Ratings of an earlier assessment for a new one against `targets` (a newer ladder version, the
 * same or another level): a rating is carried where its criterion id (or, for a competency-level
 * rating, its competency) is still rated; a value no longer on the competency's scale is dropped
 * but its comment and evidence are kept.
 */
export function carryOverRatings(previous: readonly Rating[], competencies: readonly CompetencyTargets[], ladderId: string, levelId: string): CarryOver {
  const targets = new Map<string, { target: RatingTarget; scale: RatingScale }>();
  for (const c of competencies) for (const target of c.targets) targets.set(target.key, { target, scale: c.scale });
  const out: CarryOver = { ratings: [], carried: [], dropped: [] };
  for (const rating of previous) {
    const key = ratingKey(rating.ref);
    const found = targets.get(key);
    if (!found) {
      out.dropped.push({
        rating,
        reason: rating.ref.criterionId ? 'This criterion is not asked at this level any more.' : 'This competency is no longer rated as a whole here.',
      });
      continue;
    }
    const ref = { ...found.target.ref, ladderId, levelId };
    if (rating.value !== undefined && !isOnScale(found.scale, rating.value)) {
      const { value: _value, ...rest } = rating;
      out.ratings.push({ ...rest, ref });
      out.dropped.push({ rating, reason: `"${String(rating.value)}" is not on the ${found.scale.name} scale any more; the comment was kept.` });
      continue;
    }
    out.ratings.push({ ...rating, ref });
    out.carried.push(key);
  }
  return out;
}

export interface RatedChange {
  key: string;
  competencyId: string;
  competencyName: string;
  kind: 'removed' | 'moved' | 'reworded' | 'expects';
  before: string;
  after: string | null;
}

/**
 * What changed in the ladder since the assessment, for what it rated only: criteria that are
 * gone or whose derived id now names other text (criterionIdChanges), criteria reworded, and the
 * level's expected step per rated competency.
 */
export function ratedChanges(frozen: Ladder, current: Ladder, assessment: Pick<Assessment, 'ratings' | 'trackId' | 'levelId'>): RatedChange[] {
  const names = new Map([...frozen.competencies, ...current.competencies].map((c) => [c.id, c.name]));
  const idChanges = new Map(criterionIdChanges(frozen, current).map((c) => [c.id, c]));
  const out: RatedChange[] = [];
  const competencies = new Set<string>();
  for (const rating of assessment.ratings) {
    const { competencyId, criterionId } = rating.ref;
    competencies.add(competencyId);
    const competencyName = names.get(competencyId) ?? competencyId;
    if (!criterionId) {
      if (!current.competencies.some((c) => c.id === competencyId))
        out.push({ key: ratingKey(rating.ref), competencyId, competencyName, kind: 'removed', before: competencyName, after: null });
      continue;
    }
    const before = findCriterion(frozen, criterionId)?.criterion.text ?? criterionId;
    const change = idChanges.get(criterionId);
    if (change) {
      const now = change.nowId ? (findCriterion(current, change.nowId)?.criterion.text ?? null) : null;
      out.push({ key: criterionId, competencyId, competencyName, kind: change.kind === 'dropped' ? 'removed' : 'moved', before: change.text, after: now });
      continue;
    }
    const after = findCriterion(current, criterionId);
    if (!after) out.push({ key: criterionId, competencyId, competencyName, kind: 'removed', before, after: null });
    else if (after.criterion.text !== before)
      out.push({ key: criterionId, competencyId, competencyName, kind: 'reworded', before, after: after.criterion.text });
  }
  const expected = (ladder: Ladder, competencyId: string) => {
    const value = levelAsks(ladder, assessment.trackId, competencyId, assessment.levelId).expects;
    const competency = ladder.competencies.find((c) => c.id === competencyId);
    const scale = ladder.scales.find((s) => s.id === competency?.scaleId);
    return { value, label: value === undefined ? 'Nothing expected' : scale ? valueLabel(scale, value) : String(value) };
  };
  for (const competencyId of competencies) {
    const a = expected(frozen, competencyId);
    const b = expected(current, competencyId);
    if (a.value !== b.value) {
      out.push({
        key: `expects:${competencyId}`,
        competencyId,
        competencyName: names.get(competencyId) ?? competencyId,
        kind: 'expects',
        before: a.label,
        after: b.label,
      });
    }
  }
  return out;
}

/** The default period: the half-year that `today` is in. */
export function defaultPeriod(today: string): Period {
  const year = today.slice(0, 4);
  return Number(today.slice(5, 7)) <= 6 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}
