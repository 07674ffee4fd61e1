import type { LadderSummary } from '../../../shared/ipc/ladders';
import type { Ladder } from '../../../shared/ladder';
import { type Output, useMainQuery } from '../../app/useMain';

/** The ladders a packet can be judged against: valid ones, once per id, the user's own file first. */
export function usableLadders(list: Output<'ladders:list'> | undefined): LadderSummary[] {
  const usable = (list?.ladders ?? []).filter((l) => l.id && l.hash && l.status !== 'invalid');
  const ids = [...new Set(usable.map((l) => l.id!))];
  return ids.map((id) => usable.find((l) => l.id === id && l.origin === 'user') ?? usable.find((l) => l.id === id)!);
}

export function useLadderList() {
  return useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'] });
}

/** The version of a ladder in use now. */
export function useCurrentLadder(summary: LadderSummary | undefined): { ladder: Ladder | null; loading: boolean; error: string | null } {
  const detail = useMainQuery('ladders:get', { key: summary?.key ?? 'bundled:none.yaml' }, { skip: !summary, refreshKey: summary?.hash ?? null });
  return {
    ladder: detail.status === 'ready' && summary ? detail.value.ladder : null,
    loading: Boolean(summary) && detail.status === 'loading',
    error: detail.status === 'error' ? detail.error : null,
  };
}

/** The exact version a packet was frozen against, from main's version store. */
export function useFrozenLadder(ladderId: string, hash: string) {
  return useMainQuery('ladders:version-get', { ladderId, hash });
}
