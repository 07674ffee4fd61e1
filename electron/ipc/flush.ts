import { randomBytes } from 'node:crypto';

/**
 * Before a window closes or the app quits, main asks the renderer to save what is pending (the
 * last keystrokes, still inside the autosave delay) and waits for the answer, for a bounded time:
 * a renderer that hangs or was compromised must never keep the window from closing.
 */
export const FLUSH_TIMEOUT_MS = 3_000;

export type FlushOutcome = 'flushed' | 'timed-out';

export interface FlushCoordinator {
  /** Sends a request through `send`, resolves when the renderer answers it or the time is up. */
  request(send: (payload: { requestId: string }) => void): Promise<FlushOutcome>;
  /** The renderer's answer (app:flushed); false for an id nobody is waiting for. */
  answer(requestId: string): boolean;
}

export function createFlushCoordinator(timeoutMs: number = FLUSH_TIMEOUT_MS): FlushCoordinator {
  const waiting = new Map<string, () => void>();
  return {
    request(send) {
      const requestId = randomBytes(16).toString('hex');
      return new Promise<FlushOutcome>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(requestId);
          resolve('timed-out');
        }, timeoutMs);
        waiting.set(requestId, () => {
          clearTimeout(timer);
          waiting.delete(requestId);
          resolve('flushed');
        });
        try {
          send({ requestId });
        } catch {
          // The window is going away already: nothing will answer, the timeout ends the wait.
        }
      });
    },
    answer(requestId) {
      const done = waiting.get(requestId);
      done?.();
      return done !== undefined;
    },
  };
}

/** The parts of a BrowserWindow the close guard uses (so it runs in tests without Electron). */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

/**
 * The first close of a window is held back until its renderer has flushed (or the wait timed
 * out); then `proceed` closes it for real (or quits the app again, when the close came from a
 * quit). Later close events pass.
 */
export function holdCloseUntilFlushed(window: ClosableWindow, flush: () => Promise<unknown>, proceed: () => void = () => window.close()): void {
  let state: 'open' | 'flushing' | 'flushed' = 'open';
  window.on('close', (event) => {
    if (state === 'flushed') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    void flush()
      .catch(() => {})
      .finally(() => {
        state = 'flushed';
        if (!window.isDestroyed()) proceed();
      });
  });
}
