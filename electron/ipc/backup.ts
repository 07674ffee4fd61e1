import { BACKUP_EXTENSION, exportBackupName } from '../../shared/backup';
import type { BackupChannel } from '../../shared/ipc/backup';
import { AppError } from '../../shared/ipc/result';
import type { BackupService } from '../services/backup/service';
import type { ChooseOpenPath, ChooseSavePath, OpenPath } from './dialogs';
import type { PartialHandlerTable } from './dispatch';
import type { EventSink } from './events';

export type { ChooseOpenPath, OpenPath };

export interface BackupHandlerDeps {
  service: BackupService;
  events: EventSink;
  chooseSavePath: ChooseSavePath;
  chooseOpenPath: ChooseOpenPath;
  openPath: OpenPath;
  now?: () => Date;
}

const filters = [{ name: 'Trellis backup', extensions: [BACKUP_EXTENSION] }];

/**
 * Backups over IPC. The renderer never names a path: exports go where the user chose in main's
 * save dialog, restores read a file chosen in main's open dialog or one of Trellis's own backups
 * by a name main itself listed, and only main's own folders are opened.
 */
export function createBackupHandlers(deps: BackupHandlerDeps): PartialHandlerTable<BackupChannel> {
  const { service } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    'backup:status': () => service.status(),
    'backup:begin': async (request) => {
      let started: { sessionId: string } | null;
      if (request.kind === 'export') {
        const target = await deps.chooseSavePath({ title: 'Export backup', defaultName: exportBackupName(now()), filters });
        if (!target) return { started: false as const };
        started = await service.begin({ kind: 'export', path: target });
      } else {
        started = await service.begin({ kind: 'automatic', reason: request.reason });
      }
      return started ? { started: true as const, sessionId: started.sessionId } : { started: false as const };
    },
    'backup:append': ({ sessionId, chunk }) => service.append(sessionId, chunk),
    'backup:finish': async ({ sessionId, database }) => {
      const { path: _path, ...result } = await service.finish(sessionId, database);
      return result;
    },
    'backup:cancel': async ({ sessionId }) => {
      await service.cancel(sessionId);
      return { cancelled: true };
    },
    'backup:choose-restore': async ({ databaseVersion }) => {
      const file = await deps.chooseOpenPath({ title: 'Restore from backup', filters });
      if (!file) return { chosen: false as const };
      return { chosen: true as const, ...(await service.inspect(file, 'chosen', { maxDatabaseVersion: databaseVersion })) };
    },
    'backup:inspect': async ({ name, databaseVersion }) => {
      const file = await service.automaticBackupPath(name);
      if (!file) throw new AppError('not-found', `There is no backup called ${name.slice(0, 100)} in Trellis's backups folder.`);
      return { chosen: true as const, ...(await service.inspect(file, 'automatic', { maxDatabaseVersion: databaseVersion })) };
    },
    'backup:read-database': ({ restoreId, index }) => service.readDatabase(restoreId, index),
    'backup:restore-stage': ({ restoreId }) => service.stage(restoreId),
    'backup:restore-commit': async ({ restoreId }) => {
      const result = await service.commit(restoreId);
      deps.events.emit('settings:changed', result.settings);
      return result;
    },
    'backup:restore-abort': async ({ restoreId }) => {
      await service.abort(restoreId);
      return { aborted: true };
    },
    'backup:open-folder': async ({ folder }) => {
      const target = folder === 'data' ? service.folders.data : service.folders.backups;
      const problem = await deps.openPath(target);
      if (problem) throw new AppError('io', `Trellis could not open the folder: ${problem}`);
      return { opened: true };
    },
  };
}
