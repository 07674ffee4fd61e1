/** IPC schemas of the files domain (exports the user saves); `contract.ts` merges them. */
import { z } from 'zod';

/** What an exported file is: its extension and the name its save dialog filter shows. */
export const fileKinds = {
  markdown: { extension: 'md', label: 'Markdown' },
  calendar: { extension: 'ics', label: 'Calendar' },
  csv: { extension: 'csv', label: 'CSV' },
  json: { extension: 'json', label: 'JSON' },
} as const;
export type FileKind = keyof typeof fileKinds;
const fileKind = z.enum(Object.keys(fileKinds) as [FileKind, ...FileKind[]]);

/** One exported file is at most 20 MB of text; one export of many files at most 200 MB in all. */
export const MAX_EXPORT_FILE_CHARS = 20_000_000;
export const MAX_EXPORT_TOTAL_BYTES = 200_000_000;

const exportText = z.string().max(MAX_EXPORT_FILE_CHARS);
const exportFileSchema = z.object({ name: z.string().min(1).max(240), content: exportText }).strict();

export const filesContract = {
  /** One file, saved where the user chooses in main's save dialog; the extension follows `kind`. */
  'files:save-text': {
    input: z
      .object({
        suggestedName: z.string().min(1).max(240),
        content: exportText,
        kind: fileKind,
        title: z.string().min(1).max(200),
      })
      .strict(),
    output: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  /** Many files into a folder the user chooses in main's dialog; never replaces a file there. */
  'files:export-folder': {
    input: z
      .object({
        title: z.string().min(1).max(200),
        kind: fileKind.default('markdown'),
        files: z.array(exportFileSchema).min(1).max(20_000),
      })
      .strict(),
    output: z.object({ saved: z.boolean(), folder: z.string().optional(), written: z.array(z.string()) }),
  },
} as const;

export const filesEventContract = {} as const;
