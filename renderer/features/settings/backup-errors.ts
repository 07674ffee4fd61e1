import { isMainError } from '../../app/errors';
import { BackupDataError } from '../../db/backup-errors';

/** A sentence for the user about a failed backup or restore. */
export function backupErrorMessage(error: unknown, doing: 'backup' | 'restore'): string {
  if (error instanceof BackupDataError || isMainError(error)) return error.message;
  const { name, message } = typeof error === 'object' && error !== null ? (error as { name?: unknown; message?: unknown }) : {};
  if (name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message))) {
    return doing === 'restore'
      ? 'The disk is full, so Trellis could not restore the backup. Your current data is unchanged: free some space and try again.'
      : 'The disk is full, so Trellis could not make the backup. Free some space and try again.';
  }
  return doing === 'restore'
    ? `The restore did not complete, and your current data is unchanged (${typeof message === 'string' ? message : 'unknown error'}).`
    : `Trellis could not make the backup (${typeof message === 'string' ? message : 'unknown error'}).`;
}
