import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext } from 'react';

import type { CalendarUser } from '../../shared/domain/ics';
import type { Person } from '../../shared/domain/person';
import type { Settings, UserRole } from '../../shared/settings';
import type { PeopleRepository } from '../db/people';
import { useRepositories } from './data';
import { callMain } from './ipc';
import { readSampleSession, type SampleSession } from './sample-session';
import { useMainQuery } from './useMain';

/**
 * Who is using Trellis: their role (manager, engineer, calibration committee member) and which
 * person in Trellis is them ("This is me"). Both are settings; while the sample team is open
 * they come from the sample session instead, so trying the sample never changes them.
 */
export interface CurrentUser {
  /** null until the welcome has asked (first run). */
  role: UserRole | null;
  /** The user's own person; null when not chosen. */
  meId: string | null;
  /** The open sample session, or null on the user's own data. */
  sample: SampleSession | null;
  settings: Settings | null;
  /** Settings are still loading: nothing is known yet. */
  loading: boolean;
  /** Asks main again (after this window changed a setting, without waiting for the event). */
  reload: () => void;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The session is read once per start: opening or leaving the sample restarts the app. */
const sampleAtStart = readSampleSession();

/** Reads the settings once for the whole app and follows their changes (this window, another, main). */
export function CurrentUserProvider({ children }: { children: React.ReactNode }) {
  const query = useMainQuery('settings:get', undefined, { refreshOn: ['settings:changed'] });
  const settings = query.status === 'ready' ? query.value : null;
  const value: CurrentUser = {
    role: sampleAtStart?.role ?? settings?.userRole ?? null,
    meId: sampleAtStart?.meId ?? settings?.mePersonId ?? null,
    sample: sampleAtStart,
    settings,
    loading: query.status === 'loading',
    reload: query.reload,
  };
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside CurrentUserProvider');
  return user;
}

/** The user's person, live; null when not chosen or gone, undefined while loading. */
export function useMe(): Person | null | undefined {
  const { meId } = useCurrentUser();
  const { people } = useRepositories();
  return useLiveQuery(async () => (meId ? ((await people.get(meId)) ?? null) : null), [people, meId]);
}

/** The user's person as it is now, for an export that is being written. */
export async function currentPerson(people: PeopleRepository): Promise<Person | null> {
  const sample = readSampleSession();
  const meId = sample ? sample.meId : (await callMain('settings:get')).mePersonId;
  return meId ? ((await people.get(meId)) ?? null) : null;
}

/** The user as calendar files name them (ORGANIZER): their person's name and email, when it has one. */
export function calendarUserOf(person: Pick<Person, 'name' | 'email'> | null): CalendarUser | null {
  return person?.email ? { email: person.email, name: person.name } : null;
}
