import { channels } from '../../shared/ipc/channels';
import { type Dispatch, forbiddenResult, isTrustedSender } from './dispatch';

/** The slice of Electron's ipcMain that registration needs (so tests can hand in their own). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, payload: unknown) => unknown): void;
}

/** One ipcMain handler per contract channel; each checks the calling frame's origin before dispatching. */
export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload) => (isTrustedSender(event.senderFrame?.url) ? dispatch(channel, payload) : forbiddenResult));
  }
}
