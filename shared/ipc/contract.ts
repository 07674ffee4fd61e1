import type { z } from 'zod';

import { appContract, appEventContract } from './app';
import { backupContract, backupEventContract } from './backup';
import { filesContract, filesEventContract } from './files';
import { ladderImportContract, ladderImportEventContract } from './ladder-import';
import { laddersContract, laddersEventContract } from './ladders';
import { lockContract, lockEventContract } from './lock';
import type { MethodName, SubscriberName } from './names';
import type { DomainContract, Operation } from './operation';
import { packetsContract, packetsEventContract } from './packets';
import { remindersContract, remindersEventContract } from './reminders';
import type { IpcResult } from './result';
import { settingsContract, settingsEventContract } from './settings';
import { shellContract, shellEventContract } from './shell';

export type { AppInfo } from './app';
export { appInfoSchema } from './app';
export type { Operation };

/**
 * Every operation between renderer and main, with the schemas main validates against: the one
 * list. Each domain declares its own in shared/ipc/<domain>.ts; channel names, the per-domain
 * unions, ipcMain registration and the preload's function names are all derived from here.
 *
 * What main takes from the renderer that touches the file system (assume the renderer is hostile):
 * - no operation takes a path or a folder. Folders come from main's dialogs (ladders:choose-folder,
 *   files:export-folder) or are Trellis's own (userData, the shipped ladders);
 * - ladders `key`: `origin:file.yaml`, looked up among the files main listed itself, never joined to a path;
 * - `ladderId` + `hash`: an id of the ladder id pattern and a sha256, naming a file in Trellis's version store;
 * - `suggestedName` and export file names: plain file names (no folder, no dot file, no device name),
 *   only ever inside the folder the user picked, with the extension of the export's kind;
 * - `ladder-import:save` `name`: a plain `.yaml` file name, written only inside the user's ladders folder, never over a file;
 * - `shell:open-external` `url`: opened only after the user confirms it in main's dialog;
 * - `reminders:schedule`: days and names only; main writes a notification's words itself;
 * - `lock:*` `id`: a random token naming an entry in main's own device-keys.json, never a path.
 */
export const contract = {
  ...appContract,
  ...settingsContract,
  ...shellContract,
  ...laddersContract,
  ...ladderImportContract,
  ...filesContract,
  ...backupContract,
  ...packetsContract,
  ...remindersContract,
  ...lockContract,
} as const satisfies DomainContract;

/** The payload schema of every event main pushes; main validates before sending. */
export const eventContract = {
  ...appEventContract,
  ...settingsEventContract,
  ...shellEventContract,
  ...laddersEventContract,
  ...ladderImportEventContract,
  ...filesEventContract,
  ...backupEventContract,
  ...packetsEventContract,
  ...remindersEventContract,
  ...lockEventContract,
} as const satisfies Record<string, z.ZodType>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type EventName = keyof typeof eventContract;
/** The channels of one domain: `DomainChannel<'ladders'>` is every 'ladders:…' operation. */
export type DomainChannel<D extends string> = Extract<Channel, `${D}:${string}`>;

export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

type OperationFunctions = {
  [C in Channel as MethodName<C>]: undefined extends Input<C>
    ? (input?: Input<C>) => Promise<IpcResult<Output<C>>>
    : (input: Input<C>) => Promise<IpcResult<Output<C>>>;
};

/** Each subscribe function returns the function that unsubscribes. */
type EventSubscribers = {
  [E in EventName as SubscriberName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/** The shape of `window.trellis`: one typed function per operation and per event, nothing else. */
export type TrellisApi = OperationFunctions & EventSubscribers;
