import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);

/** Settings the renderer may read and change. Each field has a default so old files keep loading. */
export const settingsSchema = z.object({
  theme: themeSchema.default('system'),
  laddersFolder: z.string().min(1).max(4096).nullable().default(null),
  /** Automatic backups kept: the newest of each of the last N days, and of the last N weeks. */
  backupKeepDaily: z.number().int().min(1).max(60).default(7),
  backupKeepWeekly: z.number().int().min(0).max(52).default(4),
});
export type Settings = z.output<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    theme: themeSchema,
    laddersFolder: z.string().min(1, 'Choose a folder').max(4096).nullable(),
    backupKeepDaily: z.number().int().min(1, 'Keep at least one daily backup').max(60, 'At most 60 daily backups'),
    backupKeepWeekly: z.number().int().min(0).max(52, 'At most 52 weekly backups'),
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
