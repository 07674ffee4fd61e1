import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { IndexStatus } from '../../../renderer/features/search/protocol';
import { statusNotices } from '../../../renderer/features/search/status-notices';

describe('search status notices', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('passes on building progress at most once per interval, the latest, and ready at once', () => {
    const heard: IndexStatus[] = [];
    const notices = statusNotices((s) => heard.push(s), 500);
    for (let page = 1; page <= 10; page++) notices.report({ state: 'building', documents: page * 1000 });
    // The first report at once, the other nine wait for the interval.
    expect(heard.map((s) => s.documents)).toEqual([1000]);
    expect(notices.current.documents).toBe(1000);
    vi.advanceTimersByTime(500);
    expect(heard.map((s) => s.documents)).toEqual([1000, 10_000]);
    notices.report({ state: 'building', documents: 11_000 });
    notices.report({ state: 'ready', documents: 11_500, from: 'built' });
    // Ready is not held back, and nothing stale follows it.
    expect(heard.at(-1)).toMatchObject({ state: 'ready', documents: 11_500 });
    vi.advanceTimersByTime(2000);
    expect(heard).toHaveLength(3);
    // Changes applied once ready are passed on at once.
    notices.report({ state: 'ready', documents: 11_501, from: 'built' });
    expect(heard.at(-1)!.documents).toBe(11_501);
  });

  it('starts again from nothing when the worker is ended, with nothing pending', () => {
    const heard: IndexStatus[] = [];
    const notices = statusNotices((s) => heard.push(s), 500);
    notices.report({ state: 'building', documents: 1000 });
    notices.report({ state: 'building', documents: 2000 });
    notices.reset();
    vi.advanceTimersByTime(1000);
    expect(heard.map((s) => s.documents)).toEqual([1000]);
    expect(notices.current).toEqual({ state: 'building', documents: 0 });
  });
});
