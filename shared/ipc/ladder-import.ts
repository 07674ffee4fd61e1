/**
 * IPC schemas of importing a ladder from another format. The renderer never names a path: main
 * shows the open dialog and reads the file the user picked; the draft is saved as a new file in
 * the user's ladders folder under a plain name (main picks a free one; nothing is replaced).
 */
import { z } from 'zod';

import { isPlainFileName } from '../domain/file-names';
import { limits } from '../ladder/limits';
import { ladderProblemSchema } from './ladders';

/** A source file is at most 5 MB: a spreadsheet of a whole framework is a few hundred kB. */
export const MAX_IMPORT_SOURCE_BYTES = 5 * 1024 * 1024;

export const importSourceSchema = z.object({
  /** The file's own name (no folder), for detecting its kind and naming the ladder. */
  name: z.string().max(255),
  text: z.string(),
  /** How the bytes were read (a spreadsheet saved by Excel may not be UTF-8). */
  encoding: z.string(),
  /** Set when the text does not read cleanly in any encoding: where it looks garbled. */
  warning: z.string().optional(),
});
export type ImportSource = z.output<typeof importSourceSchema>;

const ladderFileName = z
  .string()
  .min(6)
  .max(200)
  .refine((n) => isPlainFileName(n) && /\.ya?ml$/i.test(n) && !/\.draft\.ya?ml$/i.test(n), 'a plain file name ending in .yaml');

export const ladderImportContract = {
  /** Shows the open dialog; the text of the file the user picked, or `chosen: false` when they cancelled. */
  'ladder-import:open': {
    input: z.undefined(),
    output: z.discriminatedUnion('chosen', [z.object({ chosen: z.literal(false) }), z.object({ chosen: z.literal(true), source: importSourceSchema })]),
  },
  /** Checks the draft and writes it as a new file (`name`, or the first free name like it) in the user's ladders folder. */
  'ladder-import:save': {
    input: z.object({ name: ladderFileName, text: z.string().min(1).max(limits.maxBytes) }).strict(),
    output: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), key: z.string(), file: z.string() }),
      z.object({ saved: z.literal(false), problems: z.array(ladderProblemSchema) }),
    ]),
  },
  /** The name a save would use now: `name`, or `name-2.yaml` … when that one is taken. */
  'ladder-import:free-name': {
    input: z.object({ name: ladderFileName }).strict(),
    output: z.object({ name: z.string() }),
  },
} as const;

export type LadderImportChannel = keyof typeof ladderImportContract;
export const ladderImportEventContract = {} as const;
