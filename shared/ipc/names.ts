/**
 * How a channel name becomes a function name on `window.trellis`. Free of zod and of the
 * contract on purpose: the vite config uses it to hand the preload its list of names.
 */

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** 'settings:get' → 'settingsGet', 'shell:open-external' → 'shellOpenExternal'. */
export type MethodName<C extends string> = C extends `${infer Domain}:${infer Action}` ? `${Camel<Domain>}${Capitalize<Camel<Action>>}` : never;

export function methodName<C extends string>(channel: C): MethodName<C> {
  const [domain = '', action = ''] = channel.split(':');
  const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${camel(domain)}${upperFirst(camel(action))}` as MethodName<C>;
}

/** 'ladders:changed' → 'onLaddersChanged': the subscribe function on window.trellis. */
export type SubscriberName<E extends string> = `on${Capitalize<MethodName<E>>}`;

export function subscriberName<E extends string>(event: E): SubscriberName<E> {
  const name = methodName(event) as string;
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as SubscriberName<E>;
}

/** What the preload needs to build window.trellis: [channel, function name] pairs. */
export interface PreloadNames {
  operations: [channel: string, method: string][];
  events: [event: string, subscriber: string][];
}

export function preloadNames(channels: readonly string[], events: readonly string[]): PreloadNames {
  return { operations: channels.map((c) => [c, methodName(c)]), events: events.map((e) => [e, subscriberName(e)]) };
}
