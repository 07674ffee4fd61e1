import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents, WebPreferences } from 'electron';

import { APP_ORIGIN } from './protocol';
import { parseExternalLink } from './services/external-links';
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

/** Links the OS browser or mail client may be offered: https and mailto only (see external-links.ts). */
export function isSafeExternalUrl(value: string): boolean {
  return parseExternalLink(value) !== null;
}

export function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Receives the parsed href of a link the page tried to open; main confirms it with the user first. */
type OpenExternal = (href: string) => Promise<unknown> | void;

/**
 * Blocks every navigation and new window of a webContents; an https: or mailto: link goes to
 * `openExternal` (which asks the user) as its parsed href. main.ts installs this on every
 * webContents Electron creates (`web-contents-created`), not only on the windows it makes.
 */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, openExternal: OpenExternal): void {
  const offer = (url: unknown) => {
    const link = parseExternalLink(url);
    if (link) void openExternal(link.href);
  };
  contents.setWindowOpenHandler(({ url }) => {
    offer(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    offer((event as { url?: string }).url ?? url);
  });
  // Subframes (none are expected: the CSP forbids them) never navigate anywhere.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
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
  openExternal?: OpenExternal;
}

/** The window; its webContents is hardened by the `web-contents-created` handler main.ts installs for all of them. */
export function createMainWindow(deps: WindowDeps, preload: string, bounds: WindowBounds | null): BrowserWindow {
  const window = new deps.BrowserWindow(mainWindowOptions(preload, bounds));
  window.once('ready-to-show', () => window.show());
  return window;
}
