/** IPC schemas of the settings domain; `contract.ts` merges them. */
import { settingsPatchSchema, settingsSchema } from '../settings';
import { noInput } from './operation';

export const settingsContract = {
  'settings:get': { input: noInput, output: settingsSchema },
  'settings:set': { input: settingsPatchSchema, output: settingsSchema },
} as const;

export const settingsEventContract = {
  /** Sent by the settings service after every change, whoever made it (this window, another, main). */
  'settings:changed': settingsSchema,
} as const;
