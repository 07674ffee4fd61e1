import { useEffect, useState } from 'react';

import type { LadderSummary } from '../../shared/ipc/ladders';
import type { ErrorCode } from '../../shared/ipc/result';
import type { Ladder } from '../../shared/ladder';
import { errorMessage } from './errors';
import { IpcCallError } from './ipc';
import { inUseKey, ladderFile, peekLadderFile, peekStoredVersion, storedVersion, storedVersionKey } from './ladder-cache';
import { type Output, useMainQuery } from './useMain';

export { ladderFile, peekLadderFile, peekStoredVersion, storedVersion } from './ladder-cache';

/**
 * The ladders as the features that judge people against them read them (assessments, packets,
 * growth plans): the list main keeps current, the file in use for each ladder id, that file's
 * version as it is now, and an exact version from main's version store. Ladder models come
 * through one cache (ladder-cache.ts), so a screen that needs one another screen read draws at once.
 */

/** Every ladder main knows, kept current as files change; the last list any screen had is shown while main is asked again. */
export function useLadderList({ skip = false }: { skip?: boolean } = {}) {
  return useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'], skip, shareLatest: true });
}

/** The file in use for a ladder id: a usable one, the user's own before a bundled copy. */
export function summaryFor(list: Output<'ladders:list'> | undefined, ladderId: string): LadderSummary | undefined {
  const usable = (list?.ladders ?? []).filter((l) => l.id === ladderId && l.hash !== null && l.status !== 'invalid');
  return usable.find((l) => l.origin === 'user') ?? usable[0];
}

/** The ladders a person can be judged against: valid ones, once per id. */
export function usableLadders(list: Output<'ladders:list'> | undefined): LadderSummary[] {
  const ids = [...new Set((list?.ladders ?? []).filter((l) => l.id && l.hash && l.status !== 'invalid').map((l) => l.id!))];
  return ids.map((id) => summaryFor(list, id)!).filter(Boolean);
}

type Shared<T> =
  | { status: 'loading'; value: undefined; error: null }
  | { status: 'ready'; value: T; error: null }
  | { status: 'error'; value: undefined; error: string; code: ErrorCode | null };

/**
 * A cached answer as a screen reads it: ready at once when it is already here, else 'loading'
 * until main answers. While another is asked for, the last one stays (as useMainQuery keeps its value).
 */
function useShared<T>(key: string | null, peek: () => T | undefined, ask: () => Promise<T>): Shared<T> {
  const [got, setGot] = useState<{ key: string; answer: Shared<T> } | null>(null);
  const known = key === null ? undefined : peek();
  useEffect(() => {
    if (key === null || known !== undefined) return;
    let live = true;
    ask().then(
      (value) => live && setGot({ key, answer: { status: 'ready', value, error: null } }),
      (error: unknown) =>
        live &&
        setGot({ key, answer: { status: 'error', value: undefined, error: errorMessage(error), code: error instanceof IpcCallError ? error.code : null } }),
    );
    return () => {
      live = false;
    };
    // The key names the question; `ask` and `peek` are new closures on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, known === undefined]);
  if (known !== undefined) return { status: 'ready', value: known, error: null };
  return got?.answer ?? { status: 'loading', value: undefined, error: null };
}

/** A ladder file as main has it now (the version the list names), shared between screens; null skips. */
export function useLadderFile(summary: LadderSummary | null | undefined): Shared<Output<'ladders:get'>> {
  return useShared(
    summary ? inUseKey(summary) : null,
    () => (summary ? peekLadderFile(summary) : undefined),
    () => ladderFile(summary!),
  );
}

/** The version of a ladder in use now (null while loading, with no ladder id, or when the ladder is gone). */
export function useCurrentLadder(ladderId: string | null): {
  summary: LadderSummary | undefined;
  ladder: Ladder | null;
  loading: boolean;
  error: string | null;
} {
  const list = useLadderList({ skip: !ladderId });
  const listed = list.status === 'ready' ? list.value : undefined;
  const summary = ladderId ? summaryFor(listed, ladderId) : undefined;
  const detail = useLadderFile(summary);
  const ladder = detail.status === 'ready' && summary && detail.value.summary.key === summary.key ? detail.value.ladder : null;
  const loading = Boolean(ladderId) && (list.status === 'loading' || (Boolean(summary) && detail.status === 'loading'));
  const error = list.status === 'error' ? list.error : detail.status === 'error' ? detail.error : null;
  return { summary, ladder, loading, error };
}

/** An exact version of a ladder (what an assessment or a packet was frozen against), from main's version store; asked once per run. */
export function useFrozenLadder(ladderId: string, hash: string): Shared<Output<'ladders:version-get'>> {
  return useShared(
    storedVersionKey(ladderId, hash),
    () => peekStoredVersion(ladderId, hash),
    () => storedVersion(ladderId, hash),
  );
}

/**
 * The versions in use now of several ladders, by id (null: no usable file for that id, or it
 * cannot be read), for records that name competencies of more than one ladder. Until all have
 * answered, the map holds those that did; it follows ladder files as they change.
 */
export function useCurrentLadders(ladderIds: readonly string[]): ReadonlyMap<string, Ladder | null> {
  const list = useLadderList({ skip: ladderIds.length === 0 });
  const [ladders, setLadders] = useState<ReadonlyMap<string, Ladder | null>>(() => new Map());
  const ids = [...new Set(ladderIds)].sort().join('\n');
  const listed = list.status === 'ready' ? list.value : undefined;
  useEffect(() => {
    if (!listed) return;
    let live = true;
    const wanted = ids ? ids.split('\n') : [];
    void Promise.all(
      wanted.map(async (id) => {
        const summary = summaryFor(listed, id);
        if (!summary) return [id, null] as const;
        try {
          return [id, (await ladderFile(summary)).ladder ?? null] as const;
        } catch {
          return [id, null] as const;
        }
      }),
    ).then((found) => {
      if (live) setLadders(new Map(found));
    });
    return () => {
      live = false;
    };
  }, [listed, ids]);
  return ladders;
}
