/**
 * electron/main.ts loaded for real against a recording fake of Electron (tests/support/fake-electron.ts,
 * typed by Electron's own definitions): the order and arguments of what main asks Electron to do.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import Conf from 'conf';
import type { MenuItemConstructorOptions } from 'electron';
import { loadConfigFromFile } from 'vite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { FLUSH_TIMEOUT_MS } from '../../../electron/ipc/flush';
import type * as ProtocolModule from '../../../electron/protocol';
import { APP_SCHEME_PRIVILEGES } from '../../../electron/protocol';
import { secureWebPreferences } from '../../../electron/window';
import { channels } from '../../../shared/ipc/channels';
import { defaultSettings } from '../../../shared/settings';
import { createFakeElectron, type FakeElectron, fakeEvent } from '../../support/fake-electron';

const root = path.resolve(import.meta.dirname, '../../..');

const current = vi.hoisted(() => ({ fake: null as FakeElectron | null, userData: '' }));

vi.mock('electron', () => {
  const pick = (name: string) => (current.fake!.module as Record<string, unknown>)[name];
  return {
    get app() {
      return pick('app');
    },
    get BrowserWindow() {
      return pick('BrowserWindow');
    },
    get dialog() {
      return pick('dialog');
    },
    get ipcMain() {
      return pick('ipcMain');
    },
    get Menu() {
      return pick('Menu');
    },
    get Notification() {
      return pick('Notification');
    },
    get protocol() {
      return pick('protocol');
    },
    get safeStorage() {
      return pick('safeStorage');
    },
    get screen() {
      return pick('screen');
    },
    get session() {
      return pick('session');
    },
    get shell() {
      return pick('shell');
    },
  };
});

// electron-store needs Electron itself; `conf` is the same store in plain Node, on the same settings.json.
vi.mock('electron-store', () => ({
  default: class {
    constructor(options: { name: string }) {
      return new Conf({ cwd: current.userData, configName: options.name, projectName: 'trellis' });
    }
  },
}));

const protocolRoots = vi.hoisted(() => [] as string[]);
vi.mock('../../../electron/protocol', async (importOriginal) => {
  const original = await importOriginal<typeof ProtocolModule>();
  return {
    ...original,
    createAppProtocolHandler: (dir: string) => {
      protocolRoots.push(dir);
      return original.createAppProtocolHandler(dir);
    },
  };
});

let appData: string;
let fake: FakeElectron;

async function loadMain(options: { singleInstance?: boolean } = {}) {
  fake = createFakeElectron({ appPath: root, appData, ...options });
  current.fake = fake;
  vi.resetModules();
  await import('../../../electron/main');
  return fake;
}

beforeEach(async () => {
  appData = await mkdtemp(path.join(os.tmpdir(), 'trellis-main-'));
  current.userData = path.join(appData, 'user-data');
  process.env.TRELLIS_USER_DATA_DIR = current.userData;
  protocolRoots.length = 0;
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  vi.useRealTimers();
  // Let main's clean-up (file watchers) run, as on quit.
  fake?.app.emit('will-quit');
  await new Promise((r) => setTimeout(r, 50));
  delete process.env.TRELLIS_USER_DATA_DIR;
  await rm(appData, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** The one window main opened. */
const theWindow = () => {
  const [window] = fake.windows;
  if (!window) throw new Error('main opened no window');
  return window;
};

describe('before ready', () => {
  it('fixes the name and userData, sandboxes every renderer and registers app:// as privileged, in that order', async () => {
    await loadMain();
    const names = fake.names();
    expect(fake.calls.find((c) => c.name === 'app.setPath')?.args).toEqual(['userData', current.userData]);
    expect(fake.calls.find((c) => c.name === 'protocol.registerSchemesAsPrivileged')?.args).toEqual([[{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]]);
    const order = ['app.setName', 'app.setPath', 'app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.whenReady'].map((n) => names.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Nothing that needs `ready` has happened yet.
    expect(names).not.toContain('protocol.handle');
    expect(names).not.toContain('new BrowserWindow');
    await fake.ready();
    expect(fake.names().indexOf('protocol.handle')).toBeGreaterThan(fake.names().indexOf('ready'));
  });
});

describe('on ready', () => {
  it('serves app:// from dist/renderer, the folder the renderer build writes', async () => {
    await loadMain();
    await fake.ready();
    expect(fake.calls.filter((c) => c.name === 'protocol.handle').map((c) => c.args)).toEqual([['app']]);
    const config = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(root, 'vite.config.ts'), root);
    const rendererOut = path.resolve(root, config!.config.root!, config!.config.build!.outDir!);
    expect(protocolRoots).toEqual([rendererOut]);
    const handler = fake.protocolHandlers.get('app')!;
    expect((await handler(new Request('app://trellis/%2e%2e/package.json'))).status).toBe(404);
    expect((await handler(new Request('app://evil/index.html'))).status).toBe(404);
  });

  it('opens one window with the secure web preferences and the preload the build produces, hidden until ready', async () => {
    await loadMain();
    await fake.ready();
    expect(fake.windows).toHaveLength(1);
    const options = theWindow().options;
    const config = await loadConfigFromFile({ command: 'build', mode: 'preload' }, path.join(root, 'vite.electron.config.ts'), root);
    const build = config!.config.build!;
    const output = build.rollupOptions!.output as { entryFileNames: string };
    const preload = path.resolve(root, build.outDir!, output.entryFileNames);
    expect(preload).toBe(path.join(root, 'dist', 'preload', 'preload.cjs'));
    expect(options.webPreferences).toEqual(secureWebPreferences(preload));
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(options.show).toBe(false);
    theWindow().emit('ready-to-show');
    expect(fake.names()).toContain('window.show');
  });

  it('loads the renderer from app://trellis/', async () => {
    await loadMain();
    await fake.ready();
    expect(theWindow().loadedUrl).toBe('app://trellis/index.html');
    const url = new URL(theWindow().loadedUrl!);
    expect(`${url.protocol}//${url.host}`).toBe('app://trellis');
  });

  it('registers an ipcMain handler for every channel of the contract, each checking the sender', async () => {
    await loadMain();
    await fake.ready();
    expect([...fake.handlers.keys()].sort()).toEqual([...channels].sort());
    expect(await fake.invoke('app:info')).toMatchObject({ ok: true, value: { name: 'Trellis', paths: { userData: current.userData } } });
    expect(await fake.invoke('app:info', undefined, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fake.invoke('settings:set', { laddersFolder: '/etc' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses every permission but the clipboard write, blocks the network, and spell checks only on macOS', async () => {
    await loadMain();
    await fake.ready();
    expect(fake.names()).toEqual(
      expect.arrayContaining(['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.webRequest.onBeforeRequest']),
    );
    expect(fake.permission.check!(null, 'media', 'app://trellis', { isMainFrame: true } as never)).toBe(false);
    expect(fake.permission.check!(null, 'clipboard-sanitized-write', 'app://trellis', { isMainFrame: true } as never)).toBe(true);
    if (process.platform !== 'darwin') expect(fake.calls.find((c) => c.name === 'session.setSpellCheckerEnabled')?.args).toEqual([false]);
  });
});

describe('follow-up reminders', () => {
  it('shows a due follow-up as an OS notification in main’s words, and a click brings the window back and tells the renderer', async () => {
    await loadMain();
    await fake.ready();
    theWindow().minimized = true;
    const answer = await fake.invoke('reminders:schedule', {
      reminders: [
        { id: 'f1', due: '2020-01-06', person: 'Alex Rivera' },
        { id: 'f2', due: '2999-01-01', person: null },
      ],
    });
    expect(answer).toEqual({ ok: true, value: { upcoming: 1 } });
    expect(fake.notifications.map((n) => [n.options.title, n.options.body, n.shown])).toEqual([['A follow-up is due', 'Follow up with Alex Rivera.', true]]);
    // Free text has no field to travel in: a note is refused before anything is scheduled.
    expect(await fake.invoke('reminders:schedule', { reminders: [{ id: 'f3', due: '2020-01-06', person: null, note: 'private words' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    fake.notifications[0]!.emit('click');
    expect(fake.names().slice(-4)).toEqual(['window.restore', 'window.show', 'window.focus', 'webContents.send']);
    expect(
      theWindow()
        .webContents.sent.filter((m) => m.channel === 'reminders:opened')
        .map((m) => m.payload),
    ).toEqual([{ ids: ['f1'] }]);
  });
});

describe('remember on this device', () => {
  it('keeps the device secret through Electron’s safeStorage, in userData, and refuses basic_text', async () => {
    await loadMain();
    await fake.ready();
    const secret = Buffer.alloc(32, 7).toString('base64');
    expect(await fake.invoke('lock:device-support')).toEqual({ ok: true, value: { available: true, reason: null, keychain: 'the GNOME keyring (libsecret)' } });
    expect(await fake.invoke('lock:remember', { id: 'device-key-0000000001', secret })).toMatchObject({ ok: true });
    expect(fake.safeStorage.calls).toContain('encryptString');
    const stored = await readdir(current.userData);
    expect(stored).toContain('device-keys.json');
    expect(await fake.invoke('lock:recall', { id: 'device-key-0000000001' })).toEqual({ ok: true, value: { secret, reason: null } });
    fake.safeStorage.backend = 'basic_text';
    expect(await fake.invoke('lock:recall', { id: 'device-key-0000000001' })).toMatchObject({ ok: true, value: { secret: null } });
  });
});

describe('one instance', () => {
  it('a second start focuses the first window', async () => {
    await loadMain();
    await fake.ready();
    theWindow().minimized = true;
    fake.app.emit('second-instance', fakeEvent(), ['trellis'], '/');
    expect(fake.names().slice(-2)).toEqual(['window.restore', 'window.focus']);
  });

  it('when another Trellis runs, quits without opening anything', async () => {
    await loadMain({ singleInstance: false });
    expect(fake.names()).toContain('app.quit');
    expect(fake.names()).not.toContain('app.whenReady');
    await fake.ready();
    expect(fake.windows).toHaveLength(0);
    expect(fake.handlers.size).toBe(0);
  });
});

describe('every webContents is guarded', () => {
  it('navigation and new windows are refused; an https link is confirmed natively, then its href opened', async () => {
    await loadMain();
    await fake.ready();
    const contents = theWindow().webContents;
    const navigation = fakeEvent({ url: 'https://аpple.com/login' });
    contents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.messageBoxes).toHaveLength(1));
    expect(fake.messageBoxes[0]).toMatchObject({
      message: 'Open xn--pple-43d.com in your browser?',
      detail: expect.stringContaining('https://xn--pple-43d.com/login'),
    });
    // Cancel is the default answer: nothing opened.
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.opened).toEqual([]);

    fake.messageBoxAnswers.push(0);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/x' } as never)).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.opened).toEqual(['https://example.com/x']));
    for (const url of ['file:///etc/passwd', 'http://example.com/', 'javascript:alert(1)']) contents.windowOpenHandler!({ url } as never);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.messageBoxes).toHaveLength(2);
  });

  it('also a webContents main did not create itself', async () => {
    await loadMain();
    await fake.ready();
    const other = new (fake.module.BrowserWindow as unknown as new (o: object) => (typeof fake.windows)[number])({});
    const attach = fakeEvent();
    other.webContents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
    expect(other.webContents.windowOpenHandler).not.toBeNull();
  });
});

describe('a corrupt settings.json', () => {
  it('is moved aside, the window opens with defaults, and the user is told once', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(current.userData, { recursive: true });
    await writeFile(path.join(current.userData, 'settings.json'), '{"settings": {"theme": "dark",');
    await loadMain();
    await fake.ready();
    expect(fake.windows).toHaveLength(1);
    expect((await readdir(current.userData)).filter((n) => n.startsWith('settings.corrupt-'))).toHaveLength(1);
    expect(await fake.invoke('settings:get')).toEqual({ ok: true, value: defaultSettings });
    const first = await fake.invoke('app:notices');
    expect(first).toMatchObject({ ok: true, value: { notices: [{ title: 'Your settings were reset' }] } });
    expect(await fake.invoke('app:notices')).toEqual({ ok: true, value: { notices: [] } });
  });
});

describe('the close and quit flush handshake', () => {
  /** The id of the flush request main sent to the window. */
  const requested = () => {
    const sent = theWindow().webContents.sent.filter((s) => s.channel === 'app:flush-requested');
    return sent.map((s) => (s.payload as { requestId: string }).requestId);
  };

  it('a close waits for the renderer to flush, then closes', async () => {
    await loadMain();
    await fake.ready();
    const window = theWindow();
    window.close();
    expect(window.destroyed).toBe(false);
    expect(requested()).toHaveLength(1);
    expect(await fake.invoke('app:flushed', { requestId: 'ab'.repeat(16) })).toEqual({ ok: true, value: { accepted: false } });
    expect(window.destroyed).toBe(false);
    expect(await fake.invoke('app:flushed', { requestId: requested()[0] })).toEqual({ ok: true, value: { accepted: true } });
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(requested()).toHaveLength(1);
  });

  it('a quit flushes every window first, then quits again', async () => {
    await loadMain();
    await fake.ready();
    fake.app.emit('before-quit', fakeEvent());
    const window = theWindow();
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    const quitsBefore = fake.names().filter((n) => n === 'app.quit').length;
    await fake.invoke('app:flushed', { requestId: requested()[0] });
    await vi.waitFor(() => expect(fake.names().filter((n) => n === 'app.quit').length).toBe(quitsBefore + 1));
    // When the quit comes round again, the window closes at once.
    const again = fakeEvent();
    window.emit('close', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('a renderer that never answers delays the close only a bounded time', async () => {
    await loadMain();
    await fake.ready();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const window = theWindow();
    window.close();
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 10);
    expect(window.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(window.destroyed).toBe(true);
  });

  it('View › Reload flushes first, then reloads', async () => {
    await loadMain();
    await fake.ready();
    const template = fake.menus.at(-1)!;
    const view = template.find((m) => m.label === 'View')!.submenu as MenuItemConstructorOptions[];
    const reload = view.find((item) => item.label === 'Reload')!;
    expect(reload.accelerator).toBe('CmdOrCtrl+R');
    reload.click!({} as never, theWindow() as never, {} as never);
    expect(requested()).toHaveLength(1);
    expect(fake.names()).not.toContain('webContents.reload');
    await fake.invoke('app:flushed', { requestId: requested()[0] });
    await vi.waitFor(() => expect(fake.names()).toContain('webContents.reload'));
  });
});
