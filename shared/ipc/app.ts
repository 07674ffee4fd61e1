/** IPC schemas of the app domain (about the app itself); `contract.ts` merges them. */
import { z } from 'zod';

import { noInput } from './operation';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  paths: z.object({
    userData: z.string(),
    settings: z.string(),
    ladders: z.string(),
  }),
});
export type AppInfo = z.output<typeof appInfoSchema>;

export const appContract = {
  'app:info': { input: noInput, output: appInfoSchema },
} as const;

export const appEventContract = {} as const;
