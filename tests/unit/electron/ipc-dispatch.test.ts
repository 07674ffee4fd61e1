import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { forbiddenResult, isTrustedSender } from '../../../electron/ipc/dispatch';
import { type IpcMainLike, registerIpcHandlers } from '../../../electron/ipc/register';
import { channels } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { createTestMain, type TestMain } from '../../support/main-context';

let main: TestMain;
beforeEach(async () => {
  main = await createTestMain();
});
afterEach(() => main.dispose());

describe('dispatcher', () => {
  it('answers valid calls with a value', async () => {
    expect(await main.dispatch('settings:get', undefined)).toEqual({
      ok: true,
      value: {
        theme: 'system',
        laddersFolder: null,
        userEmail: null,
        userRole: null,
        mePersonId: null,
        backupKeepDaily: 7,
        backupKeepWeekly: 4,
        stagnationMonths: null,
        careerConversationMonths: 6,
        workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
      },
    });
    const info = await main.dispatch('app:info', undefined);
    expect(info).toMatchObject({ ok: true, value: { name: 'Trellis', paths: { userData: main.dataDir } } });
  });

  it('refuses unknown operations and bad payloads with a code and a message, not a stack', async () => {
    expect(await main.dispatch('fs:read', { path: '/etc/passwd' })).toEqual({ ok: false, error: { code: 'unknown-operation', message: 'Unknown operation' } });
    const bad = await main.dispatch('settings:set', { theme: 'neon' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-input');
      expect(bad.error.message).toMatch(/^Invalid input for settings:set: theme:/);
      expect(bad.error.message).not.toMatch(/at .*\.ts:\d+/);
    }
    const extra = await main.dispatch('settings:set', { theme: 'dark', nodeIntegration: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(main.store.get('settings')).toBeUndefined();
  });

  it('opens only safe external links', async () => {
    expect(await main.dispatch('shell:open-external', { url: 'https://example.com' })).toEqual({ ok: true, value: { opened: true } });
    expect(await main.dispatch('shell:open-external', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Issue 9 item 3: main opens the parsed URL's href (after the user confirmed), never the raw string.
    expect(main.openedExternally).toEqual(['https://example.com/']);
  });

  it('turns unexpected handler failures into an internal error without details', async () => {
    const broken = await createTestMain({
      store: {
        get: () => {
          throw new Error('EACCES: /secret/path');
        },
        set: () => {},
        path: 'x',
      },
    });
    const answer = await broken.dispatch('settings:get', undefined);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'Trellis could not complete settings:get.' } });
    await broken.dispose();
  });
});

describe('sender origin', () => {
  it('trusts only app://trellis frames', () => {
    expect(isTrustedSender('app://trellis/index.html')).toBe(true);
    expect(isTrustedSender('app://trellis/')).toBe(true);
    for (const url of [
      'https://trellis/',
      'app://evil/index.html',
      'app://trellis.evil/',
      'file:///index.html',
      'about:blank',
      'devtools://devtools',
      '',
      undefined,
      null,
    ]) {
      expect(isTrustedSender(url)).toBe(false);
    }
    expect(forbiddenResult).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('ipcMain registration', () => {
  type Listener = Parameters<IpcMainLike['handle']>[1];
  const registered = new Map<string, Listener>();
  beforeEach(() => {
    registered.clear();
    registerIpcHandlers({ handle: (channel, listener) => void registered.set(channel, listener) }, main.dispatch);
  });

  it('registers exactly the contract channels', () => {
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers the app’s own frame and refuses frames from any other origin, changing nothing', async () => {
    const call = (url: string | undefined, payload: unknown) => registered.get('settings:set')!({ senderFrame: url === undefined ? null : { url } }, payload);
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/index.html', undefined]) {
      expect(await call(url, { theme: 'dark' })).toEqual(forbiddenResult);
    }
    expect(main.store.get('settings')).toBeUndefined();
    expect(await call('app://trellis/index.html', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });
});

/** Anything at all, the way a compromised renderer could send it. */
const anyPayload = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  fc.record(
    { theme: fc.oneof(fc.string(), fc.constantFrom('light', 'dark', 'system')), laddersFolder: fc.oneof(fc.string(), fc.constant(null), fc.integer()) },
    { requiredKeys: [] },
  ),
  fc.record({ url: fc.oneof(fc.webUrl(), fc.string()) }),
  fc.constantFrom(undefined, null, '__proto__', { __proto__: { polluted: true } }, { constructor: { prototype: { polluted: true } } }),
);

describe('IPC fuzz: 1,000 random payloads per operation', () => {
  it.each(channels)('%s never throws and changes nothing it should not', async (channel) => {
    await fc.assert(
      fc.asyncProperty(anyPayload, async (payload) => {
        const before = JSON.stringify(main.store.get('settings') ?? null);
        const answer = await main.dispatch(channel, payload);
        expect(typeof answer.ok).toBe('boolean');
        if (!answer.ok) {
          expect(Object.keys(answer.error).sort()).toEqual(['code', 'message']);
          expect(answer.error.message).not.toMatch(/\n\s+at /);
        }
        const valid = contract[channel].input.safeParse(payload).success;
        if (!valid) expect(answer.ok).toBe(false);
        // Only a valid settings:set may write settings; whatever it wrote is itself valid.
        const after = JSON.stringify(main.store.get('settings') ?? null);
        if (!(channel === 'settings:set' && valid)) expect(after).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});
