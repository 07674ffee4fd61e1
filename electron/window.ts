import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents, WebPreferences } from 'electron';

import { APP_ORIGIN } from './protocol';
import { parseExternalLink } from './services/external-links';
import type { WindowBounds } from './services/window-state';

/**
 * Spell checking without the network: macOS checks with the OS's own dictionaries; elsewhere
 * Chromium would download Hunspell dictionaries from Google's servers, so it stays off there.
 */
export const usesOsSpellchecker = (platform: string = process.platform) => platform === 'darwin';

/** The only web preferences any Trellis window gets. */
export function secureWebPreferences(preload: string, platform: string = process.platform): WebPreferences {
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
    spellcheck: usesOsSpellchecker(platform),
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

/** The one permission Trellis uses: writing text to the clipboard ("Copy as Markdown"), from its own page. */
const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

const fromApp = (url: string | undefined) => typeof url === 'string' && isAppUrl(url);

/**
 * Every permission (camera, notifications, geolocation, clipboard reads, …) is refused, except
 * the clipboard write that "Copy as Markdown" needs, asked by Trellis's own page.
 */
export function restrictPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === ALLOWED_PERMISSION && fromApp((details as { requestingUrl?: string } | undefined)?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === ALLOWED_PERMISSION && fromApp(requestingOrigin));
}

/**
 * No network at all: the app is served from app://, and nothing in it has reason to reach a
 * server; any web request of the session (a stray image, a prefetch) is cancelled.
 */
export function blockNetwork(session: Pick<Session, 'webRequest' | 'setSpellCheckerEnabled'>, platform: string = process.platform): void {
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => callback({ cancel: true }));
  if (!usesOsSpellchecker(platform)) session.setSpellCheckerEnabled(false);
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
