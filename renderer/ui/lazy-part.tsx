import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';

/**
 * A part of a screen whose code loads when it is first drawn. A feature's index.ts is imported by
 * the shell for its registrations, so anything it exports eagerly lands in the first screen's
 * JavaScript; exporting parts through this keeps them in their own chunk. The part carries its own
 * Suspense, so a caller draws it like any component and the rest of the screen never waits for it.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function LazyPart(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}
