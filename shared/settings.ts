import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);

/**
 * Who uses this Trellis: a manager (1:1s and a team's growth), an engineer keeping their own
 * growth and evidence, or a member of a calibration committee. It orders the navigation and
 * what Today offers first; null until the welcome has asked.
 */
export const userRoles = ['manager', 'engineer', 'committee'] as const;
export const userRoleSchema = z.enum(userRoles);
export type UserRole = z.output<typeof userRoleSchema>;

/** A record id as Trellis makes them (UUIDs, the sample's ids): never a path, never markup. */
export const recordIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a record id');

/** "/home/me/ladders", "C:\Users\me\ladders", "\\server\share": never a path relative to wherever main runs. */
export const isAbsolutePath = (value: string) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(value) && !value.includes('\0');

/** A time of day, "09:00". */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:00');

/**
 * When the user holds 1:1s: "Find a free slot" proposes times only inside these hours and on these
 * weekdays (1 = Monday … 7 = Sunday). One object so the end is always checked against the start.
 */
export const workingHoursSchema = z
  .object({
    start: clockTimeSchema,
    end: clockTimeSchema,
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'Pick at least one working day')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'Each day once'),
  })
  .strict()
  .refine((w) => w.end > w.start, { message: 'The working day must end after it starts', path: ['end'] });
export type WorkingHours = z.output<typeof workingHoursSchema>;
export const defaultWorkingHours: WorkingHours = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };

/** Settings as stored and as the renderer reads them. Each field has a default so old files keep loading. */
export const settingsSchema = z.object({
  theme: themeSchema.default('system'),
  /**
   * Set only by main, from the folder the user picked in main's own dialog (ladders:choose-folder):
   * a renderer that could set it could make Trellis read and write any folder on disk.
   */
  laddersFolder: z.string().min(1).max(4096).refine(isAbsolutePath, 'an absolute path').nullable().default(null),
  /**
   * The email Trellis 0.1 asked for in Settings. The user's email now comes from their person
   * ("This is me"); this is only read to fill in that person's email when the welcome creates it.
   */
  userEmail: z.email().max(254).nullable().default(null),
  userRole: userRoleSchema.nullable().default(null),
  /** "This is me": the id of the user's own person in the people table; null until chosen. */
  mePersonId: recordIdSchema.nullable().default(null),
  /** Automatic backups kept: the newest of each of the last N days, and of the last N weeks. */
  backupKeepDaily: z.number().int().min(1).max(60).default(7),
  backupKeepWeekly: z.number().int().min(0).max(52).default(4),
  /** Months in one level after which someone is flagged (stagnation); null: the ladder's typical time. */
  stagnationMonths: z.number().int().min(1).max(240).nullable().default(null),
  /** A career conversation within this many months clears the stagnation flag. */
  careerConversationMonths: z.number().int().min(1).max(36).default(6),
  workingHours: workingHoursSchema.default(defaultWorkingHours),
});
export type Settings = z.output<typeof settingsSchema>;

/** What the renderer may change (settings:set). Strict: any other field, laddersFolder included, is refused. */
export const settingsPatchSchema = z
  .object({
    theme: themeSchema,
    userEmail: z.email('Enter a valid email address, like maya@example.com').max(254, 'Email is too long').nullable(),
    backupKeepDaily: z.number().int().min(1, 'Keep at least one daily backup').max(60, 'At most 60 daily backups'),
    backupKeepWeekly: z.number().int().min(0).max(52, 'At most 52 weekly backups'),
    userRole: userRoleSchema.nullable(),
    mePersonId: recordIdSchema.nullable(),
    stagnationMonths: z.number().int().min(1, 'At least one month').max(240, 'At most 240 months').nullable(),
    careerConversationMonths: z.number().int().min(1, 'At least one month').max(36, 'At most 36 months'),
    workingHours: workingHoursSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
