/**
 * Backups in main: writes the file the renderer streams the database into (plus the ladders
 * folder, the ladder version store and the settings), keeps Trellis's own backups folder rotated,
 * and checks a backup before a restore. Plain Node: the dialogs and the shell are passed in by
 * the IPC handlers, and no path ever comes from the renderer. The parts: folder.ts (the backups
 * folder), write-session.ts (files being written), restore-session.ts (the restore waiting).
 */
import path from 'node:path';

import type { AutomaticReason, BackupEntry } from '../../../shared/backup';
import type { KeyValueStore } from '../key-value';
import type { SettingsService } from '../settings';
import { createBackupsFolder, folderSize } from './folder';
import { createRestoreSessions } from './restore-session';
import { localDay } from './rotation';
import { createWriteSessions } from './write-session';

export { chunkText } from './restore-session';
export { folderSize };

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

const IDLE_SESSION_MS = 10 * 60 * 1000;

export function createBackupService(options: BackupServiceOptions) {
  const now = options.now ?? (() => new Date());
  const backupsFolder = path.join(options.userDataDir, 'backups');
  const versionsRoot = path.join(options.userDataDir, 'ladder-versions');
  const folder = createBackupsFolder(backupsFolder, options.settings, now);
  const restores = createRestoreSessions({
    settings: options.settings,
    laddersFolder: options.laddersFolder,
    versionsRoot,
    keptApartRoot: path.join(options.userDataDir, 'restored-ladders'),
    now,
  });
  const writes = createWriteSessions({ ...options, backupsFolder, versionsRoot, folder, restores, now });

  async function dropIdleSessions() {
    const limit = Date.now() - IDLE_SESSION_MS;
    await restores.dropIfIdleSince(limit);
    await writes.dropIdleSince(limit);
  }

  return {
    folders: { data: options.userDataDir, backups: backupsFolder },

    async status(): Promise<BackupStatus> {
      await folder.removeStaleTemps();
      await dropIdleSessions();
      const settings = options.settings.get();
      const [automatic, dataBytes, backupsBytes] = await Promise.all([folder.listAutomatic(), folderSize(options.userDataDir), folderSize(backupsFolder)]);
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

    dailyDue: folder.dailyDue,
    listAutomatic: folder.listAutomatic,

    /** Starts a backup file; null when an automatic daily backup is not due. */
    async begin(target: BackupTarget): Promise<{ sessionId: string } | null> {
      await dropIdleSessions();
      return writes.begin(target);
    },
    append: writes.append,
    finish: writes.finish,
    cancel: writes.cancel,

    inspect: restores.inspect,
    readDatabase: restores.readDatabase,
    stage: restores.stage,
    commit: restores.commit,
    abort: restores.abort,

    /** The path of one of Trellis's own backups, by a name from its own listing; null otherwise. */
    async automaticBackupPath(name: string): Promise<string | null> {
      const entry = (await folder.listAutomatic()).find((e) => e.name === name);
      return entry ? path.join(backupsFolder, entry.name) : null;
    },

    async dispose(): Promise<void> {
      await writes.dispose();
      await restores.dispose();
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
