import type { BrowserContext, Page } from '@playwright/test';

import { channels, events, methodName, subscriberName } from '../../shared/ipc/channels';

/**
 * window.trellis as the preload installs it, except that each call crosses a Playwright binding
 * instead of ipcRenderer: one method per operation of the contract, one subscriber per event.
 * Used by the browser suite and the Chromium benchmarks, on a page or a whole context.
 */
export type BridgeTarget = Pick<Page, 'exposeBinding' | 'addInitScript'> | Pick<BrowserContext, 'exposeBinding' | 'addInitScript'>;

/** Answers one call; `origin` is the calling frame's, so a caller from elsewhere can be refused. */
export type BridgeDispatch = (channel: unknown, payload: unknown, origin: string) => Promise<unknown>;

export async function installBridge(target: BridgeTarget, dispatch: BridgeDispatch): Promise<void> {
  await target.exposeBinding('__trellisBridge', (source, channel: unknown, payload: unknown) => dispatch(channel, payload, new URL(source.frame.url()).origin));
  await target.addInitScript(
    ({ methods, subscribers }) => {
      const w = window as unknown as { __trellisBridge: (c: string, p: unknown) => Promise<unknown>; __trellisEmit?: (e: string, p: unknown) => void };
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      // Main pushes events by calling this from the test side (see `emitTo`).
      w.__trellisEmit = (event, payload) => listeners.get(event)?.forEach((l) => l(structuredClone(payload)));
      const api = Object.fromEntries([
        ...methods.map(([channel, method]) => [method, (input?: unknown) => w.__trellisBridge(channel, input)]),
        ...subscribers.map(([event, name]) => [
          name,
          (listener: (payload: unknown) => void) => {
            const set = listeners.get(event) ?? new Set();
            set.add(listener);
            listeners.set(event, set);
            return () => void set.delete(listener);
          },
        ]),
      ]);
      Object.defineProperty(window, 'trellis', { value: Object.freeze(api), enumerable: true });
    },
    { methods: channels.map((c) => [c, methodName(c)] as const), subscribers: events.map((e) => [e, subscriberName(e)] as const) },
  );
}

/** Delivers one of main's events to the page, as webContents.send does; a page that is gone is ignored. */
export function emitTo(page: Page, event: string, payload: unknown): void {
  void page
    .evaluate(([e, p]) => (window as unknown as { __trellisEmit: (e: string, p: unknown) => void }).__trellisEmit(e as string, p), [event, payload] as const)
    .catch(() => {});
}
