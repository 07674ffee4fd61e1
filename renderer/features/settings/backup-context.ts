import type Dexie from 'dexie';

import type { MainCall } from '../../app/useMain';
import { exportInWorker, type ExportStored } from '../../db/backup-export-client';
import { DATABASE_NAME, TrellisDatabase } from '../../db/database';

/** Which database, and how the code opens it (its migrations); tests pass their own. */
export interface BackupContext {
  /** Calls main (useMainCall in the app; the real handler table in tests). */
  call: MainCall;
  databaseName: string;
  openWithCode: (name: string) => Dexie;
  /** How the stored database is read for a backup: in a worker in the app; on the calling thread when left out. */
  exportStored?: ExportStored;
}

export function defaultBackupContext(call: MainCall): BackupContext {
  return { call, databaseName: DATABASE_NAME, openWithCode: (name) => new TrellisDatabase(name), exportStored: exportInWorker };
}
