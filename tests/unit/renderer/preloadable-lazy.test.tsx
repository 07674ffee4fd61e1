import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { preloadableLazy } from '../../../renderer/ui/lazy-part';

afterEach(cleanup);

/** A module load the test finishes by hand, counting how often it was asked for. */
function manualModule() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  let asked = 0;
  const load = () => {
    asked += 1;
    return new Promise<{ default: () => JSX.Element }>((resolve, reject) => {
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
});
