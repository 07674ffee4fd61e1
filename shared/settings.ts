import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);

/** Settings the renderer may read and change. Each field has a default so old files keep loading. */
export const settingsSchema = z.object({
  theme: themeSchema.default('system'),
  laddersFolder: z.string().min(1).max(4096).nullable().default(null),
  /** The user's own email: the organizer of calendar files Trellis writes. */
  userEmail: z.email().max(254).nullable().default(null),
});
export type Settings = z.output<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    theme: themeSchema,
    laddersFolder: z.string().min(1, 'Choose a folder').max(4096).nullable(),
    userEmail: z.email('Enter a valid email address, like maya@example.com').max(254, 'Email is too long').nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
