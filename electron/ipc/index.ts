import path from 'node:path';

import type { AppInfo, AppNotice } from '../../shared/ipc/app';
import { createBackupService } from '../services/backup/service';
import { createDeviceKeys, type Keychain } from '../services/device-keys';
import { createFileWriter } from '../services/file-writer';
import type { KeyValueStore } from '../services/key-value';
import { createLaddersService } from '../services/ladders/service';
import { createReminderScheduler, type ReminderClock, type ReminderNotice } from '../services/reminders';
import { createSettingsService } from '../services/settings';
import { createStagedExports } from '../services/staged-export';
import { createAppHandlers } from './app';
import { createBackupHandlers } from './backup';
import type { ChooseFolder, ChooseOpenPath, ChooseOpenPaths, ChooseSavePath, OpenPath } from './dialogs';
import type { HandlerTable } from './dispatch';
import type { EventSink } from './events';
import { createFileHandlers, createSaveFile } from './files';
import { createFlushCoordinator, type FlushCoordinator } from './flush';
import { createLadderImportHandlers } from './ladder-import';
import { createLaddersHandlers } from './ladders';
import { createLockHandlers } from './lock';
import { createPacketsHandlers, type PrintPdf } from './packets';
import { createRemindersHandlers } from './reminders';
import { createSettingsHandlers } from './settings';
import { createShellHandlers, type OpenLink } from './shell';

export interface MainContext {
  version: string;
  platform: string;
  userDataDir: string;
  store: KeyValueStore;
  /** The one way out for a link: parsed, confirmed by the user in main's dialog, then opened (external-links.ts). */
  openLink: OpenLink;
  events: EventSink;
  /** The ladders that ship with Trellis (read-only). */
  bundledLaddersDir: string;
  /** Folder chooser (ladders folder, exports of many files). */
  chooseFolder: ChooseFolder;
  /** Receives clean-up work (file watchers) to run when main shuts down. */
  onDispose?: (dispose: () => Promise<void>) => void;
  /** Save dialog for one exported file (Electron's dialog in main.ts; a temp path in tests). */
  chooseSavePath: ChooseSavePath;
  /** Things to tell the user once (a settings file that had to be reset); app:notices hands them out. */
  notices?: AppNotice[];
  /** Waits for the renderer's app:flushed answers before a window closes (main.ts sends the requests). */
  flush?: FlushCoordinator;
  /** Open dialog for one file (restore from backup). */
  chooseOpenPath: ChooseOpenPath;
  /** Opens one of Trellis's own folders in the file manager (shell.openPath in main.ts). */
  openPath: OpenPath;
  /** Prints a print page to PDF in a hidden window (print-window.ts); absent where nothing can print. */
  printPdf?: PrintPdf;
  /** Open dialog for several files (packets for a calibration). */
  chooseOpenPaths?: ChooseOpenPaths;
  /** Shows an OS notification (Electron's Notification in main.ts; a recorder in tests). Absent: reminders are kept but not shown. */
  notify?: (notice: ReminderNotice) => void;
  /** The reminders' clock and timers (the system's unless a test moves time itself). */
  reminderClock?: ReminderClock;
  /** The system keychain (Electron's safeStorage in main.ts; a fake in tests). Absent: the key is never remembered. */
  keychain?: Keychain;
}

/**
 * The full handler table. Electron's main registers exactly this with ipcMain.handle; the
 * browser suite calls the very same table through a Playwright binding.
 */
export function createHandlerTable(ctx: MainContext): HandlerTable {
  const settings = createSettingsService(ctx.store, (next) => ctx.events.emit('settings:changed', next));
  const defaultLaddersFolder = path.join(ctx.userDataDir, 'ladders');
  const laddersFolder = () => settings.get().laddersFolder ?? defaultLaddersFolder;
  const ladders = createLaddersService({
    bundledDir: ctx.bundledLaddersDir,
    userDataDir: ctx.userDataDir,
    userFolder: laddersFolder,
    // Only Trellis's own folder is created; a chosen folder that is gone (an unplugged drive) is reported instead.
    mayCreate: (folder) => folder === path.resolve(defaultLaddersFolder),
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
  const saveFile = createSaveFile(writer, ctx.chooseSavePath);
  const staged = createStagedExports();
  ctx.onDispose?.(() => staged.dispose());
  const reminders = createReminderScheduler((notice) => ctx.notify?.(notice), ctx.reminderClock, ctx.store);
  ctx.onDispose?.(async () => reminders.dispose());
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
    ...createAppHandlers(info, ctx.notices ?? [], ctx.flush ?? createFlushCoordinator()),
    ...createSettingsHandlers(settings),
    ...createShellHandlers(ctx.openLink),
    ...createLaddersHandlers({ service: ladders, settings, chooseFolder: ctx.chooseFolder, saveFile }),
    ...createLadderImportHandlers({ service: ladders, chooseOpenPath: ctx.chooseOpenPath }),
    ...createFileHandlers(writer, saveFile, ctx.chooseFolder, staged),
    ...createPacketsHandlers({ printPdf: ctx.printPdf ?? null, writer, chooseSavePath: ctx.chooseSavePath, chooseOpenPaths: ctx.chooseOpenPaths ?? null }),
    ...createBackupHandlers({
      service: backups,
      events: ctx.events,
      chooseSavePath: ctx.chooseSavePath,
      chooseOpenPath: ctx.chooseOpenPath,
      openPath: ctx.openPath,
    }),
    ...createRemindersHandlers(reminders),
    ...createLockHandlers(createDeviceKeys({ keychain: ctx.keychain ?? null, platform: ctx.platform, userDataDir: ctx.userDataDir })),
  };
}
