import { createContext, useContext } from 'react';
import type { TrellisDatabase } from '../db/database';
import { PeopleRepository } from '../db/people';

export interface Repositories {
  db: TrellisDatabase;
  people: PeopleRepository;
}

export function createRepositories(db: TrellisDatabase): Repositories {
  return { db, people: new PeopleRepository(db) };
}

const RepositoriesContext = createContext<Repositories | null>(null);

export function RepositoriesProvider({ value, children }: { value: Repositories; children: React.ReactNode }) {
  return <RepositoriesContext.Provider value={value}>{children}</RepositoriesContext.Provider>;
}

export function useRepositories(): Repositories {
  const repos = useContext(RepositoriesContext);
  if (!repos) throw new Error('useRepositories must be used inside RepositoriesProvider');
  return repos;
}
