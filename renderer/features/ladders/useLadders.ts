import { useCallback, useEffect, useState } from 'react';

import type { LadderDetail, LadderList } from '../../../shared/ipc/ladders';
import { trellis, unwrap } from '../../app/ipc';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/**
 * The ladder files main knows about, kept current: main pushes `ladders:changed` when a file
 * changes on disk (or is saved), and the list is fetched again.
 */
export function useLadderList(): { list: Loadable<LadderList>; reload: () => void } {
  const [list, setList] = useState<Loadable<LadderList>>({ state: 'loading' });
  const reload = useCallback(() => {
    unwrap(trellis().laddersList())
      .then((value) => setList({ state: 'ready', value }))
      .catch((e: Error) => setList({ state: 'error', message: e.message }));
  }, []);
  useEffect(() => {
    reload();
    return trellis().onLaddersChanged(() => reload());
  }, [reload]);
  return { list, reload };
}

/** One ladder with its files; fetched again whenever `version` (the hashes main reports) moves. */
export function useLadderDetail(key: string | null, version: string): Loadable<LadderDetail> | null {
  const [detail, setDetail] = useState<Loadable<LadderDetail> | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    unwrap(trellis().laddersGet({ key }))
      .then((value) => live && setDetail({ state: 'ready', value }))
      .catch((e: Error) => live && setDetail({ state: 'error', message: e.message }));
    return () => {
      live = false;
    };
  }, [key, version]);
  return key ? detail : null;
}
