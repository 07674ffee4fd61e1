import { z } from 'zod';

import { settingsPatchSchema, settingsSchema } from '../settings';
import { backupContract } from './backup';
import type { Channel, EventName, MethodName, SubscriberName } from './channels';
import { laddersContract, laddersEventContract } from './ladders';
import type { IpcResult } from './result';

export interface Operation {
  input: z.ZodType;
  output: z.ZodType;
}

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  paths: z.object({
    userData: z.string(),
    settings: z.string(),
    ladders: z.string(),
  }),
});
export type AppInfo = z.output<typeof appInfoSchema>;

const noInput = z.undefined();

/** Exports are text; 20 MB per file and 20,000 files bound what a renderer can ask main to write. */
const exportText = z.string().max(20_000_000);
const exportFileSchema = z.object({ name: z.string().min(1).max(200), content: exportText }).strict();

/** Every operation between renderer and main, with the schemas main validates against. */
export const contract = {
  'app:info': { input: noInput, output: appInfoSchema },
  'settings:get': { input: noInput, output: settingsSchema },
  'settings:set': { input: settingsPatchSchema, output: settingsSchema },
  'shell:open-external': {
    input: z.object({ url: z.string().min(1).max(2048) }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
  ...laddersContract,
  ...backupContract,
  'files:save-text': {
    input: z
      .object({
        suggestedName: z.string().min(1).max(200),
        content: exportText,
        kind: z.enum(['markdown', 'calendar', 'csv']),
        title: z.string().min(1).max(200),
      })
      .strict(),
    output: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'files:export-folder': {
    input: z.object({ title: z.string().min(1).max(200), files: z.array(exportFileSchema).min(1).max(20_000) }).strict(),
    output: z.object({ saved: z.boolean(), folder: z.string().optional(), written: z.array(z.string()) }),
  },
} as const satisfies Record<Channel, Operation>;

/** The payload schema of every event main pushes; main validates before sending. */
export const eventContract = {
  'settings:changed': settingsSchema,
  ...laddersEventContract,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

export type Contract = typeof contract;
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
