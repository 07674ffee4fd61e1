import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';

import { blockNetwork, restrictPermissions, secureWebPreferences } from '../../../electron/window';

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type Permission = Parameters<NonNullable<RequestHandler>>[1];

function permissionHandlers() {
  let request: RequestHandler = null;
  let check: CheckHandler = null;
  restrictPermissions({
    setPermissionRequestHandler: (h) => void (request = h),
    setPermissionCheckHandler: (h) => void (check = h),
  });
  const ask = (permission: Permission, requestingUrl: string) =>
    new Promise<boolean>((resolve) => request!(null as never, permission, resolve, { isMainFrame: true, requestingUrl } as never));
  const checks = (permission: Permission, origin: string) => check!(null, permission, origin, { isMainFrame: true } as never);
  return { ask, checks };
}

const everyOtherPermission: Permission[] = [
  'clipboard-read',
  'deprecated-sync-clipboard-read',
  'media',
  'geolocation',
  'notifications',
  'openExternal',
  'fileSystem',
  'hid',
  'usb',
  'serial',
  'local-fonts',
  'fullscreen',
  'pointerLock',
  'storage-access',
  'unknown',
];

describe('permissions: exactly the clipboard write "Copy as Markdown" needs', () => {
  it('allows writing to the clipboard from Trellis’s own page', async () => {
    const { ask, checks } = permissionHandlers();
    expect(await ask('clipboard-sanitized-write', 'app://trellis/index.html')).toBe(true);
    expect(checks('clipboard-sanitized-write', 'app://trellis')).toBe(true);
  });

  it('refuses it to any other origin', async () => {
    const { ask, checks } = permissionHandlers();
    for (const url of ['https://evil.example/', 'app://trellis.evil/', 'file:///tmp/x.html', '']) {
      expect(await ask('clipboard-sanitized-write', url), url).toBe(false);
      expect(checks('clipboard-sanitized-write', url), url).toBe(false);
    }
  });

  it.each(everyOtherPermission)('refuses %s, even to Trellis’s own page', async (permission) => {
    const { ask, checks } = permissionHandlers();
    expect(await ask(permission, 'app://trellis/index.html')).toBe(false);
    expect(checks(permission, 'app://trellis')).toBe(false);
  });
});

describe('no network at all', () => {
  it('spell checks only where the OS does it without a download (macOS)', () => {
    expect(secureWebPreferences('/p', 'darwin').spellcheck).toBe(true);
    expect(secureWebPreferences('/p', 'linux').spellcheck).toBe(false);
    expect(secureWebPreferences('/p', 'win32').spellcheck).toBe(false);
  });

  it('cancels every web request of the session and turns the dictionary downloader off', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const filters: string[][] = [];
      let listener: ((details: unknown, callback: (response: { cancel?: boolean }) => void) => void) | undefined;
      let spellchecker: boolean | undefined;
      const webRequest = {
        onBeforeRequest: (filter: { urls: string[] }, l: typeof listener) => {
          filters.push(filter.urls);
          listener = l;
        },
      } as unknown as Session['webRequest'];
      blockNetwork(
        { webRequest, setSpellCheckerEnabled: (on) => void (spellchecker = on) } satisfies Pick<Session, 'webRequest' | 'setSpellCheckerEnabled'>,
        platform,
      );
      expect(filters).toEqual([['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']]);
      let answer: { cancel?: boolean } | undefined;
      listener!({ url: 'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic' }, (r) => (answer = r));
      expect(answer).toEqual({ cancel: true });
      expect(spellchecker).toBe(platform === 'darwin' ? undefined : false);
    }
  });
});
