import type { Person } from '../../../shared/domain/person';
import type { FrozenLadderRef } from '../../../shared/evidence/refs';

/** A person's place on the ladder, as the People feature stores it (being added beside this one). */
export interface PersonPlacement {
  ladderId: string;
  trackId: string;
  levelId: string;
  against: FrozenLadderRef;
}

/** The person's placement when the record has one (older records and builds without it have none). */
export function placementOf(person: Person): PersonPlacement | undefined {
  const placement = (person as Person & { placement?: PersonPlacement }).placement;
  return placement && typeof placement.ladderId === 'string' && typeof placement.levelId === 'string' ? placement : undefined;
}
