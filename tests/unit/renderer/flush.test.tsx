import { act, cleanup, render } from '@testing-library/react';
import Dexie from 'dexie';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { flushAll, listenForFlush, registerFlush } from '../../../renderer/app/flush';
import { openDatabase } from '../../../renderer/db/database';
import { useAutosave } from '../../../renderer/features/one-on-ones/useAutosave';

/** Stands in for window.trellis: main's flush requests, and the answers the page gives. */
function fakeMain() {
  const listeners = new Set<(payload: { requestId: string }) => void>();
  const answers: string[] = [];
  Object.defineProperty(window, 'trellis', {
    configurable: true,
    value: {
      onAppFlushRequested: (listener: (payload: { requestId: string }) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      appFlushed: async ({ requestId }: { requestId: string }) => {
        answers.push(requestId);
        return { ok: true, value: { accepted: true } };
      },
    },
  });
  return { request: (requestId: string) => listeners.forEach((l) => l({ requestId })), answers };
}

let stop: () => void = () => {};
afterEach(() => {
  stop();
  cleanup();
  vi.useRealTimers();
});

describe('the flush registry', () => {
  it('runs every registered flush, and no longer one that unregistered', async () => {
    const a = vi.fn();
    const b = vi.fn(async () => {});
    const offA = registerFlush(a);
    const offB = registerFlush(b);
    await flushAll();
    offA();
    await flushAll();
    offB();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
  });

  it('waits a bounded time for a flush that never ends', async () => {
    const off = registerFlush(() => new Promise(() => {}));
    await expect(flushAll(20)).resolves.toBeUndefined();
    off();
  });

  it('flushes on beforeunload, pagehide and when the page is hidden; answers main after flushing', async () => {
    const main = fakeMain();
    const order: string[] = [];
    const off = registerFlush(async () => {
      order.push('flush');
    });
    stop = listenForFlush();
    window.dispatchEvent(new Event('beforeunload'));
    window.dispatchEvent(new Event('pagehide'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(order).toEqual(['flush', 'flush', 'flush']));
    main.request('ab'.repeat(16));
    await vi.waitFor(() => expect(main.answers).toEqual(['ab'.repeat(16)]));
    expect(order).toHaveLength(4);
    off();
  });
});

describe('autosave registers with it', () => {
  it('a pending value is saved by flushAll, long before the autosave delay', async () => {
    const saved: string[] = [];
    let type: (text: string) => void = () => {};
    function Editor() {
      const [text, setText] = useState('');
      type = setText;
      useAutosave(text, async (t) => void saved.push(t), { delayMs: 60_000 });
      return null;
    }
    render(<Editor />);
    act(() => type('the last words'));
    await act(() => flushAll());
    expect(saved).toEqual(['the last words']);
  });
});

describe('a database upgrade elsewhere', () => {
  beforeEach(() => fakeMain());

  it('flushes before the connection closes, so the last write lands', async () => {
    const name = `flush-${crypto.randomUUID()}`;
    const order: string[] = [];
    const db = openDatabase(
      {
        beforeClose: async () => {
          order.push('flush');
          await db.people.put({ id: 'p1', name: 'Saved while closing' } as never);
        },
        onVersionChange: () => order.push('closed'),
      },
      name,
    );
    await db.open();
    // A newer Trellis opens the same database with a higher version.
    const newer = new Dexie(name);
    newer.version(db.verno + 1).stores({ people: 'id, name, email, managerId, teamId, updatedAt' });
    await newer.open();
    expect(order).toEqual(['flush', 'closed']);
    expect(await newer.table('people').get('p1')).toMatchObject({ name: 'Saved while closing' });
    newer.close();
  });
});
