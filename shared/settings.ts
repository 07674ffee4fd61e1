import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);

/** Settings the renderer may read and change. Each field has a default so old files keep loading. */
export const settingsSchema = z.object({
  theme: themeSchema.default('system'),
  laddersFolder: z.string().min(1).max(4096).nullable().default(null),
});
export type Settings = z.output<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    theme: themeSchema,
    laddersFolder: z.string().min(1, 'Choose a folder').max(4096).nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
