import { channels, methodName } from '../../shared/ipc/channels';
import type { TrellisApi } from '../../shared/ipc/contract';
import type { TestMain } from './main-context';

/**
 * window.trellis for unit tests: every operation goes through the real dispatcher (input and
 * output validated against the contract), as the preload's calls do in the app.
 */
export function apiFor(main: TestMain): TrellisApi {
  return Object.fromEntries(channels.map((c) => [methodName(c), (input?: unknown) => main.dispatch(c, input)])) as unknown as TrellisApi;
}
