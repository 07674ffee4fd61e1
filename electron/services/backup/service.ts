/**
 * Backups in main: writes the file the renderer streams the database into (plus the ladders
 * folder, the ladder version store and the settings), keeps Trellis's own backups folder rotated,
 * and checks a backup before a restore. Plain Node: the dialogs and the shell are passed in by
 * the IPC handlers, and no path ever comes from the renderer.
 */
import { randomUUID } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

import {
  automaticBackupName,
  type AutomaticReason,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupEntry,
  backupLimits,
  type BackupManifest,
  type BackupPart,
  type BackupReason,
  type BackupSummary,
  type DatabaseFacts,
  parseAutomaticBackupName,
} from '../../../shared/backup';
import { AppError } from '../../../shared/ipc/result';
import { type Settings, settingsSchema } from '../../../shared/settings';
import { fileError, isTempFileName } from '../atomic-write';
import type { KeyValueStore } from '../key-value';
import type { SettingsService } from '../settings';
import { type ArchiveWriter, BackupRefusedError, createArchiveWriter, type PartStream } from './archive';
import { collectLadderFiles, collectVersionFiles, type RestoreFilesReport, type StagedRestore, stageRestoreFiles } from './files';
import { DATABASE_PATH, LADDERS_PREFIX, MANIFEST_PATH, type OpenedBackup, readBackup, SETTINGS_PATH, VERSIONS_PREFIX } from './reader';
import { backupsToRemove, localDay, SAFETY_BACKUPS_KEPT } from './rotation';

export interface BackupServiceOptions {
  userDataDir: string;
  appVersion: string;
  platform: string;
  settings: SettingsService;
  /** The user's ladders folder as the settings say now. */
  laddersFolder: () => string;
  store: KeyValueStore;
  now?: () => Date;
}

export interface LastExport {
  at: string;
  file: string;
}

export interface BackupStatus {
  dataFolder: string;
  dataBytes: number;
  backupsFolder: string;
  backupsBytes: number;
  automatic: BackupEntry[];
  lastExport: LastExport | null;
  dailyDue: boolean;
  keepDaily: number;
  keepWeekly: number;
}

export type BackupTarget = { kind: 'export'; path: string } | { kind: 'automatic'; reason: AutomaticReason };

interface WriteSession {
  id: string;
  target: BackupTarget;
  createdAt: Date;
  writer: ArchiveWriter;
  database: PartStream;
  /** A high surrogate that ended the last chunk, joined to the next one. */
  carry: string;
  bytes: number;
  lastActivity: number;
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

const IDLE_SESSION_MS = 10 * 60 * 1000;
const MAX_WRITE_SESSIONS = 3;
const encoder = new TextEncoder();

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

/** Bytes used by a folder and everything in it (links are not followed). */
export async function folderSize(folder: string, limit = 200_000): Promise<number> {
  let total = 0;
  let seen = 0;
  async function walk(dir: string) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++seen > limit) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile())
        total += await lstat(full).then(
          (s) => s.size,
          () => 0,
        );
    }
  }
  await walk(folder);
  return total;
}

export function createBackupService(options: BackupServiceOptions) {
  const now = options.now ?? (() => new Date());
  const backupsFolder = path.join(options.userDataDir, 'backups');
  const versionsRoot = path.join(options.userDataDir, 'ladder-versions');
  const keptApartRoot = path.join(options.userDataDir, 'restored-ladders');
  const writes = new Map<string, WriteSession>();
  let restore: RestoreSession | null = null;

  async function listAutomatic(): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(backupsFolder);
    } catch {
      return [];
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      const parsed = parseAutomaticBackupName(name);
      if (!parsed) continue;
      const size = await stat(path.join(backupsFolder, name)).then(
        (s) => (s.isFile() ? s.size : -1),
        () => -1,
      );
      if (size >= 0) entries.push({ name, ...parsed, bytes: size });
    }
    return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  }

  async function dailyDue(): Promise<boolean> {
    const today = localDay(now().toISOString());
    return !(await listAutomatic()).some((e) => localDay(e.createdAt) === today);
  }

  async function rotate(): Promise<void> {
    const { backupKeepDaily, backupKeepWeekly } = options.settings.get();
    const remove = backupsToRemove(await listAutomatic(), { keepDaily: backupKeepDaily, keepWeekly: backupKeepWeekly, keepSafety: SAFETY_BACKUPS_KEPT });
    await Promise.all(remove.map((name) => unlink(path.join(backupsFolder, name)).catch(() => {})));
  }

  /** Temp files left by a backup that was cut off (the app quit or crashed meanwhile). */
  async function removeStaleTemps(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(backupsFolder);
    } catch {
      return;
    }
    const cutoff = now().getTime() - 24 * 3600 * 1000;
    for (const name of names) {
      if (!isTempFileName(name)) continue;
      const file = path.join(backupsFolder, name);
      const s = await stat(file).catch(() => null);
      if (s && s.mtimeMs < cutoff) await unlink(file).catch(() => {});
    }
  }

  async function dropIdleSessions() {
    const limit = Date.now() - IDLE_SESSION_MS;
    // A window closed half-way through a restore leaves it waiting: give its staged files up.
    if (restore && restore.lastActivity < limit) {
      await restore.staged?.abort();
      restore = null;
    }
    for (const session of [...writes.values()]) {
      if (session.lastActivity < limit) {
        writes.delete(session.id);
        await session.writer.abort();
      }
    }
  }

  function writeSession(id: string): WriteSession {
    const session = writes.get(id);
    if (!session) throw new AppError('not-found', 'This backup was cancelled or has already finished.');
    session.lastActivity = Date.now();
    return session;
  }

  async function abortWrite(session: WriteSession) {
    writes.delete(session.id);
    await session.writer.abort();
  }

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
    folders: { data: options.userDataDir, backups: backupsFolder },

    async status(): Promise<BackupStatus> {
      await removeStaleTemps();
      await dropIdleSessions();
      const settings = options.settings.get();
      const [automatic, dataBytes, backupsBytes] = await Promise.all([listAutomatic(), folderSize(options.userDataDir), folderSize(backupsFolder)]);
      const stored = options.store.get('lastBackupExport') as LastExport | undefined;
      return {
        dataFolder: options.userDataDir,
        dataBytes,
        backupsFolder,
        backupsBytes,
        automatic,
        lastExport: stored && typeof stored.at === 'string' && typeof stored.file === 'string' ? stored : null,
        dailyDue: !automatic.some((e) => localDay(e.createdAt) === localDay(now().toISOString())),
        keepDaily: settings.backupKeepDaily,
        keepWeekly: settings.backupKeepWeekly,
      };
    },

    dailyDue,
    listAutomatic,

    /** Starts a backup file; null when an automatic daily backup is not due. */
    async begin(target: BackupTarget): Promise<{ sessionId: string } | null> {
      await dropIdleSessions();
      if (target.kind === 'automatic' && target.reason === 'daily' && !(await dailyDue())) return null;
      // A restore waiting for confirmation or under way: the daily backup waits for the next hourly
      // check rather than read the data beside the restore's own backup of it (and slow both).
      if (target.kind === 'automatic' && target.reason === 'daily' && restore) return null;
      if (target.kind === 'automatic' && target.reason === 'before-restore' && !restore) {
        throw new AppError('conflict', 'There is no restore waiting for a backup of the current data.');
      }
      if (writes.size >= MAX_WRITE_SESSIONS) throw new AppError('conflict', 'Several backups are already being written. Wait for them to finish.');
      const folder = target.kind === 'export' ? path.dirname(target.path) : backupsFolder;
      try {
        await mkdir(folder, { recursive: true });
        const writer = await createArchiveWriter(folder, now);
        const database = await writer.beginPart(DATABASE_PATH);
        const id = randomUUID();
        writes.set(id, { id, target, createdAt: now(), writer, database, carry: '', bytes: 0, lastActivity: Date.now() });
        return { sessionId: id };
      } catch (error) {
        throw fileError(error, target.kind === 'export' ? path.basename(target.path) : 'the backups folder');
      }
    },

    async append(sessionId: string, chunk: string): Promise<{ bytes: number }> {
      const session = writeSession(sessionId);
      let text = session.carry + chunk;
      session.carry = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        session.carry = text.slice(-1);
        text = text.slice(0, -1);
      }
      const data = encoder.encode(text);
      session.bytes += data.byteLength;
      if (session.bytes > backupLimits.maxFileBytes) {
        await abortWrite(session);
        throw new AppError('invalid-input', 'The data is larger than a backup can hold.');
      }
      try {
        await session.database.write(data);
      } catch (error) {
        await abortWrite(session);
        throw fileError(error, 'the backup file');
      }
      return { bytes: session.bytes };
    },

    async finish(sessionId: string, facts: DatabaseFacts): Promise<{ file: string; path: string; bytes: number; createdAt: string; reason: BackupReason }> {
      const session = writeSession(sessionId);
      writes.delete(sessionId);
      const { writer, target, createdAt } = session;
      const reason: BackupReason = target.kind === 'export' ? 'manual' : target.reason;
      try {
        if (session.carry) await session.database.write(encoder.encode(session.carry));
        const parts: BackupPart[] = [{ ...(await session.database.end()), kind: 'database' }];
        const laddersFolder = options.laddersFolder();
        const ladders = await collectLadderFiles(laddersFolder);
        for (const file of ladders.files) parts.push({ ...(await writer.addPart(`${LADDERS_PREFIX}${file.path}`, file.data)), kind: 'ladder' });
        for (const file of await collectVersionFiles(versionsRoot)) {
          parts.push({ ...(await writer.addPart(`${VERSIONS_PREFIX}${file.path}`, file.data)), kind: 'ladder-version' });
        }
        parts.push({ ...(await writer.addPart(SETTINGS_PATH, encoder.encode(JSON.stringify(options.settings.get(), null, 2)))), kind: 'settings' });
        const manifest: BackupManifest = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          createdAt: createdAt.toISOString(),
          reason,
          app: { name: 'Trellis', version: options.appVersion, platform: options.platform },
          database: facts,
          ladders: { folder: laddersFolder, files: ladders.files.length, skipped: ladders.skipped },
          // The passphrase lock keeps its key ring (wrapped keys, key check) as one row of the
          // `keyring` table, inside the database part: the rows stay encrypted as stored.
          lock: { enabled: facts.tables.some((t) => t.name === 'keyring' && t.rows > 0) },
          parts,
        };
        await writer.addPart(MANIFEST_PATH, encoder.encode(JSON.stringify(manifest, null, 2)));
        const file = target.kind === 'export' ? target.path : path.join(backupsFolder, automaticBackupName(createdAt, target.reason));
        const { bytes } = await writer.commit(file);
        if (target.kind === 'export') options.store.set('lastBackupExport', { at: createdAt.toISOString(), file } satisfies LastExport);
        else await rotate();
        if (reason === 'before-restore' && restore) restore.safetyBackupDone = true;
        return { file: path.basename(file), path: file, bytes, createdAt: createdAt.toISOString(), reason };
      } catch (error) {
        await writer.abort();
        throw fileError(error, target.kind === 'export' ? path.basename(target.path) : 'the backups folder');
      }
    },

    async cancel(sessionId: string): Promise<void> {
      const session = writes.get(sessionId);
      if (session) await abortWrite(session);
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

    /** The path of one of Trellis's own backups, by a name from its own listing; null otherwise. */
    async automaticBackupPath(name: string): Promise<string | null> {
      const entry = (await listAutomatic()).find((e) => e.name === name);
      return entry ? path.join(backupsFolder, entry.name) : null;
    },

    async dispose(): Promise<void> {
      for (const session of [...writes.values()]) await abortWrite(session);
      if (restore) await restore.staged?.abort();
      restore = null;
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
