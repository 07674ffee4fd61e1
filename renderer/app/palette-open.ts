import { useSyncExternalStore } from 'react';

/** Whether the command palette is open, and at what: shared by the shortcut layer and the sidebar's button. */
export type PaletteOpen = { mode: 'commands' | 'search'; commandId?: string } | null;

let state: PaletteOpen = null;
const listeners = new Set<() => void>();

export function setPaletteOpen(next: PaletteOpen | ((current: PaletteOpen) => PaletteOpen)): void {
  state = typeof next === 'function' ? next(state) : next;
  for (const l of listeners) l();
}

export function usePaletteOpen(): PaletteOpen {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
