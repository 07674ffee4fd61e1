/** IPC schemas of the packets domain: printing a packet to PDF; `contract.ts` merges them. */
import { z } from 'zod';

import { MAX_EXPORT_FILE_CHARS } from './files';

export const packetsContract = {
  /**
   * Prints a print page (self-contained HTML, see shared/packets/render.ts) to PDF in a hidden
   * window and saves it where the user chooses in main's save dialog.
   */
  'packets:save-pdf': {
    input: z
      .object({
        suggestedName: z.string().min(1).max(240),
        html: z.string().min(1).max(MAX_EXPORT_FILE_CHARS),
        title: z.string().min(1).max(200),
      })
      .strict(),
    output: z.object({ saved: z.boolean(), path: z.string().optional(), pages: z.number().int().nonnegative().optional() }),
  },
} as const;

export const packetsEventContract = {} as const;
