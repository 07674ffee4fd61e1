import { contextBridge, ipcRenderer } from 'electron';

import type { TrellisApi } from '../shared/ipc/contract';
import type { PreloadNames } from '../shared/ipc/names';

/** The contract's channel and event names with their function names, baked in by vite.electron.config.ts. */
declare const __TRELLIS_IPC_NAMES__: PreloadNames;

/**
 * window.trellis: one function per operation of the contract and nothing else. The renderer
 * never sees ipcRenderer or a generic invoke; main validates whatever arrives anyway. The names
 * come from the contract at build time, so this bundle carries neither zod nor the schemas.
 */
const names = __TRELLIS_IPC_NAMES__;

const operations = names.operations.map(([channel, method]) => [method, (input?: unknown) => ipcRenderer.invoke(channel, input)]);

const subscribers = names.events.map(([event, name]) => [
  name,
  (listener: (payload: unknown) => void) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => void ipcRenderer.removeListener(event, forward);
  },
]);

const api = Object.fromEntries([...operations, ...subscribers]) as unknown as TrellisApi;

contextBridge.exposeInMainWorld('trellis', Object.freeze(api));
