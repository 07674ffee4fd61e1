/**
 * Trellis's own backups folder: which automatic backups it holds, whether today's daily one is
 * due, rotation, and temp files a cut-off backup left. Names come only from this listing.
 */
import { lstat, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

import { type BackupEntry, parseAutomaticBackupName } from '../../../shared/backup';
import { isTempFileName } from '../atomic-write';
import type { SettingsService } from '../settings';
import { backupsToRemove, localDay, SAFETY_BACKUPS_KEPT } from './rotation';

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

export function createBackupsFolder(backupsFolder: string, settings: SettingsService, now: () => Date) {
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
    const { backupKeepDaily, backupKeepWeekly } = settings.get();
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

  return { listAutomatic, dailyDue, rotate, removeStaleTemps };
}

export type BackupsFolder = ReturnType<typeof createBackupsFolder>;
