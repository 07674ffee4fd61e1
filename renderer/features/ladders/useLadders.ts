import type { Output } from '../../app/useMain';
import { type MainQuery, useMainQuery } from '../../app/useMain';

/**
 * The ladder files main knows about, kept current: main pushes `ladders:changed` when a file
 * changes on disk (or is saved), and the list is fetched again.
 */
export function useLadderList(): MainQuery<Output<'ladders:list'>> {
  return useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'] });
}

/** One ladder with its files; fetched again whenever `version` (the hashes main reports) moves. */
export function useLadderDetail(key: string | null, version: string): MainQuery<Output<'ladders:get'>> {
  return useMainQuery('ladders:get', { key: key ?? '' }, { skip: !key, refreshKey: version });
}
