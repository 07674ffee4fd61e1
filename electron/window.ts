import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents, WebPreferences } from 'electron';

import { APP_ORIGIN } from './protocol';
import type { WindowBounds } from './services/window-state';

/** The only web preferences any Trellis window gets. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

export function mainWindowOptions(preload: string, bounds: WindowBounds | null): BrowserWindowConstructorOptions {
  return {
    title: 'Trellis',
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 820,
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#f7f7f8',
    webPreferences: secureWebPreferences(preload),
  };
}

const MAX_EXTERNAL_URL = 2048;

/** Links the OS browser or mail client may open: http(s) and mailto, no credentials, no oddities. */
export function isSafeExternalUrl(value: string): boolean {
  if (typeof value !== 'string' || value.length > MAX_EXTERNAL_URL || /[\s\0]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return !url.username && !url.password && url.hostname.length > 0;
}

export function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

type OpenExternal = (url: string) => Promise<void> | void;

/** Blocks navigation and new windows; safe external links go to the OS instead. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, openExternal: OpenExternal): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isSafeExternalUrl(url)) void openExternal(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission (camera, notifications, geolocation, …) is refused. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  openExternal: OpenExternal;
}

export function createMainWindow(deps: WindowDeps, preload: string, bounds: WindowBounds | null): BrowserWindow {
  const window = new deps.BrowserWindow(mainWindowOptions(preload, bounds));
  hardenWebContents(window.webContents, deps.openExternal);
  window.once('ready-to-show', () => window.show());
  return window;
}
