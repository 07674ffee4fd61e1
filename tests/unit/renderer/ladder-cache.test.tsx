import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useCurrentLadder, useFrozenLadder, useLadderList } from '../../../renderer/app/useLadders';
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

const asked = (channel: string) => main.answered.filter((c) => c === channel).length;

async function engineeringHash(): Promise<string> {
  const list = await main.dispatch('ladders:list', undefined);
  if (!list.ok) throw new Error('no list');
  return (list.value as { ladders: { id: string | null; hash: string | null }[] }).ladders.find((l) => l.id === 'engineering')!.hash!;
}

describe('the shared ladder cache', () => {
  it('asks main once for a stored version, however many screens read it, and later screens draw with it at once', async () => {
    const hash = await engineeringHash();
    const first = renderHook(() => [useFrozenLadder('engineering', hash), useFrozenLadder('engineering', hash)] as const);
    await waitFor(() => expect(first.result.current[0].status).toBe('ready'), slow);
    expect(first.result.current[1].status).toBe('ready');
    expect(asked('ladders:version-get')).toBe(1);
    // A screen opened again: ready on its first render, with the same model, and main is not asked.
    const again = renderHook(() => useFrozenLadder('engineering', hash));
    expect(again.result.current.status).toBe('ready');
    expect(again.result.current.value?.ladder).toBe(first.result.current[0].value?.ladder);
    expect(asked('ladders:version-get')).toBe(1);
  });

  it('does not keep a failure: a version that is not stored is asked for again', async () => {
    const missing = 'a'.repeat(64);
    const one = renderHook(() => useFrozenLadder('engineering', missing));
    await waitFor(() => expect(one.result.current).toMatchObject({ status: 'error', error: 'This version of the ladder is not stored.' }), slow);
    const two = renderHook(() => useFrozenLadder('engineering', missing));
    expect(two.result.current.status).toBe('loading');
    await waitFor(() => expect(two.result.current.status).toBe('error'), slow);
    expect(asked('ladders:version-get')).toBe(2);
  });

  it('shares the ladder in use until main says ladders changed, and the list starts from the last one', async () => {
    const one = renderHook(() => useCurrentLadder('engineering'));
    await waitFor(() => expect(one.result.current.ladder?.id).toBe('engineering'), slow);
    expect(asked('ladders:get')).toBe(1);
    one.unmount();

    const two = renderHook(() => ({ current: useCurrentLadder('engineering'), list: useLadderList() }));
    // Drawn at once from what the first screen read; the list is asked again behind it.
    expect(two.result.current.current.ladder?.id).toBe('engineering');
    expect(two.result.current.list.status).toBe('ready');
    await waitFor(() => expect(asked('ladders:list')).toBeGreaterThanOrEqual(2), slow);
    expect(asked('ladders:get')).toBe(1);
    two.unmount();

    // After a change main pushes, the next screen asks again instead of showing what may be old.
    await act(async () => main.transports.forEach((send) => send('ladders:changed', { keys: ['bundled:engineering.yaml'] })));
    const three = renderHook(() => ({ current: useCurrentLadder('engineering'), list: useLadderList() }));
    expect(three.result.current.list.status).toBe('loading');
    await waitFor(() => expect(three.result.current.current.ladder?.id).toBe('engineering'), slow);
    expect(asked('ladders:get')).toBe(2);
  });
});
