import { useEffect, useState } from 'react';

import type { LadderSummary } from '../../shared/ipc/ladders';
import type { Ladder } from '../../shared/ladder';
import { type Output, useMainCall, useMainQuery } from './useMain';

/**
 * The ladders as the features that judge people against them read them (assessments, packets,
 * growth plans): the list main keeps current, the file in use for each ladder id, that file's
 * version as it is now, and an exact version from main's version store.
 */

/** Every ladder main knows, kept current as files change. */
export function useLadderList({ skip = false }: { skip?: boolean } = {}) {
  return useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'], skip });
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
  const detail = useMainQuery('ladders:get', { key: summary?.key ?? 'bundled:none.yaml' }, { skip: !summary, refreshKey: summary?.hash ?? null });
  const ladder = detail.status === 'ready' && summary ? detail.value.ladder : null;
  const loading = Boolean(ladderId) && (list.status === 'loading' || (Boolean(summary) && detail.status === 'loading'));
  const error = list.status === 'error' ? list.error : detail.status === 'error' ? detail.error : null;
  return { summary, ladder, loading, error };
}

/** An exact version of a ladder (what an assessment or a packet was frozen against), from main's version store. */
export function useFrozenLadder(ladderId: string, hash: string) {
  return useMainQuery('ladders:version-get', { ladderId, hash });
}

/**
 * The versions in use now of several ladders, by id (null: no usable file for that id, or it
 * cannot be read), for records that name competencies of more than one ladder. Until all have
 * answered, the map holds those that did; it follows ladder files as they change.
 */
export function useCurrentLadders(ladderIds: readonly string[]): ReadonlyMap<string, Ladder | null> {
  const list = useLadderList({ skip: ladderIds.length === 0 });
  const call = useMainCall();
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
          return [id, (await call('ladders:get', { key: summary.key })).ladder ?? null] as const;
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
  }, [listed, ids, call]);
  return ladders;
}
