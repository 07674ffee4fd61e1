/**
 * The restore waiting in main: the file checked by `inspect`, its database part handed to the
 * renderer in pieces, its files staged beside their targets once the current data is backed up,
 * then moved into place. One at a time; nothing here takes a path from the renderer.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { backupLimits, type BackupSummary } from '../../../shared/backup';
import { AppError } from '../../../shared/ipc/result';
import { type Settings, settingsSchema } from '../../../shared/settings';
import { fileError } from '../atomic-write';
import type { SettingsService } from '../settings';
import { BackupRefusedError } from './archive';
import { type RestoreFilesReport, type StagedRestore, stageRestoreFiles } from './files';
import { type OpenedBackup, readBackup } from './reader';

/** Splits text into pieces of at most `size` characters without cutting a surrogate pair. */
export function chunkText(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.length ? chunks : [''];
}

interface RestoreSession {
  id: string;
  opened: OpenedBackup;
  summary: BackupSummary;
  chunks: string[];
  safetyBackupDone: boolean;
  staged: StagedRestore | null;
  settingsPatch: Partial<Settings>;
  lastActivity: number;
}

export interface RestoreSessionOptions {
  settings: SettingsService;
  laddersFolder: () => string;
  versionsRoot: string;
  keptApartRoot: string;
  now: () => Date;
}

export function createRestoreSessions(options: RestoreSessionOptions) {
  const { now, versionsRoot, keptApartRoot } = options;
  let restore: RestoreSession | null = null;

  function restoreSession(id: string): RestoreSession {
    if (!restore || restore.id !== id) throw new AppError('not-found', 'This restore was cancelled; choose the backup again.');
    restore.lastActivity = Date.now();
    return restore;
  }

  function summarize(opened: OpenedBackup, file: string, source: BackupSummary['source'], bytes: number): BackupSummary {
    const { manifest } = opened;
    return {
      file,
      source,
      bytes,
      createdAt: manifest.createdAt,
      reason: manifest.reason,
      appVersion: manifest.app.version,
      formatVersion: manifest.formatVersion,
      database: manifest.database,
      ladderFiles: opened.ladders.length,
      ladderVersions: opened.versions.length,
      hasSettings: opened.settings !== null,
      lock: { enabled: manifest.lock.enabled },
    };
  }

  /** The backup's settings that make sense on this computer (never its ladders folder path). */
  function settingsToRestore(raw: Record<string, unknown> | null): Partial<Settings> {
    if (!raw) return {};
    const patch: Record<string, unknown> = {};
    const fields = settingsSchema.shape;
    for (const [field, value] of Object.entries(raw)) {
      if (field === 'laddersFolder' || !(field in fields)) continue;
      const parsed = fields[field as keyof typeof fields].safeParse(value);
      if (parsed.success) patch[field] = parsed.data;
    }
    return patch as Partial<Settings>;
  }

  return {
    /** Whether a restore is waiting for confirmation or under way. */
    pending: () => restore !== null,

    /** The current data is backed up: the restore may now be staged. */
    safetyBackupWritten() {
      if (restore) restore.safetyBackupDone = true;
    },

    /** A window closed half-way through a restore leaves it waiting: give its staged files up. */
    async dropIfIdleSince(limit: number) {
      if (restore && restore.lastActivity < limit) {
        await restore.staged?.abort();
        restore = null;
      }
    },

    /** Reads and checks a backup file; on success it becomes the restore waiting for confirmation. */
    async inspect(file: string, source: BackupSummary['source'], limits: { maxDatabaseVersion: number }) {
      if (restore) await restore.staged?.abort();
      restore = null;
      let data: Buffer;
      try {
        const s = await stat(file);
        if (!s.isFile()) throw new BackupRefusedError(`${path.basename(file)} is a folder, not a backup file.`);
        if (s.size > backupLimits.maxFileBytes) throw new BackupRefusedError('The file is larger than any backup Trellis makes.');
        data = await readFile(file);
      } catch (error) {
        if (error instanceof BackupRefusedError) throw new AppError('invalid-input', error.message);
        throw new AppError('io', `Trellis could not read ${path.basename(file)} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
      }
      let opened: OpenedBackup;
      try {
        opened = await readBackup(data, limits);
      } catch (error) {
        if (error instanceof BackupRefusedError) throw new AppError('invalid-input', `${path.basename(file)}: ${error.message}`);
        throw error;
      }
      const summary = summarize(opened, path.basename(file), source, data.byteLength);
      const id = randomUUID();
      restore = {
        id,
        opened,
        summary,
        chunks: chunkText(opened.databaseText, backupLimits.chunkChars),
        safetyBackupDone: false,
        staged: null,
        settingsPatch: settingsToRestore(opened.settings),
        lastActivity: Date.now(),
      };
      return { restoreId: id, summary, chunks: restore.chunks.length };
    },

    readDatabase(restoreId: string, index: number): { chunk: string; index: number; chunks: number } {
      const session = restoreSession(restoreId);
      const chunk = session.chunks[index];
      if (chunk === undefined) throw new AppError('invalid-input', `This backup's database has ${session.chunks.length} parts.`);
      return { chunk, index, chunks: session.chunks.length };
    },

    /** Writes the restore's files beside their targets; requires the safety backup first. */
    async stage(restoreId: string): Promise<RestoreFilesReport & { settings: string[] }> {
      const session = restoreSession(restoreId);
      if (!session.safetyBackupDone)
        throw new AppError('conflict', 'Trellis backs up the current data before every restore, and that backup has not been made yet.');
      await session.staged?.abort();
      try {
        session.staged = await stageRestoreFiles({
          ladders: session.opened.ladders,
          versions: session.opened.versions,
          laddersFolder: options.laddersFolder(),
          versionsRoot,
          keptApartRoot,
          stamp: `${now().toISOString().replace(/[:.]/g, '-')}`,
        });
      } catch (error) {
        session.staged = null;
        throw fileError(error, 'the ladders folder');
      }
      return { ...session.staged.report, settings: Object.keys(session.settingsPatch) };
    },

    /** After the database was replaced: moves the files into place and applies the settings. */
    async commit(restoreId: string): Promise<{ files: RestoreFilesReport; settings: Settings }> {
      const session = restoreSession(restoreId);
      if (!session.staged) throw new AppError('conflict', 'The restore was not prepared.');
      try {
        const files = await session.staged.commit();
        const settings = Object.keys(session.settingsPatch).length ? options.settings.set(session.settingsPatch) : options.settings.get();
        restore = null;
        return { files, settings };
      } catch (error) {
        throw fileError(error, 'the ladders folder');
      }
    },

    async abort(restoreId: string): Promise<void> {
      if (!restore || restore.id !== restoreId) return;
      await restore.staged?.abort();
      restore = null;
    },

    async dispose(): Promise<void> {
      if (restore) await restore.staged?.abort();
      restore = null;
    },
  };
}

export type RestoreSessions = ReturnType<typeof createRestoreSessions>;
