import type Dexie from 'dexie';

import type { TrellisApi } from '../../../shared/ipc/contract';
import { DATABASE_NAME, TrellisDatabase } from '../../db/database';

export type BackupApi = Pick<
  TrellisApi,
  | 'backupStatus'
  | 'backupOpenFolder'
  | 'backupBegin'
  | 'backupAppend'
  | 'backupFinish'
  | 'backupCancel'
  | 'backupChooseRestore'
  | 'backupInspect'
  | 'backupReadDatabase'
  | 'backupRestoreStage'
  | 'backupRestoreCommit'
  | 'backupRestoreAbort'
>;

/** Which database, and how the code opens it (its migrations); tests pass their own. */
export interface BackupContext {
  api: BackupApi;
  databaseName: string;
  openWithCode: (name: string) => Dexie;
}

export function defaultBackupContext(api: BackupApi): BackupContext {
  return { api, databaseName: DATABASE_NAME, openWithCode: (name) => new TrellisDatabase(name) };
}
