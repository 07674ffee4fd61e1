import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from '../../app/data';
import type { Person } from '../../../shared/domain/person';

/** All people, live: re-renders whenever any window changes the table. Undefined while loading. */
export function usePeople(): Person[] | undefined {
  const { people } = useRepositories();
  return useLiveQuery(() => people.list(), [people]);
}
