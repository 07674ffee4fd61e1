/**
 * The RESOLVED ladder: what the app works with after includes, `extends` and inheritance are
 * applied. Plain JSON data (it crosses IPC), validated by `ladderSchema`.
 */
import { z } from 'zod';

import { type Progression, progressions } from './schema';

export type { Progression };

/**
 * Where something is written: 1-based line and column, and the YAML path inside that file
 * (e.g. ["competencies", 3, "levels", "L2", "criteria"]) for the YAML Document API's getIn/setIn.
 */
const position = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
});

/** `x-<name>` keys of the file, kept as written (JSON values); present only when the file has some. */
const extensions = z.record(z.string(), z.unknown()).optional();

const link = z.object({ title: z.string(), url: z.string() });

export const ratingStepSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string().optional(),
  value: z.number().optional(),
  /** Points a rating at this step scores (points scoring). */
  points: z.number().optional(),
  signals: z.array(z.string()).optional(),
  examples: z.array(z.string()).optional(),
});

export const ratingScaleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  kind: z.enum(['labels', 'numeric']),
  /** Labelled steps, lowest first (kind "labels"). */
  steps: z.array(ratingStepSchema),
  /** Numeric range (kind "numeric"). */
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().optional(),
  /** True for the scale Trellis supplies when a ladder defines none. */
  builtIn: z.boolean().optional(),
  extensions,
});

export const subLevelSchema = z.object({ id: z.string(), title: z.string().optional(), summary: z.string().optional() });

export const ladderLevelSchema = z.object({
  id: z.string(),
  /** Default title; a track may name it differently (LadderTrack.titles). */
  title: z.string(),
  /** Track the level belongs to; undefined for a trunk level shared by every track. */
  trackId: z.string().optional(),
  rank: z.number().optional(),
  summary: z.string(),
  grade: z.string().optional(),
  band: z.string().optional(),
  typicalTime: z.string().optional(),
  subLevels: z.array(subLevelSchema),
  source: position.optional(),
  extensions,
});

export const ladderTrackSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  /** Ordered lowest first: the trunk levels on this track, then the track's own. */
  levelIds: z.array(z.string()),
  /** levelId → title on this track. */
  titles: z.record(z.string(), z.string()),
  forksAfterLevelId: z.string().optional(),
  emphasis: z.array(z.object({ competencyId: z.string(), note: z.string().optional() })),
  archetypes: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().optional(), competencyIds: z.array(z.string()) })),
  /** How this track's levels build on each other (the ladder's unless the track says otherwise). */
  progression: z.enum(progressions).optional(),
  extensions,
});

export const ladderCategorySchema = z.object({ id: z.string(), name: z.string(), description: z.string().optional(), extensions });

export const ladderCompetencySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  categoryId: z.string(),
  /** Tracks it applies to (every track when the file names none). */
  trackIds: z.array(z.string()),
  scaleId: z.string(),
  weight: z.number().optional(),
  points: z.number().optional(),
  /** Competency it was extended from, if any. */
  extendsId: z.string().optional(),
  source: position.optional(),
  extensions,
});

/**
 * One criterion of a cell. Text cells have one criterion (the whole text); a list has one per item.
 * `id` is the file's id, or derived from where the item is written (see shared/ladder/README.md):
 * `<ladder>:<competency>:<level>:<n>` or `<ladder>:<competency>:rank=<r>:<n>`.
 */
export const criterionSchema = z.object({
  id: z.string(),
  idFrom: z.enum(['file', 'derived']),
  text: z.string(),
  examples: z.array(z.string()),
  links: z.array(link),
  /** The competency whose file entry holds the item (the base competency for cells taken through `extends`). */
  writtenIn: z.object({ competencyId: z.string(), levelId: z.string().optional(), rank: z.number().optional() }),
  source: position.optional(),
  extensions,
});

export const cellStatuses = ['defined', 'inherited', 'not-applicable', 'missing'] as const;

export const resolvedCellSchema = z.object({
  trackId: z.string(),
  competencyId: z.string(),
  levelId: z.string(),
  /** defined here; inherited from a lower level on the track; explicitly not applicable; or nothing at or below. */
  status: z.enum(cellStatuses),
  /** For an inherited cell (or a not-applicable one taken from below): the level the content comes from. */
  inheritedFromLevelId: z.string().optional(),
  /** The criteria as one Markdown text: a text cell's text, or a list cell's items as a Markdown list. */
  criteria: z.string(),
  /** The cell's own examples, then each criterion's. */
  examples: z.array(z.string()),
  links: z.array(link),
  /** Why it does not apply, when the file says. */
  reason: z.string().optional(),
  /** Where this cell's criteria are in the YAML (for an inherited cell: the cell it inherits). */
  source: position.optional(),
  /** The criteria one by one, with stable ids (empty for not-applicable and missing cells). Absent in versions stored before criteria items. */
  items: z.array(criterionSchema).optional(),
  /** Step id (or number, on a numeric scale) of the competency's scale expected at this level. */
  expects: z.union([z.string(), z.number()]).optional(),
  extensions,
});

export const changelogEntrySchema = z.object({ version: z.string(), date: z.string().optional(), summary: z.string() });

export const scoringSchema = z.object({
  weighted: z.boolean(),
  /** Lowest first; a band runs from its `min` up to the next band's. */
  bands: z.array(z.object({ min: z.number(), levelId: z.string() })),
  titles: z.array(z.object({ title: z.string(), trackId: z.string().optional(), min: z.number(), max: z.number().optional() })),
});

export const ladderSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The file's `version`, or (when it has none) the first 12 hex digits of the content's sha256. */
  version: z.string(),
  versionFrom: z.enum(['file', 'content']).optional(),
  description: z.string().optional(),
  status: z.enum(['active', 'legacy']).optional(),
  supersedes: z.string().optional(),
  /** Default progression; each track says its own in `tracks[].progression`. */
  progression: z.enum(progressions).optional(),
  scoring: scoringSchema.optional(),
  extensions,
  changelog: z.array(changelogEntrySchema),
  defaultScaleId: z.string(),
  scales: z.array(ratingScaleSchema),
  tracks: z.array(ladderTrackSchema),
  /** Every level in file order: trunk levels first, then each track's own. */
  levels: z.array(ladderLevelSchema),
  categories: z.array(ladderCategorySchema),
  /** Concrete competencies in order (abstract templates are left out). */
  competencies: z.array(ladderCompetencySchema),
  /** One per track × competency (applying to the track) × level on the track. */
  cells: z.array(resolvedCellSchema),
  /** Entry file then every included file, in the order read. */
  files: z.array(z.string()),
});

export type SourcePosition = z.infer<typeof position>;
export type RatingStep = z.infer<typeof ratingStepSchema>;
export type RatingScale = z.infer<typeof ratingScaleSchema>;
export type SubLevel = z.infer<typeof subLevelSchema>;
export type LadderLevel = z.infer<typeof ladderLevelSchema>;
export type LadderTrack = z.infer<typeof ladderTrackSchema>;
export type LadderCategory = z.infer<typeof ladderCategorySchema>;
export type LadderCompetency = z.infer<typeof ladderCompetencySchema>;
export type CellStatus = (typeof cellStatuses)[number];
export type ResolvedCell = z.infer<typeof resolvedCellSchema>;
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Scoring = z.infer<typeof scoringSchema>;
export type Ladder = z.infer<typeof ladderSchema>;

export interface LadderSource {
  path: string;
  text: string;
}

/** Resolves an include relative to the including file; returns null if it cannot be read. */
export type ReadInclude = (fromPath: string, includePath: string) => LadderSource | null;

export interface LadderProblem {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  hint?: string;
}

export interface CheckOptions {
  /**
   * The version of this ladder in use before (e.g. the newest in main's version store): criteria
   * ids it had that this version drops are reported as warnings (`criterion-dropped`).
   */
  previous?: Ladder | null;
}

export interface LadderCheck {
  /** null when there is any error. */
  ladder: Ladder | null;
  problems: LadderProblem[];
  /** Entry + includes read. */
  files: string[];
}
