/** IPC schemas of backups and restore; `contract.ts` merges `backupContract`. */
import { z } from 'zod';

import { automaticReasons, backupEntrySchema, backupLimits, backupReasons, backupSummarySchema, databaseFactsSchema } from '../backup';
import { settingsSchema } from '../settings';

const sessionId = z.uuid();
const restoreId = z.uuid();

export const backupStatusSchema = z.object({
  dataFolder: z.string(),
  dataBytes: z.number(),
  backupsFolder: z.string(),
  backupsBytes: z.number(),
  automatic: z.array(backupEntrySchema),
  lastExport: z.object({ at: z.string(), file: z.string() }).nullable(),
  dailyDue: z.boolean(),
  keepDaily: z.number(),
  keepWeekly: z.number(),
});
export type BackupStatusDto = z.output<typeof backupStatusSchema>;

/** What the renderer's database code can open: a backup beyond this is refused as newer. */
const readerLimits = { databaseVersion: z.number().int().min(1).max(100_000), databaseName: z.string().min(1).max(200) };

export const inspectResultSchema = z.discriminatedUnion('chosen', [
  z.object({ chosen: z.literal(false) }),
  z.object({ chosen: z.literal(true), restoreId: z.string(), summary: backupSummarySchema, chunks: z.number().int().min(1) }),
]);
export type InspectResult = z.output<typeof inspectResultSchema>;

export const restoreFilesReportSchema = z.object({
  laddersFolder: z.string(),
  laddersAdded: z.array(z.string()),
  laddersUnchanged: z.number(),
  laddersKeptApart: z.array(z.string()),
  keptApartFolder: z.string().nullable(),
  versionsAdded: z.number(),
});
export type RestoreFilesReportDto = z.output<typeof restoreFilesReportSchema>;

export const backupContract = {
  /** Where data and backups live, their size, the automatic backups and whether today's is due. */
  'backup:status': { input: z.undefined(), output: backupStatusSchema },
  /**
   * Starts a backup file. `export` asks the user where to save it (main's dialog); `automatic`
   * writes into Trellis's backups folder. `started: false` when the user cancelled or a daily
   * backup was already made today.
   */
  'backup:begin': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('export') }).strict(),
      z.object({ kind: z.literal('automatic'), reason: z.enum(automaticReasons) }).strict(),
    ]),
    output: z.discriminatedUnion('started', [z.object({ started: z.literal(false) }), z.object({ started: z.literal(true), sessionId: z.string() })]),
  },
  /** One piece of the database JSON; pieces are bounded so no single message is huge. */
  'backup:append': {
    input: z.object({ sessionId, chunk: z.string().max(backupLimits.chunkChars) }).strict(),
    output: z.object({ bytes: z.number() }),
  },
  'backup:finish': {
    input: z.object({ sessionId, database: databaseFactsSchema }).strict(),
    output: z.object({ file: z.string(), bytes: z.number(), createdAt: z.string(), reason: z.enum(backupReasons) }),
  },
  'backup:cancel': { input: z.object({ sessionId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Main's open dialog, then a full check of the chosen file. */
  'backup:choose-restore': { input: z.object(readerLimits).strict(), output: inspectResultSchema },
  /** One of Trellis's own backups, by its name in `backup:status` (never a path). */
  'backup:inspect': {
    input: z.object({ name: z.string().min(1).max(200), ...readerLimits }).strict(),
    output: inspectResultSchema,
  },
  'backup:read-database': {
    input: z.object({ restoreId, index: z.number().int().min(0) }).strict(),
    output: z.object({ chunk: z.string(), index: z.number(), chunks: z.number() }),
  },
  /** Prepares the restore's files (after the safety backup); nothing visible changes yet. */
  'backup:restore-stage': {
    input: z.object({ restoreId }).strict(),
    output: restoreFilesReportSchema.extend({ settings: z.array(z.string()) }),
  },
  /** The database was replaced: put the files in place and apply the settings. */
  'backup:restore-commit': {
    input: z.object({ restoreId }).strict(),
    output: z.object({ files: restoreFilesReportSchema, settings: settingsSchema }),
  },
  'backup:restore-abort': { input: z.object({ restoreId }).strict(), output: z.object({ aborted: z.boolean() }) },
  /** Opens Trellis's own data or backups folder in the file manager. */
  'backup:open-folder': {
    input: z.object({ folder: z.enum(['data', 'backups']) }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
} as const;

export const backupEventContract = {} as const;

export type BackupChannel = keyof typeof backupContract;
