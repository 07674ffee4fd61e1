/**
 * The names of every IPC operation. Kept apart from the zod schemas so that the preload,
 * which only needs names, stays small. `contract.ts` must declare exactly these channels.
 */
export const channels = [
  'app:info',
  'settings:get',
  'settings:set',
  'shell:open-external',
  'ladders:list',
  'ladders:get',
  'ladders:save',
  'ladders:save-draft',
  'ladders:copy-to-folder',
  'ladders:edit-cell',
  'ladders:choose-folder',
  'ladders:versions',
  'ladders:version-get',
  'ladders:version-diff',
  'ladders:review',
  'ladders:export-review',
  'files:save-text',
  'files:export-folder',
  'backup:status',
  'backup:begin',
  'backup:append',
  'backup:finish',
  'backup:cancel',
  'backup:choose-restore',
  'backup:inspect',
  'backup:read-database',
  'backup:restore-stage',
  'backup:restore-commit',
  'backup:restore-abort',
  'backup:open-folder',
] as const;

export type Channel = (typeof channels)[number];

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** 'settings:get' → 'settingsGet', 'shell:open-external' → 'shellOpenExternal'. */
export type MethodName<C extends string> = C extends `${infer Domain}:${infer Action}` ? `${Camel<Domain>}${Capitalize<Camel<Action>>}` : never;

export function methodName<C extends string>(channel: C): MethodName<C> {
  const [domain = '', action = ''] = channel.split(':');
  const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${camel(domain)}${upperFirst(camel(action))}` as MethodName<C>;
}

/** Events main pushes to the renderer (file changes, settings changed elsewhere). */
export const events = ['settings:changed', 'ladders:changed'] as const;

export type EventName = (typeof events)[number];

/** 'ladders:changed' → 'onLaddersChanged': the subscribe function on window.trellis. */
export type SubscriberName<E extends string> = `on${Capitalize<MethodName<E>>}`;

export function subscriberName<E extends EventName>(event: E): SubscriberName<E> {
  const name = methodName(event as unknown as Channel) as string;
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as SubscriberName<E>;
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value);
}
