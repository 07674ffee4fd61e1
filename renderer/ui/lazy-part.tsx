import { type ComponentType, lazy, type LazyExoticComponent, type ReactNode, Suspense } from 'react';

/**
 * A part of a screen whose code loads when it is first drawn. A feature's index.ts is imported by
 * the shell for its registrations, so anything it exports eagerly lands in the first screen's
 * JavaScript; exporting parts through this keeps them in their own chunk. The part carries its own
 * Suspense, so a caller draws it like any component and the rest of the screen never waits for it.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): ComponentType<P> {
  const Lazy = lazySection(load);
  function LazyPart(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}

/**
 * A lazily loaded block of a screen's layout (a card beside others): unlike lazyPart it has no
 * Suspense of its own, so while its code loads the screen waits at its own boundary and is drawn
 * whole. A card that popped in after the first paint moved the cards below it, and a click aimed
 * at one of their buttons landed elsewhere. Only for a card drawn together with the screen's first
 * content (after its own "Loading…"): one that mounts later, under a screen already up, would
 * blank that screen while its code loads.
 */
export function lazySection<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return preloadableLazy(async () => ({ default: await load() })) as unknown as ComponentType<P>;
}

/** Lazily loaded components whose code has not been asked for yet, in the order they were defined. */
const waiting = new Set<() => Promise<void>>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same constraint as React.lazy.
export type PreloadableLazy<T extends ComponentType<any>> = LazyExoticComponent<T> & { preload: () => Promise<void> };

/**
 * React.lazy with a `preload()` that fetches the code ahead of time. Once it has loaded, drawing the
 * component does not suspend at all: the loader then hands React a thenable that is already
 * fulfilled, which React.lazy reads synchronously, so no fallback flashes for a frame.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same constraint as React.lazy.
export function preloadableLazy<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): PreloadableLazy<T> {
  let loaded: { default: T } | null = null;
  let loading: Promise<{ default: T }> | null = null;
  const fetchModule = (): Promise<{ default: T }> =>
    (loading ??= (waiting.delete(preload), load()).then(
      (module) => (loaded = module),
      (error: unknown) => {
        // A failed load may be tried again (the next open of the screen shows its own error).
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => {
    if (!loaded) return fetchModule();
    const module = loaded;
    // Resolved on the spot: React.lazy sees the module before it would suspend.
    return { then: (onFulfilled: (m: { default: T }) => unknown) => void onFulfilled(module) } as unknown as Promise<{ default: T }>;
  });
  const preload = (): Promise<void> => fetchModule().then(() => undefined);
  waiting.add(preload);
  return Object.assign(Lazy, { preload });
}

/**
 * Fetches the code of every lazily loaded component, one at a time, each after `pause()` (an idle
 * moment), including the ones defined by the code just fetched (a screen's own lazy parts), so
 * that nothing the user opens later shows a loading placeholder or needs a request. A component
 * drawn meanwhile is not fetched twice.
 */
export async function preloadAll(pause: () => Promise<void>): Promise<void> {
  for (;;) {
    const next = waiting.values().next();
    if (next.done) return;
    waiting.delete(next.value);
    await pause();
    // A chunk that fails to load here loads, or shows its error, when it is drawn.
    await next.value().catch(() => {});
  }
}
