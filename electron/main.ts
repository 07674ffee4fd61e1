import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { app, BrowserWindow, dialog, ipcMain, Menu, type MessageBoxOptions, protocol, screen, session, shell } from 'electron';
import Store from 'electron-store';

import type { ChooseFolder, ChooseSavePath } from './ipc/dialogs';
import { createDispatcher } from './ipc/dispatch';
import { createEventSink } from './ipc/events';
import { createHandlerTable } from './ipc/index';
import { registerIpcHandlers } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { confirmationText, createLinkOpener, type ExternalLink } from './services/external-links';
import type { KeyValueStore } from './services/key-value';
import { restorableBounds } from './services/window-state';
import { blockNetwork, createMainWindow, hardenWebContents, restrictPermissions } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.resolve(here, '..');

// A fixed name and a fixed userData folder: IndexedDB lives there, keyed by the app:// origin.
app.setName('Trellis');
const userDataOverride = process.env.TRELLIS_USER_DATA_DIR;
app.setPath('userData', userDataOverride ? path.resolve(userDataOverride) : path.join(app.getPath('appData'), 'Trellis'));

// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let mainWindow: BrowserWindow | null = null;

function electronStore(): KeyValueStore {
  const store = new Store({ name: 'settings' });
  return { get: (k) => store.get(k), set: (k, v) => store.set(k, v), path: store.path };
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

function showWindow(store: KeyValueStore) {
  const bounds = restorableBounds(
    store.get('window'),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = createMainWindow({ BrowserWindow }, path.join(distDir, 'preload', 'preload.cjs'), bounds);
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
    openLink,
    chooseSavePath,
    chooseFolder,
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

  // Every webContents Electron creates, not only our window's: no navigation, no new windows, links confirmed.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openLink));

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(distDir, 'renderer')));
    restrictPermissions(session.defaultSession);
    blockNetwork(session.defaultSession);
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
