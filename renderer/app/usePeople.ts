import { useLiveQuery } from 'dexie-react-hooks';

import type { Person } from '../../shared/domain/person';
import type { Team } from '../../shared/domain/team';
import { useRepositories } from './data';

/** All people, live: re-renders whenever any window changes the table. Undefined while loading. */
export function usePeople(): Person[] | undefined {
  const { people } = useRepositories();
  return useLiveQuery(() => people.list(), [people]);
}

/** One person, live; null when there is no such person, undefined while loading. */
export function usePerson(id: string): Person | null | undefined {
  const { people } = useRepositories();
  return useLiveQuery(async () => (await people.get(id)) ?? null, [people, id]);
}

/** All teams, by name, live. Undefined while loading. */
export function useTeams(): Team[] | undefined {
  const { teams } = useRepositories();
  return useLiveQuery(() => teams.list(), [teams]);
}
