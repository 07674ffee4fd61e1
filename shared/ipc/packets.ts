/** IPC schemas of the packets domain: printing a packet to PDF; `contract.ts` merges them. */
import { z } from 'zod';

import { MAX_EXPORT_FILE_CHARS } from './files';

/** A calibration opens at most this many packets at once, each at most 5 MB. */
export const MAX_OPENED_PACKETS = 200;
export const MAX_PACKET_FILE_BYTES = 5_000_000;

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
  /**
   * Asks for packet files in main's open dialog (several at once) and hands back their text; a
   * file main could not read comes back with the reason instead. The renderer verifies them.
   */
  'packets:open-files': {
    input: z.undefined(),
    output: z.object({
      files: z.array(z.object({ name: z.string(), text: z.string().optional(), error: z.string().optional() }).strict()).max(MAX_OPENED_PACKETS),
    }),
  },
} as const;

export const packetsEventContract = {} as const;
