import { IpcCallError } from '../../renderer/app/ipc';
import type { MainCall } from '../../renderer/app/useMain';
import type { TestMain } from './main-context';

/**
 * What the renderer's backup code calls main with, for unit tests: every operation goes through
 * the real dispatcher (input and output validated against the contract) and an error answer
 * throws, as useMainCall's calls do in the app.
 */
export function callerFor(main: Pick<TestMain, 'dispatch'>): MainCall {
  return (async (channel: string, input?: unknown) => {
    const result = await main.dispatch(channel, input);
    if (result.ok) return result.value;
    throw new IpcCallError(result.error.code, result.error.message);
  }) as MainCall;
}
