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

/**
 * A streamed export (files:export-begin / -chunk / -commit / -cancel) has no cap on the number of
 * files, only on each message: at most this many files and this many characters per chunk, so no
 * message is ever large. What one streamed export may put on disk in all is capped in main.
 */
export const MAX_EXPORT_CHUNK_FILES = 500;
export const MAX_EXPORT_CHUNK_CHARS = 8_000_000;
export const MAX_STREAMED_EXPORT_BYTES = 4_000_000_000;

const exportText = z.string().max(MAX_EXPORT_FILE_CHARS);
const exportFileSchema = z.object({ name: z.string().min(1).max(240), content: exportText }).strict();

/** main's token for one streamed export: 32 hex digits, never a path. */
const exportIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

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
  /**
   * Starts a streamed export of many files: main asks for the folder in its own dialog and makes a
   * staging folder inside it. `exportId` is main's random token for it; the renderer names nothing else.
   */
  'files:export-begin': {
    input: z.object({ title: z.string().min(1).max(200), kind: fileKind.default('markdown') }).strict(),
    output: z.union([z.object({ started: z.literal(false) }), z.object({ started: z.literal(true), exportId: exportIdSchema, folder: z.string() })]),
  },
  /** Some files of a started export, written into its staging folder; nothing reaches the chosen folder yet. */
  'files:export-chunk': {
    input: z
      .object({
        exportId: exportIdSchema,
        files: z
          .array(z.object({ name: z.string().min(1).max(240), content: z.string().max(MAX_EXPORT_CHUNK_CHARS) }).strict())
          .min(1)
          .max(MAX_EXPORT_CHUNK_FILES)
          .refine((files) => files.reduce((sum, f) => sum + f.content.length, 0) <= MAX_EXPORT_CHUNK_CHARS, {
            message: `One chunk of an export holds at most ${MAX_EXPORT_CHUNK_CHARS} characters.`,
          }),
      })
      .strict(),
    output: z.object({ received: z.number().int().nonnegative() }),
  },
  /** Moves every staged file into the chosen folder (none replaced), or none; the staging folder goes. */
  'files:export-commit': {
    input: z.object({ exportId: exportIdSchema }).strict(),
    output: z.object({ folder: z.string(), count: z.number().int().nonnegative() }),
  },
  /** Drops a started export: its staging folder and everything in it. Unknown ids are fine (already gone). */
  'files:export-cancel': {
    input: z.object({ exportId: exportIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;

export const filesEventContract = {} as const;
