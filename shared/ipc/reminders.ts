/**
 * IPC schemas of the reminders domain: OS notifications when a feedback follow-up falls due,
 * scheduled in main so they fire while the window is minimised or closed to the tray.
 * `contract.ts` merges them.
 *
 * What a reminder may say is fixed here, not by the renderer: main writes the notification's
 * words itself from a day and, at most, a person's name. There is no field for free text, so a
 * follow-up's note, its outcome or its feedback can never reach a notification; the renderer
 * sends `person: null` for a private follow-up, so even the name stays out.
 */
import { z } from 'zod';

import { isoDateSchema } from '../domain/dates';

export const MAX_REMINDERS = 2_000;

export const reminderSchema = z
  .object({
    id: z.string().min(1).max(200),
    /** The day it falls due; the notification comes that morning (or at once when that is past). */
    due: isoDateSchema,
    /** The person's name when the follow-up is shareable, else null. */
    person: z.string().min(1).max(120).nullable(),
  })
  .strict();
export type Reminder = z.output<typeof reminderSchema>;

export const remindersContract = {
  /** Replaces every scheduled reminder with these (the open follow-ups); answers how many are still to come. */
  'reminders:schedule': {
    input: z.object({ reminders: z.array(reminderSchema).max(MAX_REMINDERS) }).strict(),
    output: z.object({ upcoming: z.number().int().min(0) }),
  },
} as const;

export const remindersEventContract = {
  /** The user clicked a reminder's notification: the window is in front, the renderer opens the inbox. */
  'reminders:opened': z.object({ ids: z.array(z.string()).max(MAX_REMINDERS) }),
} as const;
