import { channels, events, methodName, subscriberName } from '../../shared/ipc/channels';
import type { TestMain } from './main-context';

/**
 * Installs window.trellis in a jsdom test the way the preload does in the app, with each call
 * landing in the real main handler table of `main` (as in the browser suite) and main's events
 * reaching the page's subscribers. Returns the function that removes it again.
 */
export function installTrellis(main: TestMain): () => void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const send = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(structuredClone(payload)));
  main.transports.add(send);
  const api = Object.fromEntries([
    ...channels.map((channel) => [methodName(channel), async (input?: unknown) => structuredClone(await main.dispatch(channel, structuredClone(input)))]),
    ...events.map((event) => [
      subscriberName(event),
      (listener: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => void set.delete(listener);
      },
    ]),
  ]);
  Object.defineProperty(window, 'trellis', { value: Object.freeze(api), configurable: true });
  return () => {
    main.transports.delete(send);
    delete (window as unknown as { trellis?: unknown }).trellis;
  };
}
