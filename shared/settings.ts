import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);

/** "/home/me/ladders", "C:\Users\me\ladders", "\\server\share": never a path relative to wherever main runs. */
export const isAbsolutePath = (value: string) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(value) && !value.includes('\0');

/** Settings as stored and as the renderer reads them. Each field has a default so old files keep loading. */
export const settingsSchema = z.object({
  theme: themeSchema.default('system'),
  /**
   * Set only by main, from the folder the user picked in main's own dialog (ladders:choose-folder):
   * a renderer that could set it could make Trellis read and write any folder on disk.
   */
  laddersFolder: z.string().min(1).max(4096).refine(isAbsolutePath, 'an absolute path').nullable().default(null),
  /** The user's own email: the organizer of calendar files Trellis writes. */
  userEmail: z.email().max(254).nullable().default(null),
  /** Automatic backups kept: the newest of each of the last N days, and of the last N weeks. */
  backupKeepDaily: z.number().int().min(1).max(60).default(7),
  backupKeepWeekly: z.number().int().min(0).max(52).default(4),
});
export type Settings = z.output<typeof settingsSchema>;

/** What the renderer may change (settings:set). Strict: any other field, laddersFolder included, is refused. */
export const settingsPatchSchema = z
  .object({
    theme: themeSchema,
    userEmail: z.email('Enter a valid email address, like maya@example.com').max(254, 'Email is too long').nullable(),
    backupKeepDaily: z.number().int().min(1, 'Keep at least one daily backup').max(60, 'At most 60 daily backups'),
    backupKeepWeekly: z.number().int().min(0).max(52, 'At most 52 weekly backups'),
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
