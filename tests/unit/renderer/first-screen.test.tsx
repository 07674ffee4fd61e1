import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps one promise per page: each test loads it afresh.
async function load() {
  vi.resetModules();
  return import('../../../renderer/app/first-screen');
}

const flush = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 1));
  document.body.innerHTML = '<main><p class="loading">Loading…</p></main>';
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('after the first screen', () => {
  it('waits while the screen shows its loading placeholder, and runs once it is drawn with its heading', async () => {
    const { afterFirstScreen } = await load();
    let done = false;
    void afterFirstScreen().then(() => (done = true));
    await flush(500);
    expect(done).toBe(false);
    document.body.innerHTML = '<main><h1>Today</h1><p class="loading">Loading…</p></main>';
    await flush(500);
    expect(done).toBe(false);
    document.body.innerHTML = '<main><h1>Today</h1><ul><li>row</li></ul></main>';
    await flush(200);
    expect(done).toBe(true);
  });

  it('does not wait for ever on a screen that never settles', async () => {
    const { afterFirstScreen } = await load();
    let done = false;
    void afterFirstScreen().then(() => (done = true));
    await flush(9_000);
    expect(done).toBe(false);
    await flush(2_000);
    expect(done).toBe(true);
  });
});
