export { type BackupContext, defaultBackupContext } from './backup-context';
export { backupErrorMessage } from './backup-errors';
/**
 * Backups between the renderer's database and main: the only module of the settings feature
 * that calls the backup IPC operations, so the transport can change in one place.
 */
import { type AutomaticReason, backupLimits, type BackupSummary, type DatabaseFacts } from '../../../shared/backup';
import type { BackupStatusDto, InspectResult, RestoreFilesReportDto } from '../../../shared/ipc/backup';
import type { Settings } from '../../../shared/settings';
import { discardUnsaved } from '../../app/unsaved';
import { BackupDataError, type DexieExport, exportHere, parseDatabaseExport, restoreDatabase, schemaOf } from '../../db/backup';
import type { BackupContext } from './backup-context';

/** Times a step of a backup or restore as a User Timing measure (`trellis:<name>`): the bench reads them. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`trellis:${name}`, { start, end: performance.now() });
  }
}

/** The database this code opens: its name, version and tables (nothing is opened). */
export function codeDatabase(ctx: BackupContext) {
  const probe = ctx.openWithCode(ctx.databaseName);
  return { name: ctx.databaseName, version: probe.verno, tables: schemaOf(probe) };
}

export interface Progress {
  label: string;
  /** 0…1 */
  fraction: number;
}

/**
 * Passes a report on only when its label or its whole percent changes: each report re-renders
 * the screen that shows it, and a large backup reports hundreds of pages and chunks.
 */
function everyPercent(onProgress?: (p: Progress) => void): (p: Progress) => void {
  let last = '';
  return (p) => {
    const key = `${p.label}|${Math.floor(p.fraction * 100)}`;
    if (key === last) return;
    last = key;
    onProgress?.(p);
  };
}

export type BackupRequest = { kind: 'export' } | { kind: 'automatic'; reason: AutomaticReason };

export interface WrittenBackup {
  file: string;
  bytes: number;
  createdAt: string;
}

/** A backup file main is writing: the database part goes in by `write`, then `finish` or `cancel`. */
interface BackupFile {
  write: (chunk: string) => Promise<void>;
  finish: (database: DatabaseFacts) => Promise<WrittenBackup>;
  /** Drops the file unless it was finished; never fails. */
  cancel: () => Promise<void>;
}

/** Starts a backup file in main; null when the user cancelled the save dialog (or a daily backup is not due). */
async function beginBackup(ctx: BackupContext, request: BackupRequest): Promise<BackupFile | null> {
  const begun = await ctx.call('backup:begin', request);
  if (!begun.started) return null;
  const { sessionId } = begun;
  let finished = false;
  return {
    write: async (chunk) => void (await ctx.call('backup:append', { sessionId, chunk })),
    finish: async (database) => {
      const written = await ctx.call('backup:finish', { sessionId, database });
      finished = true;
      return written;
    },
    cancel: async () => {
      if (!finished) await ctx.call('backup:cancel', { sessionId }).catch(() => {});
    },
  };
}

/**
 * Streams the stored database to main, which writes the file with the ladders and settings.
 * null when the user cancelled the save dialog (or a daily backup was already made today).
 */
export async function writeBackup(ctx: BackupContext, request: BackupRequest, onProgress?: (p: Progress) => void): Promise<WrittenBackup | null> {
  const file = await beginBackup(ctx, request);
  if (!file) return null;
  const exportStored = ctx.exportStored ?? exportHere;
  const report = everyPercent(onProgress);
  try {
    const facts = await step(`${request.kind === 'export' ? 'backup' : request.reason}:export`, () =>
      exportStored(ctx.databaseName, file.write, {
        chunkChars: backupLimits.chunkChars,
        onProgress: ({ phase, fraction }) =>
          report({
            label: phase === 'reading' ? 'Reading your data…' : 'Writing the backup…',
            fraction: phase === 'reading' ? fraction * 0.5 : 0.5 + fraction * 0.5,
          }),
      }),
    );
    return await step('backup:finish', () => file.finish(facts));
  } catch (error) {
    await file.cancel();
    throw error;
  }
}

export interface CheckedBackup {
  restoreId: string;
  summary: BackupSummary;
  parsed: DexieExport;
}

/**
 * The whole check before a restore is offered: main checks the file (checksums, manifest,
 * versions, files); then the database part is fetched in pieces and checked against the
 * manifest and this Trellis's schema. null when the user cancelled the open dialog.
 */
export async function checkBackup(
  ctx: BackupContext,
  source: { kind: 'chosen' } | { kind: 'automatic'; name: string },
  onProgress?: (p: Progress) => void,
): Promise<CheckedBackup | null> {
  const current = codeDatabase(ctx);
  const limits = { databaseVersion: current.version, databaseName: current.name };
  const inspected: InspectResult =
    source.kind === 'chosen' ? await ctx.call('backup:choose-restore', limits) : await ctx.call('backup:inspect', { name: source.name, ...limits });
  if (!inspected.chosen) return null;
  const { restoreId, summary, chunks } = inspected;
  const report = everyPercent(onProgress);
  try {
    const parts: string[] = [];
    await step('check:read', async () => {
      for (let index = 0; index < chunks; index++) {
        parts.push((await ctx.call('backup:read-database', { restoreId, index })).chunk);
        report({ label: 'Checking the backup…', fraction: (index + 1) / chunks });
      }
    });
    const parsed = await step('check:parse', async () => parseDatabaseExport(parts.join(''), summary.database, current));
    return { restoreId, summary, parsed };
  } catch (error) {
    await ctx.call('backup:restore-abort', { restoreId }).catch(() => {});
    throw error;
  }
}

export interface RestoreResult {
  files: RestoreFilesReportDto;
  settings: Settings;
  safetyBackup: WrittenBackup;
}

/**
 * Replaces the data with a checked backup, in one transaction: the current data is read once,
 * streamed to main as the before-restore backup while it is compared with the backup's, and
 * replaced; the transaction commits only once main has saved that backup and prepared the
 * files (main refuses to prepare them without it). Then the files are moved into place. A
 * failure before the last step leaves everything as it was.
 */
export async function restoreBackup(ctx: BackupContext, checked: CheckedBackup, onProgress?: (p: Progress) => void): Promise<RestoreResult> {
  const { restoreId } = checked;
  const report = everyPercent(onProgress);
  let databaseReplaced = false;
  let safetyFile: BackupFile | null = null;
  try {
    const file = await beginBackup(ctx, { kind: 'automatic', reason: 'before-restore' });
    if (!file) throw new BackupDataError('Trellis could not back up the current data, so nothing was restored.');
    safetyFile = file;
    // Set by the restore's `finish`, before its transaction commits.
    const saved: { backup?: WrittenBackup } = {};
    const stats = await step('restore:replace', () =>
      restoreDatabase(ctx.databaseName, checked.parsed, {
        openWithCode: ctx.openWithCode,
        onProgress: (fraction, phase) =>
          report(
            phase === 'replacing'
              ? { label: 'Backing up your current data and restoring…', fraction: fraction * 0.9 }
              : { label: 'Saving the backup of your current data…', fraction: 0.9 + fraction * 0.08 },
          ),
        safety: {
          chunkChars: backupLimits.chunkChars,
          write: file.write,
          finish: async (database) => {
            saved.backup = await file.finish(database);
            await ctx.call('backup:restore-stage', { restoreId });
          },
        },
      }),
    );
    if (!saved.backup) throw new Error('The restore committed without a backup of the current data.');
    // For the bench's verbose output: how much of the backup differed from the data it replaced.
    performance.measure(`trellis:restore:wrote ${stats.written} of ${stats.rows} rows`, { start: performance.now(), end: performance.now() });
    databaseReplaced = true;
    // Typing kept from before belongs to the data that was just replaced.
    discardUnsaved();
    const committed = await ctx.call('backup:restore-commit', { restoreId });
    report({ label: 'Restored', fraction: 1 });
    return { ...committed, safetyBackup: saved.backup };
  } catch (error) {
    await safetyFile?.cancel();
    if (!databaseReplaced) await ctx.call('backup:restore-abort', { restoreId }).catch(() => {});
    throw error;
  }
}

export async function cancelRestore(ctx: BackupContext, restoreId: string): Promise<void> {
  await ctx.call('backup:restore-abort', { restoreId }).catch(() => {});
}

export function backupStatus(ctx: BackupContext): Promise<BackupStatusDto> {
  return ctx.call('backup:status');
}

/** Main opens its own folder; the renderer only says which one. */
export async function openFolder(ctx: BackupContext, folder: 'data' | 'backups'): Promise<void> {
  await ctx.call('backup:open-folder', { folder });
}
