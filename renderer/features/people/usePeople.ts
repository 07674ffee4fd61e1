import { useLiveQuery } from 'dexie-react-hooks';

import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';

/** All people, live: re-renders whenever any window changes the table. Undefined while loading. */
export function usePeople(): Person[] | undefined {
  const { people } = useRepositories();
  return useLiveQuery(() => people.list(), [people]);
}
