/** IPC schemas of the app domain (about the app itself); `contract.ts` merges them. */
import { z } from 'zod';

import { noInput } from './operation';

const flushRequestId = z.string().regex(/^[0-9a-f]{16,64}$/, 'a flush request id');

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

/** Something the user must hear about once, from main (e.g. settings that had to be reset). */
export const appNoticeSchema = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  message: z.string(),
});
export type AppNotice = z.output<typeof appNoticeSchema>;

export const appContract = {
  'app:info': { input: noInput, output: appInfoSchema },
  /** The notices main has for the user, each handed out once: a second call answers none. */
  'app:notices': { input: noInput, output: z.object({ notices: z.array(appNoticeSchema) }) },
  /** The renderer's answer to app:flush-requested: every pending autosave is written. */
  'app:flushed': { input: z.object({ requestId: flushRequestId }).strict(), output: z.object({ accepted: z.boolean() }) },
} as const;

export const appEventContract = {
  /**
   * Main is about to close the window or quit: save what is pending (typing not yet autosaved),
   * then answer app:flushed with the same id. Main waits a bounded time for the answer.
   */
  'app:flush-requested': z.object({ requestId: flushRequestId }),
} as const;
