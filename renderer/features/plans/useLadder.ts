import type { Person } from '../../../shared/domain/person';
import type { Ladder } from '../../../shared/ladder';
import { useMainQuery } from '../../app/useMain';

/**
 * The version in use now of the ladder a person is placed on (the user's own file before a
 * bundled copy), kept current as files change; null while loading, when the person is not
 * placed, or when the ladder is gone. Growth reads ladders the same way (growth/useAssessmentLadders).
 */
export function usePersonLadder(person: Pick<Person, 'placement'> | null | undefined): { ladder: Ladder | null; loading: boolean } {
  const ladderId = person?.placement?.ladderId ?? null;
  const list = useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'], skip: !ladderId });
  const usable = list.status === 'ready' ? list.value.ladders.filter((l) => l.id === ladderId && l.hash !== null && l.status !== 'invalid') : [];
  const summary = usable.find((l) => l.origin === 'user') ?? usable[0];
  const detail = useMainQuery('ladders:get', { key: summary?.key ?? 'bundled:none.yaml' }, { skip: !summary, refreshKey: summary?.hash ?? null });
  const ladder = detail.status === 'ready' && summary ? detail.value.ladder : null;
  const loading = Boolean(ladderId) && (list.status === 'loading' || (Boolean(summary) && detail.status === 'loading'));
  return { ladder, loading };
}
