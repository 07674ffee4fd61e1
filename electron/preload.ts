import { contextBridge, ipcRenderer } from 'electron';

import { channels, events, methodName, subscriberName } from '../shared/ipc/channels';
import type { TrellisApi } from '../shared/ipc/contract';

/**
 * window.trellis: one function per operation of the contract and nothing else. The renderer
 * never sees ipcRenderer or a generic invoke; main validates whatever arrives anyway.
 */
const operations = channels.map((channel) => [methodName(channel), (input?: unknown) => ipcRenderer.invoke(channel, input)]);

const subscribers = events.map((event) => [
  subscriberName(event),
  (listener: (payload: unknown) => void) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => void ipcRenderer.removeListener(event, forward);
  },
]);

const api = Object.fromEntries([...operations, ...subscribers]) as unknown as TrellisApi;

contextBridge.exposeInMainWorld('trellis', Object.freeze(api));
