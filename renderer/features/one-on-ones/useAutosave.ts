import { useCallback, useEffect, useRef, useState } from 'react';

import { registerFlush } from '../../app/flush';
import { forgetIfSaved, keepUnsaved, type UnsavedWrite } from '../../app/unsaved';

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; error: unknown };

/**
 * Saves `value` a moment after the user stops typing. The value on screen is never replaced by
 * what is stored, so a failed save (e.g. a full disk) leaves every keystroke where it was; the
 * next edit or `retry` tries again. Pending changes are flushed when the screen closes; with
 * `unsaved`, they are also kept synchronously when the page goes away (a reload, a close) and
 * written at the next start should the flush be cut off (renderer/app/unsaved.ts).
 */
export function useAutosave<T>(value: T, save: (value: T) => Promise<unknown>, options: { delayMs?: number; unsaved?: (value: T) => UnsavedWrite } = {}) {
  const { delayMs = 600, unsaved } = options;
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef(value);
  const saved = useRef(value);
  const saveRef = useRef(save);
  const unsavedRef = useRef(unsaved);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    saveRef.current = save;
    unsavedRef.current = unsaved;
  }, [save, unsaved]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (running.current) await running.current;
    // Loop because typing may continue while a save is in flight: the newer text is saved next.
    let attempted: T | undefined;
    while (!Object.is(latest.current, saved.current) && !Object.is(latest.current, attempted)) {
      const target = latest.current;
      attempted = target;
      setState({ kind: 'saving' });
      const run = saveRef.current(target).then(
        () => {
          saved.current = target;
          if (unsavedRef.current) forgetIfSaved(unsavedRef.current(target));
          setState(Object.is(latest.current, target) ? { kind: 'saved' } : { kind: 'pending' });
        },
        (error: unknown) => setState({ kind: 'error', error }),
      );
      running.current = run;
      await run;
      running.current = null;
      if (!Object.is(saved.current, target)) return;
    }
  }, []);

  useEffect(() => {
    latest.current = value;
    if (Object.is(value, saved.current)) return;
    setState((s) => (s.kind === 'error' ? s : { kind: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delayMs);
  }, [value, delayMs, flush]);

  useEffect(() => () => void flush(), [flush]);
  // Also before a reload, a close or quit, or a database upgrade elsewhere (renderer/app/flush.ts).
  const keep = useCallback(() => {
    if (unsavedRef.current && !Object.is(latest.current, saved.current)) keepUnsaved(unsavedRef.current(latest.current));
  }, []);
  useEffect(() => registerFlush(flush, keep), [flush, keep]);

  return { state, retry: flush };
}

export function saveStateLabel(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'error':
      return 'Not saved';
  }
}
