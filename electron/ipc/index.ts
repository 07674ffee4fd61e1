import path from 'node:path';

import type { AppInfo } from '../../shared/ipc/contract';
import { createBackupService } from '../services/backup/service';
import { createFileWriter } from '../services/file-writer';
import type { KeyValueStore } from '../services/key-value';
import { createLaddersService } from '../services/ladders/service';
import { createSettingsService } from '../services/settings';
import { isSafeExternalUrl } from '../window';
import { createAppHandlers, createShellHandlers } from './app';
import { type ChooseOpenPath, createBackupHandlers, type OpenPath } from './backup';
import type { HandlerTable } from './dispatch';
import type { EventSink } from './events';
import { type ChooseSavePath, createFileHandlers } from './files';
import { createLaddersHandlers, type LaddersHandlerDeps } from './ladders';
import { createSettingsHandlers } from './settings';

export interface MainContext {
  version: string;
  platform: string;
  userDataDir: string;
  store: KeyValueStore;
  openExternal: (url: string) => Promise<void>;
  events: EventSink;
  /** The ladders that ship with Trellis (read-only). */
  bundledLaddersDir: string;
  /** Folder chooser (ladders folder, exports of many files). */
  chooseFolder: LaddersHandlerDeps['chooseFolder'];
  /** Receives clean-up work (file watchers) to run when main shuts down. */
  onDispose?: (dispose: () => Promise<void>) => void;
  /** Save dialog for one exported file (Electron's dialog in main.ts; a temp path in tests). */
  chooseSavePath: ChooseSavePath;
  /** Open dialog for one file (restore from backup). */
  chooseOpenPath: ChooseOpenPath;
  /** Opens one of Trellis's own folders in the file manager (shell.openPath in main.ts). */
  openPath: OpenPath;
}

/**
 * The full handler table. Electron's main registers exactly this with ipcMain.handle; the
 * browser suite calls the very same table through a Playwright binding.
 */
export function createHandlerTable(ctx: MainContext): HandlerTable {
  const settings = createSettingsService(ctx.store);
  const laddersFolder = () => settings.get().laddersFolder ?? path.join(ctx.userDataDir, 'ladders');
  const ladders = createLaddersService({
    bundledDir: ctx.bundledLaddersDir,
    userDataDir: ctx.userDataDir,
    userFolder: laddersFolder,
    onChanged: (keys) => ctx.events.emit('ladders:changed', { keys }),
  });
  ctx.onDispose?.(() => ladders.close());
  const backups = createBackupService({
    userDataDir: ctx.userDataDir,
    appVersion: ctx.version,
    platform: ctx.platform,
    settings,
    laddersFolder,
    store: ctx.store,
  });
  ctx.onDispose?.(() => backups.dispose());
  const writer = createFileWriter();
  // One way to save a file: the user picks the place, the writer writes it atomically.
  const saveFile: LaddersHandlerDeps['saveFile'] = async ({ title, defaultName, content }) => {
    const target = await ctx.chooseSavePath({ title, defaultName, filters: [{ name: 'Markdown', extensions: ['md'] }] });
    return target ? writer.saveText(target, content) : null;
  };
  const info = (): AppInfo => ({
    name: 'Trellis',
    version: ctx.version,
    platform: ctx.platform,
    paths: {
      userData: ctx.userDataDir,
      settings: ctx.store.path,
      ladders: laddersFolder(),
    },
  });
  return {
    ...createAppHandlers(info),
    ...createSettingsHandlers(settings, ctx.events),
    ...createShellHandlers(ctx.openExternal, isSafeExternalUrl),
    ...createLaddersHandlers({ service: ladders, settings, events: ctx.events, chooseFolder: ctx.chooseFolder, saveFile }),
    ...createFileHandlers(writer, ctx.chooseSavePath, ctx.chooseFolder),
    ...createBackupHandlers({
      service: backups,
      events: ctx.events,
      chooseSavePath: ctx.chooseSavePath,
      chooseOpenPath: ctx.chooseOpenPath,
      openPath: ctx.openPath,
    }),
  };
}
