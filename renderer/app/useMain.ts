import { useCallback, useEffect, useRef, useState } from 'react';

import type { Channel, EventName } from '../../shared/ipc/channels';
import type { EventPayload, Input, Output } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/result';
import { errorMessage } from './errors';
import { callMain, type InputArgs, IpcCallError, onMainEvent, perMain } from './ipc';

export type { InputArgs };

/**
 * The one path from a screen to main. A screen reads with useMainQuery, changes things with
 * useMainAction and follows main's pushes with useMainEvent; none of them sees window.trellis.
 * Everything is typed by the contract in shared/ipc: the channel names the input and output.
 */

export type MainQuery<T> = (
  | { status: 'loading'; value: undefined; error: null; code: null }
  | { status: 'ready'; value: T; error: null; code: null }
  | { status: 'error'; value: undefined; error: string; code: ErrorCode | null }
) & {
  /** Asks main again; the current value stays on screen until the answer comes. */
  reload: () => void;
};

export interface MainQueryOptions {
  /** Events main pushes after which the answer may have changed (e.g. 'ladders:changed'). */
  refreshOn?: readonly EventName[];
  /** Asks again whenever this changes (e.g. the hash of the file the answer is about). */
  refreshKey?: string | number | null;
  /** Not asked while true (e.g. until the user picked something). */
  skip?: boolean;
  /**
   * Starts from the last answer any screen got to the same question, while main is asked again:
   * for answers many screens read and main pushes an event for when they change (the ladder
   * list), so a screen opened again draws at once. Dropped when one of `refreshOn` arrives.
   */
  shareLatest?: boolean;
}

type Answer<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string; code: ErrorCode | null };

/** The latest answers of queries that share them (`shareLatest`), by channel and input, and the events that make each stale. */
const sharedAnswers = () => perMain('shared-answers', () => ({ answers: new Map<string, unknown>(), staleAfter: new Map<EventName, Set<string>>() }));

function shareAnswer(key: string, value: unknown, events: readonly EventName[]): void {
  const { answers, staleAfter } = sharedAnswers();
  answers.set(key, value);
  for (const event of events) {
    let keys = staleAfter.get(event);
    if (!keys) {
      staleAfter.set(event, (keys = new Set()));
      onMainEvent(event, () => {
        for (const stale of keys!) answers.delete(stale);
      });
    }
    keys.add(key);
  }
}

/**
 * Reads from main (`input` is `undefined` for operations that take none): 'loading' until the first answer, then the latest answer ('ready' or 'error').
 * A newer question always wins over an older answer that arrives late, and the last value stays
 * on screen while main is asked again, so nothing flickers or loses its state on a refresh.
 */
export function useMainQuery<C extends Channel>(channel: C, input: Input<C>, options: MainQueryOptions = {}): MainQuery<Output<C>> {
  const { refreshOn = [], refreshKey = null, skip = false, shareLatest = false } = options;
  // The input is compared by value: screens pass object literals that are new on every render.
  const inputKey = JSON.stringify(input ?? null);
  const shareKey = shareLatest ? `${channel}\u0000${inputKey}\u0000${refreshKey ?? ''}` : null;
  const [answer, setAnswer] = useState<Answer<Output<C>>>(() =>
    shareKey !== null && sharedAnswers().answers.has(shareKey)
      ? { status: 'ready', value: sharedAnswers().answers.get(shareKey) as Output<C> }
      : { status: 'loading' },
  );
  const [round, setRound] = useState(0);
  const events = refreshOn.join(' ');
  const latest = useRef(0);

  useEffect(() => {
    if (skip) return;
    const ask = ++latest.current;
    const args = [(JSON.parse(inputKey) as Input<C> | null) ?? undefined] as InputArgs<C>;
    callMain(channel, ...args).then(
      (value) => {
        // An answer a newer question overtook is not shared either: it may be from before a change.
        if (ask !== latest.current) return;
        if (shareKey !== null) shareAnswer(shareKey, value, events ? (events.split(' ') as EventName[]) : []);
        setAnswer({ status: 'ready', value });
      },
      (error: unknown) =>
        ask === latest.current && setAnswer({ status: 'error', error: errorMessage(error), code: error instanceof IpcCallError ? error.code : null }),
    );
  }, [channel, inputKey, refreshKey, skip, round, shareKey, events]);

  useEffect(() => {
    if (skip || !events) return;
    const stops = events.split(' ').map((event) => onMainEvent(event as EventName, () => setRound((r) => r + 1)));
    return () => stops.forEach((stop) => stop());
  }, [events, skip]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  if (answer.status === 'ready') return { status: 'ready', value: answer.value, error: null, code: null, reload };
  if (answer.status === 'error') return { status: 'error', value: undefined, error: answer.error, code: answer.code, reload };
  return { status: 'loading', value: undefined, error: null, code: null, reload };
}

export interface MainAction<C extends Channel> {
  /** Runs the operation; resolves to its typed output, or rejects (the message is also in `error`). */
  run: (...args: InputArgs<C>) => Promise<Output<C>>;
  /** True while a run is in flight: disable the button that started it. */
  pending: boolean;
  /** What went wrong in the last run, in words for the user; null after a run that worked. */
  error: string | null;
}

/** Changes something in main (save, export, choose a folder) when the user asks for it. */
export function useMainAction<C extends Channel>(channel: C): MainAction<C> {
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  const run = useCallback(
    async (...args: InputArgs<C>): Promise<Output<C>> => {
      setPending((n) => n + 1);
      try {
        const value = await callMain(channel, ...args);
        if (mounted.current) setError(null);
        return value;
      } catch (e) {
        if (mounted.current) setError(errorMessage(e));
        throw e;
      } finally {
        if (mounted.current) setPending((n) => n - 1);
      }
    },
    [channel],
  );
  return { run, pending: pending > 0, error };
}

/** One typed call to main that throws on an error answer: what multi-step flows (backups, restores) take. */
export type MainCall = <C extends Channel>(channel: C, ...args: InputArgs<C>) => Promise<Output<C>>;

/**
 * For flows of many calls in a row that do not fit one action (a backup streams its database in
 * chunks): the same path as the hooks, handed to plain functions that tests call with their own
 * MainCall over the real handler table.
 */
export function useMainCall(): MainCall {
  return callMain;
}

/** Calls `listener` whenever main pushes `event`, for as long as the component is on screen. */
export function useMainEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  }, [listener]);
  useEffect(() => onMainEvent(event, (payload) => latest.current(payload)), [event]);
}

export type { Input, Output };
