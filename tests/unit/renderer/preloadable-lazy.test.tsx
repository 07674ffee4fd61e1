import { act, cleanup, render, screen } from '@testing-library/react';
import { type ReactElement, Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { preloadableLazy, preloadAll } from '../../../renderer/ui/lazy-part';

afterEach(cleanup);

/** A module load the test finishes by hand, counting how often it was asked for. */
function manualModule() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  let asked = 0;
  const load = () => {
    asked += 1;
    return new Promise<{ default: () => ReactElement }>((resolve, reject) => {
      finish = () => resolve({ default: () => <p>the screen</p> });
      fail = reject;
    });
  };
  return { load, finish: () => finish(), fail: (e: Error) => fail(e), asked: () => asked };
}

const fallback = <p>Loading…</p>;

describe('preloadableLazy', () => {
  it('suspends on the first draw when nothing was preloaded, then shows the component', async () => {
    const m = manualModule();
    const Screen = preloadableLazy(m.load);
    render(<Suspense fallback={fallback}>{<Screen />}</Suspense>);
    expect(screen.getByText('Loading…')).toBeTruthy();
    await act(async () => m.finish());
    expect(screen.getByText('the screen')).toBeTruthy();
  });

  it('after preload() the first draw shows the component at once, with no fallback, and loads once', async () => {
    const m = manualModule();
    const Screen = preloadableLazy(m.load);
    const preloaded = Screen.preload();
    m.finish();
    await preloaded;
    render(<Suspense fallback={fallback}>{<Screen />}</Suspense>);
    // Synchronously after render: no fallback was committed.
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByText('the screen')).toBeTruthy();
    await Screen.preload();
    expect(m.asked()).toBe(1);
  });

  it('a failed preload can be tried again', async () => {
    const m = manualModule();
    const Screen = preloadableLazy(m.load);
    const first = Screen.preload();
    m.fail(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    const second = Screen.preload();
    m.finish();
    await second;
    expect(m.asked()).toBe(2);
    render(<Suspense fallback={fallback}>{<Screen />}</Suspense>);
    expect(screen.getByText('the screen')).toBeTruthy();
  });

  it('preloadAll fetches every component not yet asked for, one at a time, including those the fetched code defines', async () => {
    const log: string[] = [];
    const later = (name: string, then?: () => void) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      then?.();
      log.push(`end ${name}`);
      return { default: () => <p>{name}</p> };
    };
    // "b" stands for a screen whose code defines a lazy part of its own when it is evaluated.
    const A = preloadableLazy(later('a'));
    preloadableLazy(later('b', () => void preloadableLazy(later('b-part'))));
    const Drawn = preloadableLazy(later('drawn'));
    // Drawn before the preload gets to it: fetched once, by the draw.
    render(<Suspense fallback={fallback}>{<Drawn />}</Suspense>);
    let pauses = 0;
    await preloadAll(async () => void (pauses += 1));
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start drawn', 'start a', 'start b', 'start b-part']);
    // One after another: each starts when the one before it has ended.
    expect(log.filter((l) => !l.endsWith('drawn'))).toEqual(['start a', 'end a', 'start b', 'end b', 'start b-part', 'end b-part']);
    expect(pauses).toBe(3);
    render(<Suspense fallback={fallback}>{<A />}</Suspense>);
    expect(screen.getByText('a')).toBeTruthy();
  });
});
