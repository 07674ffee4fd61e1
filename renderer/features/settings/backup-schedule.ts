/**
 * Automatic backups the renderer starts (main cannot read IndexedDB): one before the database
 * is upgraded to a newer schema, and one a day while Trellis is open. Main decides whether a
 * daily one is due and where it goes.
 */
import { declaredVersion, storedVersion } from '../../db/versions';
import type { writeBackup as WriteBackup } from './backup-actions';
import type { BackupContext } from './backup-context';
import { backupErrorMessage } from './backup-errors';

/** The export library loads only when a backup is really made, not with the first screen. */
const writeBackup: typeof WriteBackup = async (...args) => (await import('./backup-actions')).writeBackup(...args);

let lastError: string | null = null;

/** Why the last automatic backup failed (shown in Settings), or null. */
export function lastAutomaticBackupError(): string | null {
  return lastError;
}

/**
 * Backs up the stored database, as stored, when the code is about to upgrade it: the stored
 * version is older than the one the code declares. Must run before anything opens the database
 * with the new schema. Resolves to whether a backup was made; throws when it failed.
 */
export async function backupBeforeUpgrade(ctx: BackupContext): Promise<boolean> {
  const stored = await storedVersion(ctx.databaseName);
  const code = declaredVersion(ctx.openWithCode(ctx.databaseName));
  if (stored === null || stored >= code) return false;
  await writeBackup(ctx, { kind: 'automatic', reason: 'before-upgrade' });
  return true;
}

/** One daily backup while the app is used: checked shortly after start, then every hour. */
export function startDailyBackups(ctx: BackupContext, options: { firstCheckMs?: number; everyMs?: number } = {}): () => void {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      await writeBackup(ctx, { kind: 'automatic', reason: 'daily' });
      lastError = null;
    } catch (error) {
      lastError = backupErrorMessage(error, 'backup');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void check(), options.firstCheckMs ?? 15_000);
  const every = setInterval(() => void check(), options.everyMs ?? 60 * 60 * 1000);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
