import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import {
  createMainWindow,
  hardenWebContents,
  isAppUrl,
  isSafeExternalUrl,
  mainWindowOptions,
  restrictPermissions,
  secureWebPreferences,
} from '../../../electron/window';

type Listener = (...args: unknown[]) => void;

/** Stands in for Electron's webContents: records the handlers Trellis installs so we can call them. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (event: string, listener: Listener) => void listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
    fire: (event: string, url: string) => {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)?.(e, url);
      return e;
    },
    open: (url: string) => openHandler?.({ url }),
    listeners,
  };
}

describe('every Trellis window', () => {
  const created: BrowserWindowConstructorOptions[] = [];
  class FakeWindow {
    webContents = fakeContents();
    constructor(options: BrowserWindowConstructorOptions) {
      created.push(options);
    }
    once() {}
    show() {}
  }

  it('is created with the secure web preferences and nothing weaker', () => {
    createMainWindow({ BrowserWindow: FakeWindow as never, openExternal: () => {} }, '/app/preload.cjs', null);
    expect(created).toHaveLength(1);
    const prefs = created[0]!.webPreferences!;
    expect(prefs).toEqual(secureWebPreferences('/app/preload.cjs'));
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keeps remembered bounds and a usable minimum size', () => {
    const options = mainWindowOptions('/p', { x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, minWidth: 900, minHeight: 600 });
    expect(mainWindowOptions('/p', null)).not.toHaveProperty('x');
  });
});

describe('navigation and new windows', () => {
  it('denies every new window and opens only safe links externally', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, (url) => void opened.push(url));
    expect(contents.open('https://example.com/ladder')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.open('app://trellis/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/ladder']);
  });

  it('blocks every navigation, including to the app itself, and redirects', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, (url) => void opened.push(url));
    for (const url of ['https://evil.example', 'file:///etc/passwd', 'app://trellis/other.html', 'mailto:alex@example.com']) {
      expect(contents.fire('will-navigate', url).preventDefault).toHaveBeenCalled();
    }
    expect(contents.fire('will-redirect', 'https://x.example').preventDefault).toHaveBeenCalled();
    expect(contents.fire('will-attach-webview', '').preventDefault).toHaveBeenCalled();
    // The parsed href (issue 9 item 3), which main then confirms with the user.
    expect(opened).toEqual(['https://evil.example/', 'mailto:alex@example.com']);
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    restrictPermissions({
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      request!(null, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
  });
});

describe('external URLs', () => {
  it.each(['https://example.com', 'https://example.com/a?b=c', 'mailto:alex@example.com'])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    // Only https: leaves the app (issue 9 item 3): plain http is refused.
    'http://example.com/a?b=c',
    'file:///etc/passwd',
    'app://trellis/index.html',
    'data:text/html,hi',
    'https://user:pw@example.com',
    'smb://server/share',
    'https://exa mple.com',
    ' https://example.com',
    `https://example.com/${'a'.repeat(3000)}`,
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
  it('knows its own origin', () => {
    expect(isAppUrl('app://trellis/index.html')).toBe(true);
    expect(isAppUrl('app://trellis.evil/index.html')).toBe(false);
    expect(isAppUrl('https://trellis/')).toBe(false);
  });
});
