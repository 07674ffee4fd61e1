import path from 'node:path';

import {
  app,
  type BaseWindow,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MessageBoxOptions,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import Store from 'electron-store';

import type { AppNotice } from '../shared/ipc/app';
import type { ChooseFolder, ChooseOpenPath, ChooseOpenPaths, ChooseSavePath, OpenPath } from './ipc/dialogs';
import { createDispatcher } from './ipc/dispatch';
import { createEventSink } from './ipc/events';
import { createFlushCoordinator, holdCloseUntilFlushed } from './ipc/flush';
import { createHandlerTable } from './ipc/index';
import { registerIpcHandlers } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { createPrintTarget } from './print-window';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { confirmationText, createLinkOpener, type ExternalLink } from './services/external-links';
import { type KeyValueStore, memoryStore } from './services/key-value';
import { printToPdf } from './services/pdf-print';
import type { ReminderNotice } from './services/reminders';
import { recoverSettingsFile, recoveryNotice } from './services/settings-file';
import { restorableBounds } from './services/window-state';
import { blockNetwork, createMainWindow, hardenWebContents, restrictPermissions } from './window';

const log = (message: string, error?: unknown) => console.error(message, error ?? '');

// A fixed name and a fixed userData folder: IndexedDB lives there, keyed by the app:// origin.
app.setName('Trellis');
const userDataOverride = process.env.TRELLIS_USER_DATA_DIR;
app.setPath('userData', userDataOverride ? path.resolve(userDataOverride) : path.join(app.getPath('appData'), 'Trellis'));

// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox();
// Before `ready`, or Chromium never treats app:// as a secure, standard origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

/** The built app: dist/ beside package.json (inside app.asar when packaged). */
const distDir = () => path.join(app.getAppPath(), 'dist');
const preloadPath = () => path.join(distDir(), 'preload', 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
/** Things to tell the user once, handed to the renderer by app:notices. */
const notices: AppNotice[] = [];
const flush = createFlushCoordinator();
let quitting = false;

/**
 * electron-store on settings.json, after a damaged file has been moved aside (electron-store
 * throws on one, and no window would ever open). If the store still cannot open, settings live
 * in memory for this session and the user is told.
 */
function openSettingsStore(): KeyValueStore {
  try {
    const recovery = recoverSettingsFile(path.join(app.getPath('userData'), 'settings.json'));
    if (recovery) notices.push(recoveryNotice(recovery));
  } catch (error) {
    log('The settings file could not be checked', error);
  }
  try {
    const store = new Store({ name: 'settings' });
    return { get: (k) => store.get(k), set: (k, v) => store.set(k, v), path: store.path };
  } catch (error) {
    log('The settings file could not be opened', error);
    notices.push({
      id: 'settings-unavailable',
      severity: 'error',
      title: 'Settings cannot be saved',
      message: 'Trellis could not open its settings file, so changes to settings last only until you quit.',
    });
    return memoryStore();
  }
}

/** The native confirmation every external link goes through, naming the host (punycode) and the full address. */
async function confirmLink(link: ExternalLink): Promise<boolean> {
  const text = confirmationText(link);
  const options: MessageBoxOptions = {
    type: 'question',
    title: 'Open outside Trellis',
    message: text.message,
    detail: text.detail,
    buttons: [text.button, 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const result = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return result.response === 0;
}

const openLink = createLinkOpener({ confirm: confirmLink, open: (href) => shell.openExternal(href) });

/** Export dialogs start in Documents and are attached to the window (sheets on macOS). */
const chooseSavePath: ChooseSavePath = async ({ title, defaultName, filters }) => {
  const options = { title, defaultPath: path.join(app.getPath('documents'), defaultName), filters };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
};

const chooseFolder: ChooseFolder = async ({ title, defaultPath }) => {
  const options = {
    title,
    defaultPath: defaultPath ?? app.getPath('documents'),
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
};

/** Asks a window's renderer to save what is pending, and waits for its answer (bounded). */
function flushWindow(window: BrowserWindow) {
  const sink = createEventSink((event, payload) => window.webContents.send(event, payload), log);
  return flush.request((payload) => sink.emit('app:flush-requested', payload));
}

/** View › Reload: the last keystrokes are saved before the page goes. */
function reloadAfterFlush(target: BaseWindow | undefined) {
  const window = BrowserWindow.getAllWindows().find((w) => w === target) ?? mainWindow;
  if (!window || window.isDestroyed()) return;
  void flushWindow(window).then(() => {
    if (!window.isDestroyed()) window.webContents.reload();
  });
}

/** One existing file (a backup to restore), starting in Documents. */
const chooseOpenPath: ChooseOpenPath = async ({ title, filters }) => {
  const options = { title, defaultPath: app.getPath('documents'), filters, properties: ['openFile'] as 'openFile'[] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
};

const chooseOpenPaths: ChooseOpenPaths = async ({ title, filters }) => {
  const options = { title, defaultPath: app.getPath('documents'), filters, properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
};

/** Only ever called with Trellis's own folders (the handlers choose them, never the renderer). */
const openPath: OpenPath = (folder) => shell.openPath(folder);

function showWindow(store: KeyValueStore) {
  const bounds = restorableBounds(
    store.get('window'),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = createMainWindow({ BrowserWindow }, preloadPath(), bounds);
  if (bounds?.maximized) window.maximize();
  const remember = () => {
    if (window.isDestroyed()) return;
    store.set('window', { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', remember);
  // The last keystrokes are saved before the window goes: ask the renderer, wait (bounded), then close or quit.
  holdCloseUntilFlushed(
    window,
    () => flushWindow(window),
    () => (quitting ? app.quit() : window.close()),
  );
  void window.loadURL(APP_ENTRY_URL);
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

/** Shipped ladders: inside the app's resources when packaged, the repository's ladders/ in development. */
const bundledLaddersDir = () => (app.isPackaged ? path.join(process.resourcesPath, 'ladders') : path.join(app.getAppPath(), 'ladders'));

const disposers: (() => Promise<void>)[] = [];

/** Notifications shown and not yet clicked or closed: kept so they are not collected before the user sees them. */
const shownNotices = new Set<Notification>();

/**
 * A follow-up's reminder as an OS notification, whatever the window is doing (minimised, hidden
 * in the tray). Its words are main's own (services/reminders.ts). A click brings the window
 * back and tells the renderer, which opens the inbox.
 */
function notifyFactory(send: (event: 'reminders:opened', payload: { ids: string[] }) => void) {
  return (notice: ReminderNotice) => {
    if (!Notification.isSupported()) return;
    const shown = new Notification({ title: notice.title, body: notice.body, silent: false });
    shownNotices.add(shown);
    shown.on('click', () => {
      shownNotices.delete(shown);
      if (mainWindow) {
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.show();
        mainWindow.focus();
      }
      send('reminders:opened', { ids: notice.ids });
    });
    shown.on('close', () => shownNotices.delete(shown));
    shown.show();
  };
}

function registerIpc(store: KeyValueStore) {
  const events = createEventSink((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.webContents.send(event, payload);
  }, log);
  const handlers = createHandlerTable({
    bundledLaddersDir: bundledLaddersDir(),
    onDispose: (dispose) => void disposers.push(dispose),
    version: app.getVersion(),
    platform: process.platform,
    userDataDir: app.getPath('userData'),
    store,
    openLink,
    chooseSavePath,
    chooseFolder,
    notices,
    flush,
    events,
    chooseOpenPath,
    chooseOpenPaths,
    openPath,
    printPdf: (html) => printToPdf(() => createPrintTarget({ BrowserWindow, fromPartition: (p) => session.fromPartition(p) }), html),
    notify: notifyFactory((event, payload) => events.emit(event, payload)),
    keychain: safeStorage,
  });
  registerIpcHandlers(ipcMain, createDispatcher(handlers, log));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every webContents Electron creates, not only our window's: no navigation, no new windows, links confirmed.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openLink));

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(distDir(), 'renderer')));
    restrictPermissions(session.defaultSession);
    blockNetwork(session.defaultSession);
    const store = openSettingsStore();
    registerIpc(store);
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, app.name, { reload: reloadAfterFlush })));
    showWindow(store);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow(store);
    });
  });

  // Quitting closes every window; each one flushes first, then quits again (see showWindow).
  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('will-quit', () => {
    for (const dispose of disposers.splice(0)) void dispose();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
