import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import Store from 'electron-store';

import type { ChooseOpenPath, OpenPath } from './ipc/backup';
import { createDispatcher } from './ipc/dispatch';
import { createEventSink } from './ipc/events';
import type { ChooseFolder, ChooseSavePath } from './ipc/files';
import { createHandlerTable } from './ipc/index';
import { registerIpcHandlers } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import type { KeyValueStore } from './services/key-value';
import { restorableBounds } from './services/window-state';
import { createMainWindow, denyAllPermissions, isSafeExternalUrl } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.resolve(here, '..');

// A fixed name and a fixed userData folder: IndexedDB lives there, keyed by the app:// origin.
app.setName('Trellis');
const userDataOverride = process.env.TRELLIS_USER_DATA_DIR;
app.setPath('userData', userDataOverride ? path.resolve(userDataOverride) : path.join(app.getPath('appData'), 'Trellis'));

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let mainWindow: BrowserWindow | null = null;

function electronStore(): KeyValueStore {
  const store = new Store({ name: 'settings' });
  return { get: (k) => store.get(k), set: (k, v) => store.set(k, v), path: store.path };
}

const openExternal = async (url: string) => {
  if (isSafeExternalUrl(url)) await shell.openExternal(url);
};

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

/** One existing file (a backup to restore), starting in Documents. */
const chooseOpenPath: ChooseOpenPath = async ({ title, filters }) => {
  const options = { title, defaultPath: app.getPath('documents'), filters, properties: ['openFile'] as 'openFile'[] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
};

/** Only ever called with Trellis's own folders (the handlers choose them, never the renderer). */
const openPath: OpenPath = (folder) => shell.openPath(folder);

function showWindow(store: KeyValueStore) {
  const bounds = restorableBounds(
    store.get('window'),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = createMainWindow({ BrowserWindow, openExternal }, path.join(distDir, 'preload', 'preload.cjs'), bounds);
  if (bounds?.maximized) window.maximize();
  const remember = () => {
    if (window.isDestroyed()) return;
    store.set('window', { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', remember);
  void window.loadURL(APP_ENTRY_URL);
  mainWindow = window;
  window.on('closed', () => (mainWindow = null));
}

/** Shipped ladders: inside the app's resources when packaged, the repository's ladders/ in development. */
const bundledLaddersDir = () => (app.isPackaged ? path.join(process.resourcesPath, 'ladders') : path.join(app.getAppPath(), 'ladders'));

const disposers: (() => Promise<void>)[] = [];

function registerIpc(store: KeyValueStore) {
  const handlers = createHandlerTable({
    bundledLaddersDir: bundledLaddersDir(),
    onDispose: (dispose) => void disposers.push(dispose),
    version: app.getVersion(),
    platform: process.platform,
    userDataDir: app.getPath('userData'),
    store,
    openExternal,
    chooseSavePath,
    chooseFolder,
    chooseOpenPath,
    openPath,
    events: createEventSink(
      (event, payload) => {
        for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.webContents.send(event, payload);
      },
      (message, error) => console.error(message, error),
    ),
  });
  registerIpcHandlers(
    ipcMain,
    createDispatcher(handlers, (message, error) => console.error(message, error)),
  );
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(distDir, 'renderer')));
    denyAllPermissions(session.defaultSession);
    const store = electronStore();
    registerIpc(store);
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, app.name)));
    showWindow(store);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow(store);
    });
  });

  app.on('will-quit', () => {
    for (const dispose of disposers.splice(0)) void dispose();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
