import { z } from 'zod';

import { frozenLadderRefSchema } from '../evidence/refs';
import { idPattern } from '../ladder/schema';
import { isoDateSchema } from './dates';

export const tracks = ['engineering', 'management', 'product', 'design', 'other'] as const;
export type Track = (typeof tracks)[number];
export const trackLabels: Record<Track, string> = {
  engineering: 'Engineering (IC)',
  management: 'Engineering management',
  product: 'Product',
  design: 'Design',
  other: 'Other',
};

const ladderPartId = z.string().min(1).max(200).regex(idPattern, 'Use an id of letters, digits, ".", "_" or "-"');

/**
 * Where a person is on a career ladder: ids from a ladder file (picked, never typed), and the
 * exact version they were placed against, so a later edit that renames or drops the level can be
 * recognised and mapped. Assessments read this shape.
 */
export const personPlacementSchema = z
  .object({
    ladderId: ladderPartId,
    trackId: ladderPartId,
    /** A level id, or a sub-level id. */
    levelId: ladderPartId,
    against: frozenLadderRefSchema,
  })
  .strict()
  .refine((p) => p.against.ladderId === p.ladderId, { message: 'The placement names a version of another ladder', path: ['against'] });
export type PersonPlacement = z.output<typeof personPlacementSchema>;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters)`)
    .transform((s) => (s === '' ? undefined : s))
    .optional();

const optionalDate = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .pipe(isoDateSchema.optional())
  .optional();

/** What a user enters for a person. Empty strings mean "not set". */
export const personInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name').max(120, 'Name is too long (at most 120 characters)'),
    email: z
      .string()
      .trim()
      .max(254, 'Email is too long')
      .transform((s) => (s === '' ? undefined : s.toLowerCase()))
      .pipe(z.email('Enter a valid email address, like alex@example.com').optional())
      .optional(),
    title: optionalText(120, 'Title'),
    track: z
      .union([z.enum(tracks), z.literal('')])
      .transform((t) => (t === '' ? undefined : t))
      .optional(),
    /** Free text from before ladders (and from HR files): kept and shown where no placement exists. */
    level: optionalText(40, 'Level'),
    /** The person's ladder, track and level; null or absent: not placed on a ladder. */
    placement: personPlacementSchema
      .nullable()
      .optional()
      .transform((p) => p ?? undefined),
    /** Where the person works (an office, a city, "Remote"), as the HR tool names it. */
    location: optionalText(120, 'Location'),
    managerId: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .transform((m) => m ?? null),
    /** The team (teams table); empty or null means none. */
    teamId: z
      .string()
      .nullable()
      .optional()
      .transform((t) => t || undefined),
    startDate: optionalDate,
    levelSince: optionalDate,
  })
  .superRefine((p, ctx) => {
    if (p.startDate && p.levelSince && p.levelSince < p.startDate) {
      ctx.addIssue({ code: 'custom', path: ['levelSince'], message: 'Level since cannot be before the start date' });
    }
  });

export type PersonInput = z.input<typeof personInputSchema>;
export type PersonFields = z.output<typeof personInputSchema>;

export const personSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string().optional(),
  title: z.string().optional(),
  track: z.enum(tracks).optional(),
  level: z.string().optional(),
  placement: personPlacementSchema.optional(),
  location: z.string().optional(),
  managerId: z.string().nullable(),
  teamId: z.string().optional(),
  startDate: z.string().optional(),
  levelSince: z.string().optional(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.output<typeof personSchema>;

/** Field → first message, for showing errors beside form fields. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : 'form';
    out[key] ??= issue.message;
  }
  return out;
}
