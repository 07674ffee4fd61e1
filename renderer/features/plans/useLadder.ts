import type { Person } from '../../../shared/domain/person';
import type { Ladder } from '../../../shared/ladder';
import { useCurrentLadder } from '../../app/useLadders';

/**
 * The version in use now of the ladder a person is placed on (the user's own file before a
 * bundled copy), kept current as files change; null while loading, when the person is not
 * placed, or when the ladder is gone.
 */
export function usePersonLadder(person: Pick<Person, 'placement'> | null | undefined): { ladder: Ladder | null; loading: boolean } {
  const { ladder, loading } = useCurrentLadder(person?.placement?.ladderId ?? null);
  return { ladder, loading };
}
