import { type Channel, type EventName, methodName, subscriberName } from '../../shared/ipc/channels';
import type { EventPayload, Input, Output, TrellisApi } from '../../shared/ipc/contract';
import type { ErrorCode, IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    trellis: TrellisApi;
  }
}

/**
 * The one place that touches window.trellis (lint forbids it elsewhere). Screens use the hooks of
 * useMain.ts, which call these two functions.
 */

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

/** The arguments of an operation: none when its input may be left out. */
export type InputArgs<C extends Channel> = undefined extends Input<C> ? [input?: Input<C>] : [input: Input<C>];

/** Calls one operation of the contract; resolves to its typed output or throws an IpcCallError. */
export async function callMain<C extends Channel>(channel: C, ...[input]: InputArgs<C>): Promise<Output<C>> {
  // The contract types each method; looked up by channel name, TypeScript cannot follow the mapping.
  const operation = (window.trellis as unknown as Record<string, unknown>)[methodName(channel)] as (input?: Input<C>) => Promise<IpcResult<Output<C>>>;
  const result = await operation(input);
  if (result.ok) return result.value;
  throw new IpcCallError(result.error.code, result.error.message);
}

/** Listens to an event main pushes; returns the function that stops listening. */
export function onMainEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const subscribe = (window.trellis as unknown as Record<string, unknown>)[subscriberName(event)] as (
    listener: (payload: EventPayload<E>) => void,
  ) => () => void;
  return subscribe(listener);
}

const perMainState = new WeakMap<object, Map<string, unknown>>();

/**
 * State kept beside one main (answers shared between screens): made on first use, and made
 * afresh when the page talks to another main — a test that installs a new window.trellis.
 */
export function perMain<T>(name: string, make: () => T): T {
  const api = window.trellis as unknown as object;
  let state = perMainState.get(api);
  if (!state) perMainState.set(api, (state = new Map()));
  if (!state.has(name)) state.set(name, make());
  return state.get(name) as T;
}
