/**
 * The names of every IPC operation and event, derived from the contract (never written out a
 * second time). Node-side code and tests use these lists; the preload gets the same names
 * baked in at build time (vite.electron.config.ts), so it stays free of zod.
 */
import { type Channel, contract, eventContract, type EventName } from './contract';

export { type MethodName, methodName, type SubscriberName, subscriberName } from './names';
export type { Channel, EventName };

export const channels = Object.keys(contract) as Channel[];
export const events = Object.keys(eventContract) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
