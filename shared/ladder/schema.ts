/**
 * The ladder FILE format: the single source of truth. `ladders/ladder.schema.json` is generated
 * from `ladderFileSchema` (npm run ladders:schema) so editors can complete and validate it.
 * Objects are strict so a typo ("critera") is reported instead of silently ignored; keys that
 * start with `x-` are the exception anywhere (metadata Trellis keeps but does not use): they are
 * set aside before validation (see extensions.ts) and allowed by the JSON Schema.
 */
import { z } from 'zod';

/** Stable identifiers: referenced from other files and from stored assessments, so keep them simple. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const id = (what: string) =>
  z
    .string()
    .regex(idPattern, `${what} id may only use letters, digits, ".", "_" and "-", and must start with a letter or digit`)
    .max(80)
    .describe(`Stable ${what} id: never change it once assessments refer to it.`);
const text = (description: string) => z.string().trim().min(1).describe(description);
const markdown = (description: string) => z.string().trim().min(1).describe(`${description} (Markdown)`);

export const progressions = ['cumulative', 'incremental', 'restated'] as const;
const progression = z
  .enum(progressions)
  .describe(
    'How levels build on each other: cumulative (each level includes the ones below), incremental (a cell lists only what is new at that level) or restated (each cell is complete)',
  );

export const linkFileSchema = z.strictObject({
  title: text('What the link points to'),
  url: text('Address of the page, e.g. https://wiki.example.com/design-docs'),
});

const examples = z.array(text('A concrete example of the behaviour')).optional().describe('Concrete, observable examples');
const links = z.array(linkFileSchema).optional().describe('Further reading');

/** One criterion of a cell: what assessments, evidence and packets point at by its id. */
export const criterionItemFileSchema = z
  .strictObject({
    id: id('criterion').optional().describe('Stable id that assessments and evidence point at; without it Trellis derives one from its position'),
    text: markdown('One criterion: something observable that someone at this level does'),
    examples,
    links,
  })
  .describe('A criterion with its own id, examples and links');

/** A cell's criteria: one Markdown text (as always) or a list of separate criteria. */
export const criteriaFileSchema = z.union([
  markdown('What someone at this level does for this competency'),
  z
    .array(z.union([markdown('One criterion'), criterionItemFileSchema]))
    .min(1)
    .describe('Separate criteria, each a text or { id, text, examples, links }'),
]);

/** One competency at one level: what is expected, with concrete examples. */
export const definedCellFileSchema = z
  .strictObject({
    criteria: criteriaFileSchema.optional().describe('What someone at this level does: a text, or a list of criteria (required unless `expects` is given)'),
    examples,
    links,
    expects: z
      .union([id('rating step'), z.number()])
      .optional()
      .describe("The step of the competency's scale expected at this level (a step id, or a number on a numeric scale)"),
    add: z.literal(true).optional().describe('Add these criteria to the cell this one would replace (from `extends` or a rank) instead of replacing it'),
  })
  .describe('Criteria for this competency at this level');

/** A competency that does not apply at a level, said explicitly (not just left out). */
export const notApplicableCellFileSchema = z
  .strictObject({
    notApplicable: z.literal(true).describe('This competency is not expected at this level'),
    reason: text('Why it does not apply').optional(),
  })
  .describe('Marks the competency as not applicable at this level');

export const cellFileSchema = z.union([definedCellFileSchema, notApplicableCellFileSchema]);

export const competencyFileSchema = z
  .strictObject({
    id: id('competency'),
    name: text('Name shown in the matrix, e.g. "Code quality"').optional(),
    description: markdown('What this competency is about').optional(),
    category: id('category').optional().describe('Id of the category this competency belongs to'),
    extends: id('competency').optional().describe('Id of a competency (often from an included file) to start from'),
    abstract: z.boolean().optional().describe('A template for `extends` only: not shown as a competency itself'),
    tracks: z.array(id('track')).optional().describe('Tracks this competency applies to (default: all)'),
    scale: id('scale').optional().describe('Rating scale used to assess it (default: the ladder default)'),
    weight: z.number().min(0).optional().describe('Relative weight in an overall assessment'),
    points: z.number().min(0).optional().describe('Points this competency is worth'),
    levels: z
      .record(z.string(), cellFileSchema)
      .optional()
      .describe('Criteria per level id. Leave a level out to inherit the level below; use notApplicable: true to say it does not apply'),
    ranks: z
      .record(z.string(), cellFileSchema)
      .optional()
      .describe('Criteria per level rank (1, 2, …): for every level with that rank, whatever its id. A cell under `levels` wins over one here'),
  })
  .describe('A competency: something assessed at every level');

export const categoryFileSchema = z.strictObject({
  id: id('category'),
  name: text('Name of the category, e.g. "Craft"'),
  description: markdown('What the category groups').optional(),
});

export const scaleStepFileSchema = z.strictObject({
  id: id('rating step'),
  label: text('Label shown when rating, e.g. "Meets"'),
  description: text('What this rating means').optional(),
  value: z.number().optional().describe('Numeric value, if ratings are averaged or compared'),
  points: z.number().min(0).optional().describe('Points a rating at this step scores (see `scoring`)'),
  signals: z.array(text('Something you see in someone at this step')).optional().describe('What someone at this step does'),
  examples: z.array(text('A concrete example')).optional().describe('Concrete examples of work at this step'),
});

/** Either labelled steps (in order, lowest first) or a numeric range. */
export const scaleFileSchema = z
  .strictObject({
    id: id('scale'),
    name: text('Name of the scale'),
    description: text('How to use the scale').optional(),
    steps: z.array(scaleStepFileSchema).optional().describe('Labelled steps, lowest first'),
    min: z.number().optional().describe('Lowest value of a numeric scale'),
    max: z.number().optional().describe('Highest value of a numeric scale'),
    step: z.number().positive().optional().describe('Increment of a numeric scale (default 1)'),
  })
  .describe('A rating scale: give either `steps` or `min` and `max`');

export const subLevelFileSchema = z.strictObject({
  id: id('sub-level'),
  title: text('Title of the sub-level').optional(),
  summary: text('How the sub-level differs').optional(),
});

export const levelFileSchema = z
  .strictObject({
    id: id('level'),
    title: text('Default title at this level, e.g. "Senior Engineer" (default: the id)').optional(),
    titles: z.record(z.string(), text('Title on that track')).optional().describe('Title per track id, when tracks name the level differently'),
    track: id('track').optional().describe('Track this level belongs to; leave out for a trunk level shared by every track'),
    rank: z.number().optional().describe('Numeric seniority, used to check order, to compare across tracks and by `ranks` cells'),
    summary: text('One or two sentences: what this level is').optional(),
    grade: z.union([z.string(), z.number()]).optional().describe('Pay grade'),
    band: z.union([z.string(), z.number()]).optional().describe('Pay band'),
    typicalTime: text('Typical time in level, e.g. "12–24 months"').optional(),
    subLevels: z.array(subLevelFileSchema).optional().describe('Steps within the level'),
  })
  .describe("A level. List levels lowest first: trunk levels, then each track's own");

export const emphasisFileSchema = z.strictObject({
  competency: id('competency'),
  note: text('Why this competency matters more on the track').optional(),
});

export const archetypeFileSchema = z.strictObject({
  id: id('archetype'),
  name: text('Name, e.g. "Tech lead"'),
  description: markdown('What this archetype focuses on').optional(),
  competencies: z.array(id('competency')).optional().describe('Competencies this archetype leans on'),
});

export const trackFileSchema = z.strictObject({
  id: id('track'),
  name: text('Name of the track, e.g. "Engineering (IC)"'),
  description: markdown('Who this track is for').optional(),
  forksAfter: id('level').optional().describe('Last trunk level on this track (default: every trunk level)'),
  progression: progression.optional().describe("How this track's levels build on each other (default: the ladder's progression)"),
  emphasis: z.array(emphasisFileSchema).optional().describe('Competencies weighted more on this track'),
  archetypes: z.array(archetypeFileSchema).optional().describe('Common shapes of the role on this track'),
});

export const changelogEntryFileSchema = z.strictObject({
  version: text('Version this entry describes'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'date should look like 2026-03-31')
    .optional()
    .describe('Date of the change (YYYY-MM-DD)'),
  summary: text('What changed, in a sentence or two'),
});

/** Snowflake-style scoring: ratings score points per step; the total maps to a level and to titles. */
export const scoringBandFileSchema = z.strictObject({
  min: z.number().describe('Lowest total in this band; the band ends where the next one starts'),
  level: id('level').describe('Level (or sub-level) a total in this band suggests'),
});

export const scoringTitleFileSchema = z.strictObject({
  title: text('Title, e.g. "Senior Engineer"'),
  track: id('track').optional().describe('Track the title belongs to (default: every track)'),
  min: z.number().describe('Lowest total for this title'),
  max: z.number().optional().describe('Highest total for this title (default: no upper limit)'),
});

export const scoringFileSchema = z
  .strictObject({
    weighted: z.boolean().optional().describe("Multiply each competency's points by its weight (default: false)"),
    bands: z.array(scoringBandFileSchema).min(1).describe('Bands of total points, lowest first'),
    titles: z.array(scoringTitleFileSchema).optional().describe('Titles per range of total points; several titles may cover the same totals'),
  })
  .describe('Points scoring: each rating scores the `points` of its scale step; the total suggests a level and titles');

const includeList = z
  .array(text('Path of a file to include, relative to this file'))
  .optional()
  .describe('Files whose scales, categories and competencies are merged into this one');

/** An included file: a library of shared pieces. It can include other files. */
export const ladderFragmentFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: id('file').optional(),
  description: markdown('What this shared file contains').optional(),
  include: includeList,
  scales: z.array(scaleFileSchema).optional(),
  categories: z.array(categoryFileSchema).optional(),
  competencies: z.array(competencyFileSchema).optional(),
});

/** A ladder file: the entry point of a ladder. */
export const ladderFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: id('ladder'),
    name: text('Name of the ladder'),
    version: text('Version of this ladder, e.g. "2.1.0"; assessments record it (default: a hash of the content)').optional(),
    description: markdown('What the ladder covers and how to read it').optional(),
    status: z.enum(['active', 'legacy']).optional().describe('legacy: kept for reference and old assessments, not for new ones (default: active)'),
    supersedes: id('ladder').optional().describe('Id of the ladder this one replaces'),
    changelog: z.array(changelogEntryFileSchema).min(1).optional().describe('What changed in each version, newest first'),
    progression: progression.optional().describe('How levels build on each other (default: cumulative)'),
    include: includeList,
    defaultScale: id('scale').optional().describe('Scale used when a competency names none (default: the first scale)'),
    scales: z.array(scaleFileSchema).optional(),
    scoring: scoringFileSchema.optional(),
    tracks: z.array(trackFileSchema).min(1),
    levels: z.array(levelFileSchema).min(1),
    categories: z.array(categoryFileSchema).optional(),
    competencies: z.array(competencyFileSchema).optional(),
  })
  .describe('A Trellis career ladder');

export type LadderFile = z.infer<typeof ladderFileSchema>;
export type LadderFragmentFile = z.infer<typeof ladderFragmentFileSchema>;
export type CompetencyFile = z.infer<typeof competencyFileSchema>;
export type CellFile = z.infer<typeof cellFileSchema>;
export type DefinedCellFile = z.infer<typeof definedCellFileSchema>;
export type CriterionItemFile = z.infer<typeof criterionItemFileSchema>;
export type LevelFile = z.infer<typeof levelFileSchema>;
export type TrackFile = z.infer<typeof trackFileSchema>;
export type ScaleFile = z.infer<typeof scaleFileSchema>;
export type CategoryFile = z.infer<typeof categoryFileSchema>;
export type ScoringFile = z.infer<typeof scoringFileSchema>;
export type Progression = (typeof progressions)[number];
