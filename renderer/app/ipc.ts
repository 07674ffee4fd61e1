import type { TrellisApi } from '../../shared/ipc/contract';
import type { ErrorCode, IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    trellis: TrellisApi;
  }
}

/** An IPC error, as main described it: a stable code and a message fit for the user. */
export class IpcCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcCallError';
  }
}

/** Turns main's `{ok, value} | {ok, error}` answer into a value or a thrown IpcCallError. */
export async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  throw new IpcCallError(result.error.code, result.error.message);
}

export const trellis = (): TrellisApi => window.trellis;
