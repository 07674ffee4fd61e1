import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';

import { errorMessage } from '../../../renderer/app/errors';
import { IpcCallError } from '../../../renderer/app/ipc';
import { useMainAction, useMainEvent, useMainQuery } from '../../../renderer/app/useMain';
import { ValidationError } from '../../../renderer/db/errors';
import type { AppInfo } from '../../../shared/ipc/contract';
import { createTestMain, type TestMain } from '../../support/main-context';
import { installTrellis } from '../../support/window-trellis';

// The first ladder read scans the shipped folder, which takes a while on a busy machine.
const slow = { timeout: 15_000 };

let main: TestMain;
let uninstall: () => void;

beforeEach(async () => {
  main = await createTestMain();
  uninstall = installTrellis(main);
});

afterEach(async () => {
  cleanup();
  uninstall();
  await main.dispose();
});

describe('useMainQuery', () => {
  it('is loading, then ready with the typed answer of the real handler', async () => {
    const { result } = renderHook(() => useMainQuery('app:info', undefined));
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'), slow);
    expectTypeOf(result.current.value).toEqualTypeOf<AppInfo | undefined>();
    expect(result.current.value).toMatchObject({ version: '0.0.0-test', paths: { userData: main.dataDir } });
  });

  it("gives main's code and message when the call fails", async () => {
    const { result } = renderHook(() => useMainQuery('ladders:version-get', { ladderId: 'team', hash: 'a'.repeat(64) }));
    await waitFor(() => expect(result.current.status).toBe('error'), slow);
    expect(result.current).toMatchObject({ code: 'not-found', error: 'This version of the ladder is not stored.', value: undefined });
  });

  it('asks again after an event named in refreshOn, keeping the old value meanwhile', async () => {
    const { result } = renderHook(() => useMainQuery('settings:get', undefined, { refreshOn: ['settings:changed'] }));
    await waitFor(() => expect(result.current.value?.theme).toBe('system'), slow);
    await act(() => main.dispatch('settings:set', { theme: 'dark' }));
    await waitFor(() => expect(result.current.value?.theme).toBe('dark'), slow);
    expect(result.current.status).toBe('ready');
  });

  it('follows its input, and does not ask while skipped', async () => {
    const { result, rerender } = renderHook(({ key, skip }) => useMainQuery('ladders:get', { key }, { skip }), {
      initialProps: { key: '', skip: true },
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(result.current.status).toBe('loading');
    rerender({ key: 'bundled:engineering.yaml', skip: false });
    await waitFor(() => expect(result.current.value?.summary.key).toBe('bundled:engineering.yaml'), slow);
    rerender({ key: 'bundled:design.yaml', skip: false });
    await waitFor(() => expect(result.current.value?.summary.key).toBe('bundled:design.yaml'), slow);
  });
});

describe('useMainAction', () => {
  it('runs the operation, typed, and is pending meanwhile', async () => {
    const { result } = renderHook(() => useMainAction('settings:set'));
    let answer: Promise<unknown> = Promise.resolve();
    act(() => {
      answer = result.current.run({ theme: 'light' });
    });
    expect(result.current.pending).toBe(true);
    await act(() => answer);
    expect(await answer).toMatchObject({ theme: 'light' });
    expect(result.current).toMatchObject({ pending: false, error: null });
    expect(main.store.get('settings')).toMatchObject({ theme: 'light' });
  });

  it('rejects with an IpcCallError and keeps the message for the screen', async () => {
    const { result } = renderHook(() => useMainAction('ladders:copy-to-folder'));
    let thrown: unknown;
    await act(async () => {
      thrown = await result.current.run({ key: 'bundled:no-such.yaml' }).catch((e: unknown) => e);
    });
    expect(thrown).toBeInstanceOf(IpcCallError);
    expect(result.current.error).toBe((thrown as IpcCallError).message);
    expect(result.current.pending).toBe(false);
  });
});

describe('useMainEvent', () => {
  it('hears what main pushes while the component is on screen, and stops after', async () => {
    const heard: string[] = [];
    const { unmount } = renderHook(() => useMainEvent('settings:changed', (s) => heard.push(s.theme)));
    await act(() => main.dispatch('settings:set', { theme: 'dark' }));
    unmount();
    await main.dispatch('settings:set', { theme: 'light' });
    expect(heard).toEqual(['dark']);
  });
});

describe('errorMessage', () => {
  it("says main's message, a full disk or the refused fields, and nothing technical otherwise", () => {
    expect(errorMessage(new IpcCallError('io', 'The folder is gone.'))).toBe('The folder is gone.');
    expect(errorMessage(new DOMException('Quota exceeded', 'QuotaExceededError'))).toMatch(/^The disk is full/);
    expect(errorMessage(new ValidationError({ name: 'Enter a name' }))).toBe('Enter a name');
    for (const odd of [new TypeError('x is undefined'), 'boom', null, { message: 42 }]) {
      expect(errorMessage(odd)).toBe('Trellis could not save this change. Your text is still on screen; try again.');
      expect(errorMessage(odd, 'The export failed.')).toBe('The export failed.');
    }
  });
});
