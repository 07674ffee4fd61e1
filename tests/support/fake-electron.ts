/**
 * A recording stand-in for the parts of Electron that electron/main.ts uses, for loading main
 * in plain Node (vi.mock('electron')). Every piece is typed by Electron's own definitions
 * (`Pick<Electron.App, …>` and so on), so a fake that takes or answers something Electron would
 * not does not compile. Calls are recorded in order in `calls`.
 */
import path from 'node:path';

import type * as Electron from 'electron';

import { createFakeKeychain } from './fake-keychain';

type Listener = (...args: never[]) => unknown;

/** Minimal event emitter for the fakes: `on`, `once`, and `emit` for the test to fire events. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  protected add(event: string, listener: Listener, once = false) {
    const wrapped = once
      ? (((...args: never[]) => {
          this.remove(event, wrapped);
          return listener(...args);
        }) as Listener)
      : listener;
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), wrapped]);
  }
  protected remove(event: string, listener: Listener) {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
  }
  /** Fires `event` as Electron would; returns what the listeners returned. */
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((l) => (l as (...a: unknown[]) => unknown)(...args));
  }
}

/** An Electron-like event whose preventDefault is recorded. */
export function fakeEvent<T extends object>(extra: T = {} as T) {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true), ...extra };
  return event;
}

export interface FakeElectronOptions {
  /** The app's folder (getAppPath): the repository, so dist/ and ladders/ are where a build puts them. */
  appPath: string;
  /** Where appData points (userData goes below it unless TRELLIS_USER_DATA_DIR says otherwise). */
  appData: string;
  /** What requestSingleInstanceLock answers: false as if another Trellis were running. */
  singleInstance?: boolean;
}

export function createFakeElectron(options: FakeElectronOptions) {
  const calls: { name: string; args: unknown[] }[] = [];
  const record = (name: string, ...args: unknown[]) => void calls.push({ name, args });
  const paths = new Map<string, string>([
    ['appData', options.appData],
    ['documents', path.join(options.appData, 'Documents')],
  ]);
  let resolveReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  class FakeApp
    extends Emitter
    implements
      Pick<
        Electron.App,
        | 'setName'
        | 'getPath'
        | 'setPath'
        | 'getAppPath'
        | 'getVersion'
        | 'enableSandbox'
        | 'requestSingleInstanceLock'
        | 'quit'
        | 'whenReady'
        | 'on'
        | 'once'
        | 'name'
        | 'isPackaged'
      >
  {
    name = 'Trellis';
    isPackaged = false;
    setName(name: string) {
      record('app.setName', name);
      this.name = name;
    }
    getPath(name: Parameters<Electron.App['getPath']>[0]): string {
      return paths.get(name) ?? path.join(options.appData, name);
    }
    setPath(name: string, value: string) {
      record('app.setPath', name, value);
      paths.set(name, value);
    }
    getAppPath() {
      return options.appPath;
    }
    getVersion() {
      return '0.0.0-fake';
    }
    enableSandbox() {
      record('app.enableSandbox');
    }
    requestSingleInstanceLock() {
      record('app.requestSingleInstanceLock');
      return options.singleInstance ?? true;
    }
    quit() {
      record('app.quit');
    }
    whenReady() {
      record('app.whenReady');
      return readyPromise;
    }
    on(event: string, listener: Listener) {
      record('app.on', event);
      this.add(event, listener);
      return this as never;
    }
    once(event: string, listener: Listener) {
      this.add(event, listener, true);
      return this as never;
    }
  }
  const app = new FakeApp();

  class FakeWebContents extends Emitter implements Pick<Electron.WebContents, 'send' | 'reload' | 'setWindowOpenHandler' | 'on'> {
    readonly sent: { channel: string; payload: unknown }[] = [];
    windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;
    send(channel: string, ...args: unknown[]) {
      record('webContents.send', channel, ...args);
      this.sent.push({ channel, payload: args[0] });
    }
    reload() {
      record('webContents.reload');
    }
    setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]) {
      this.windowOpenHandler = handler;
    }
    on(event: string, listener: Listener) {
      this.add(event, listener);
      return this as never;
    }
  }

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow
    extends Emitter
    implements
      Pick<
        Electron.BrowserWindow,
        'on' | 'once' | 'loadURL' | 'show' | 'maximize' | 'isMaximized' | 'isMinimized' | 'restore' | 'focus' | 'getNormalBounds' | 'isDestroyed' | 'close'
      >
  {
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    readonly webContents = new FakeWebContents();
    readonly options: Electron.BrowserWindowConstructorOptions;
    destroyed = false;
    minimized = false;
    loadedUrl: string | null = null;
    constructor(windowOptions: Electron.BrowserWindowConstructorOptions) {
      super();
      record('new BrowserWindow', windowOptions);
      this.options = windowOptions;
      windows.push(this);
      // Electron creates the webContents with the window and announces it.
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    on(event: string, listener: Listener) {
      this.add(event, listener);
      return this as never;
    }
    once(event: string, listener: Listener) {
      this.add(event, listener, true);
      return this as never;
    }
    async loadURL(url: string) {
      record('window.loadURL', url);
      this.loadedUrl = url;
    }
    show() {
      record('window.show');
    }
    maximize() {}
    isMaximized() {
      return false;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      record('window.restore');
      this.minimized = false;
    }
    focus() {
      record('window.focus');
    }
    getNormalBounds(): Electron.Rectangle {
      return { x: 10, y: 10, width: 1280, height: 820 };
    }
    isDestroyed() {
      return this.destroyed;
    }
    /** Like Electron: emits 'close' (which may be prevented), then 'closed'. */
    close() {
      record('window.close');
      const event = fakeEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const ipcMain = {
    handle: (channel: string, listener: (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
      record('ipcMain.handle', channel);
      handlers.set(channel, listener as (event: unknown, payload: unknown) => unknown);
    },
  } satisfies Pick<Electron.IpcMain, 'handle'>;

  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: (schemes: Electron.CustomScheme[]) => record('protocol.registerSchemesAsPrivileged', schemes),
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      record('protocol.handle', scheme);
      protocolHandlers.set(scheme, handler);
    },
  } satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

  const menus: Electron.MenuItemConstructorOptions[][] = [];
  const Menu = {
    buildFromTemplate: (template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>) => {
      menus.push(template as Electron.MenuItemConstructorOptions[]);
      return { template } as unknown as Electron.Menu;
    },
    setApplicationMenu: (menu: Electron.Menu | null) => record('Menu.setApplicationMenu', menu),
  } satisfies Pick<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu'>;

  const messageBoxes: Electron.MessageBoxOptions[] = [];
  const messageBoxAnswers: number[] = [];
  const dialog = {
    showMessageBox: async (
      first: Electron.BaseWindow | Electron.MessageBoxOptions,
      second?: Electron.MessageBoxOptions,
    ): Promise<Electron.MessageBoxReturnValue> => {
      const options = second ?? (first as Electron.MessageBoxOptions);
      messageBoxes.push(options);
      return { response: messageBoxAnswers.shift() ?? 1, checkboxChecked: false };
    },
    showSaveDialog: async (): Promise<Electron.SaveDialogReturnValue> => ({ canceled: true, filePath: '' }),
    showOpenDialog: async (): Promise<Electron.OpenDialogReturnValue> => ({ canceled: true, filePaths: [] }),
  } satisfies Pick<typeof Electron.dialog, 'showMessageBox' | 'showSaveDialog' | 'showOpenDialog'>;

  const opened: string[] = [];
  const shell = {
    openExternal: async (url: string) => {
      record('shell.openExternal', url);
      opened.push(url);
    },
  } satisfies Pick<Electron.Shell, 'openExternal'>;

  const notifications: FakeNotification[] = [];
  /** Notifications main made: their options, whether shown; `emit('click')` clicks one. */
  class FakeNotification extends Emitter implements Pick<Electron.Notification, 'on' | 'show'> {
    static supported = true;
    static isSupported() {
      return FakeNotification.supported;
    }
    readonly options: Electron.NotificationConstructorOptions;
    shown = false;
    constructor(notificationOptions: Electron.NotificationConstructorOptions) {
      super();
      record('new Notification', notificationOptions);
      this.options = notificationOptions;
      notifications.push(this);
    }
    on(event: string, listener: Listener) {
      this.add(event, listener);
      return this as never;
    }
    show() {
      record('notification.show');
      this.shown = true;
    }
  }

  /** Electron's safeStorage: a keychain that really encrypts (fake-keychain.ts). */
  const safeStorage = createFakeKeychain();

  const screen = {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] as Electron.Display[],
  } satisfies Pick<Electron.Screen, 'getAllDisplays'>;

  const permission: {
    request?: Parameters<Electron.Session['setPermissionRequestHandler']>[0];
    check?: Parameters<Electron.Session['setPermissionCheckHandler']>[0];
  } = {};
  const defaultSession = {
    setPermissionRequestHandler: (handler: Parameters<Electron.Session['setPermissionRequestHandler']>[0]) => {
      record('session.setPermissionRequestHandler');
      permission.request = handler;
    },
    setPermissionCheckHandler: (handler: Parameters<Electron.Session['setPermissionCheckHandler']>[0]) => {
      record('session.setPermissionCheckHandler');
      permission.check = handler;
    },
    setSpellCheckerEnabled: (enable: boolean) => record('session.setSpellCheckerEnabled', enable),
    webRequest: {
      onBeforeRequest: (filter: unknown) => record('session.webRequest.onBeforeRequest', filter),
    } as unknown as Electron.WebRequest,
  } satisfies Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setSpellCheckerEnabled' | 'webRequest'>;

  return {
    /** What `import … from 'electron'` gives main.ts. */
    module: {
      app,
      BrowserWindow: FakeBrowserWindow,
      ipcMain,
      protocol,
      Menu,
      dialog,
      shell,
      screen,
      session: { defaultSession },
      Notification: FakeNotification,
      safeStorage,
    },
    notifications,
    safeStorage,
    calls,
    names: () => calls.map((c) => c.name),
    app,
    windows,
    handlers,
    protocolHandlers,
    menus,
    messageBoxes,
    messageBoxAnswers,
    opened,
    permission,
    /** Electron's `ready`: resolves whenReady() and lets the microtasks after it run. */
    async ready() {
      record('ready');
      resolveReady();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
    /** Calls an ipcMain handler as the app's own page would (or `from` another origin). */
    invoke(channel: string, payload?: unknown, from = 'app://trellis/index.html') {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no ipcMain handler for ${channel}`);
      return handler({ senderFrame: { url: from } }, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
