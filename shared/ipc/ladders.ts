/** IPC schemas of the ladders domain; `contract.ts` refers to these. */
import { z } from 'zod';

import { limits } from '../ladder/limits';
import { ladderSchema } from '../ladder/model';
import { idPattern } from '../ladder/schema';

export const ladderProblemSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
});

export const ladderOrigins = ['bundled', 'user'] as const;
export type LadderOrigin = (typeof ladderOrigins)[number];

/** valid; broken on disk but an earlier valid version stays in use; broken with nothing to fall back on. */
export const ladderStatuses = ['valid', 'invalid-using-last-valid', 'invalid'] as const;
export type LadderStatus = (typeof ladderStatuses)[number];

export const ladderSummarySchema = z.object({
  /** `origin:relative/path`: how the renderer names a ladder file (never a raw path). */
  key: z.string(),
  origin: z.enum(ladderOrigins),
  file: z.string(),
  id: z.string().nullable(),
  name: z.string().nullable(),
  version: z.string().nullable(),
  /** Hash of the version in use (null when none is). */
  hash: z.string().nullable(),
  /** Hash of what is on disk now (differs from `hash` while the file is broken). */
  diskHash: z.string(),
  status: z.enum(ladderStatuses),
  problems: z.array(ladderProblemSchema),
  hasDraft: z.boolean(),
  readOnly: z.boolean(),
});
export type LadderSummary = z.output<typeof ladderSummarySchema>;

/** Something about the ladders folder as a whole: it cannot be read, or it does not look like a ladders folder. */
export const folderProblemSchema = z.object({ severity: z.enum(['error', 'warning']), message: z.string() });
export type FolderProblem = z.output<typeof folderProblemSchema>;

export const ladderListSchema = z.object({
  folder: z.string(),
  bundledFolder: z.string(),
  ladders: z.array(ladderSummarySchema),
  /** Shown above the list; the shipped ladders are listed whatever happens to the user's folder. */
  folderProblems: z.array(folderProblemSchema),
});
export type LadderList = z.output<typeof ladderListSchema>;

const sourceFileSchema = z.object({ path: z.string(), text: z.string() });

export const ladderDetailSchema = z.object({
  summary: ladderSummarySchema,
  /** The version in use: the file's if it is valid, else the last valid one. */
  ladder: ladderSchema.nullable(),
  /** The files as they are on disk now: entry first, then the included ones. */
  files: z.array(sourceFileSchema),
  draft: z.string().nullable(),
});
export type LadderDetail = z.output<typeof ladderDetailSchema>;

export const saveResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), summary: ladderSummarySchema }),
  z.object({ saved: z.literal(false), problems: z.array(ladderProblemSchema) }),
]);
export type SaveResult = z.output<typeof saveResultSchema>;

/**
 * A ladder key names a top-level file main listed itself: `bundled:` or `user:` and a plain
 * YAML file name (no folder, not hidden). Main only ever looks keys up in its own list.
 */
export const ladderKeyPattern = /^(bundled|user):[^./\\\p{Cc}][^/\\\p{Cc}]{0,250}\.(ya?ml|json)$/iu;
const key = z.string().max(260).regex(ladderKeyPattern, 'a ladder key like "user:team.yaml"');
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hash');
/** The checker's size limit: a longer text is never a valid ladder. */
const ladderText = z.string().max(limits.maxBytes);
/** Ladder ids follow the ladder format's id pattern (so `..` or `a/b` never name a folder). */
const ladderId = z.string().min(1).max(80).regex(idPattern, 'a ladder id');

/**
 * How many versions of one ladder Trellis keeps: the last `recent`, plus the last one of every
 * distinct `version` value (so each release a team numbered stays comparable for good).
 */
export const VERSION_HISTORY = { recent: 20 } as const;

export const versionInfoSchema = z.object({
  ladderId: z.string(),
  hash: z.string(),
  version: z.string(),
  name: z.string(),
  firstSeen: z.string(),
  sourceKeys: z.array(z.string()),
});
export type VersionInfoDto = z.output<typeof versionInfoSchema>;

export const criteriaChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  competencyId: z.string(),
  competencyName: z.string(),
  levelId: z.string(),
  levelTitle: z.string(),
  trackIds: z.array(z.string()),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const versionDiffSchema = z.object({
  from: versionInfoSchema,
  to: versionInfoSchema,
  changes: z.array(criteriaChangeSchema),
});

export const reviewFindingSchema = z.object({
  kind: z.enum(['stale', 'no-examples', 'same-as-before', 'personality-word', 'vague-word']),
  trackId: z.string().optional(),
  competencyId: z.string().optional(),
  levelId: z.string().optional(),
  where: z.string(),
  message: z.string(),
  term: z.string().optional(),
  source: z.object({ file: z.string(), line: z.number(), column: z.number() }).optional(),
});

export const ladderReviewSchema = z.object({
  ladderId: z.string(),
  ladderName: z.string(),
  version: z.string(),
  since: z.string(),
  findings: z.array(reviewFindingSchema),
});

const cellRef = { key, trackId: z.string().min(1), competencyId: z.string().min(1), levelId: z.string().min(1) };
const since = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-01-31');

export const laddersContract = {
  'ladders:list': { input: z.undefined(), output: ladderListSchema },
  'ladders:get': { input: z.object({ key }).strict(), output: ladderDetailSchema },
  'ladders:save': { input: z.object({ key, text: ladderText, baseHash: hash.optional() }).strict(), output: saveResultSchema },
  'ladders:save-draft': { input: z.object({ key, text: ladderText }).strict(), output: z.object({ path: z.string() }) },
  'ladders:copy-to-folder': { input: z.object({ key }).strict(), output: z.object({ key: z.string() }) },
  'ladders:edit-cell': {
    input: z.object({ ...cellRef, criteria: z.string().trim().min(1, 'Criteria cannot be empty').max(100_000), baseHash: hash.optional() }).strict(),
    output: saveResultSchema,
  },
  'ladders:choose-folder': { input: z.undefined(), output: z.object({ folder: z.string().nullable() }) },
  'ladders:versions': { input: z.object({ ladderId }).strict(), output: z.array(versionInfoSchema) },
  'ladders:version-get': { input: z.object({ ladderId, hash }).strict(), output: z.object({ info: versionInfoSchema, ladder: ladderSchema }) },
  'ladders:version-diff': { input: z.object({ ladderId, from: hash, to: hash }).strict(), output: versionDiffSchema },
  'ladders:review': { input: z.object({ key, since }).strict(), output: ladderReviewSchema },
  'ladders:export-review': { input: z.object({ key, since }).strict(), output: z.object({ saved: z.boolean(), path: z.string().nullable() }) },
} as const;

export type LaddersChannel = keyof typeof laddersContract;

export const laddersEventContract = {
  'ladders:changed': z.object({ keys: z.array(z.string()) }),
} as const;
