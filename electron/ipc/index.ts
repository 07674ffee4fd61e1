import path from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import type { KeyValueStore } from '../services/key-value';
import { createFileWriter } from '../services/file-writer';
import { createSettingsService } from '../services/settings';
import { isSafeExternalUrl } from '../window';
import { createAppHandlers, createShellHandlers } from './app';
import type { HandlerTable } from './dispatch';
import type { EventSink } from './events';
import { createFileHandlers, type ChooseFolder, type ChooseSavePath } from './files';
import { createSettingsHandlers } from './settings';

export interface MainContext {
  version: string;
  platform: string;
  userDataDir: string;
  store: KeyValueStore;
  openExternal: (url: string) => Promise<void>;
  events: EventSink;
  /** Save dialog for one exported file (Electron's dialog in main.ts; a temp path in tests). */
  chooseSavePath: ChooseSavePath;
  /** Folder chooser for exports of many files. */
  chooseFolder: ChooseFolder;
}

/**
 * The full handler table. Electron's main registers exactly this with ipcMain.handle; the
 * browser suite calls the very same table through a Playwright binding.
 */
export function createHandlerTable(ctx: MainContext): HandlerTable {
  const settings = createSettingsService(ctx.store);
  const info = (): AppInfo => ({
    name: 'Trellis',
    version: ctx.version,
    platform: ctx.platform,
    paths: {
      userData: ctx.userDataDir,
      settings: ctx.store.path,
      ladders: settings.get().laddersFolder ?? path.join(ctx.userDataDir, 'ladders'),
    },
  });
  return {
    ...createAppHandlers(info),
    ...createSettingsHandlers(settings, ctx.events),
    ...createShellHandlers(ctx.openExternal, isSafeExternalUrl),
    ...createFileHandlers(createFileWriter(), ctx.chooseSavePath, ctx.chooseFolder),
  };
}
