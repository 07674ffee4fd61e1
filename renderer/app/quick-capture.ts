import { useSyncExternalStore } from 'react';

/**
 * Quick capture from anywhere: a shortcut or a palette command asks for it here, and the shell
 * (CommandLayer) opens the capture dialog of that kind over whatever screen is showing, with the
 * person of that screen filled in. `personId`, when given, wins over the screen's person.
 */
export type CaptureKind = 'feedback' | 'win';
export type CaptureRequest = { kind: CaptureKind; personId?: string } | null;

let state: CaptureRequest = null;
const listeners = new Set<() => void>();

export function requestCapture(next: CaptureRequest): void {
  state = next;
  for (const l of listeners) l();
}

export function useCaptureRequest(): CaptureRequest {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
