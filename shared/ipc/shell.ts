/** IPC schemas of the shell domain (handing things to the OS); `contract.ts` merges them. */
import { z } from 'zod';

export const shellContract = {
  /** Main asks the user first (a native dialog naming the host), then opens https: or mailto: links. */
  'shell:open-external': {
    input: z.object({ url: z.string().min(1).max(2048) }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
} as const;

export const shellEventContract = {} as const;
