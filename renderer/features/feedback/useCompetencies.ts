import type { Person } from '../../../shared/domain/person';
import type { CriterionRef } from '../../../shared/evidence/refs';
import { useMainQuery } from '../../app/useMain';

export interface CompetencyChoice {
  ref: CriterionRef;
  name: string;
}

/**
 * The competencies a person's place on the ladder names (their track, at their level), from the
 * exact version they were placed against: what feedback and wins about them can point at. Empty
 * for someone not placed on a ladder.
 */
export function useCompetencies(person: Person | null | undefined): {
  choices: CompetencyChoice[];
  loading: boolean;
  error: string | null;
  ladderName: string | null;
} {
  const placement = person?.placement;
  const version = useMainQuery(
    'ladders:version-get',
    { ladderId: placement?.ladderId ?? 'none', hash: placement?.against.hash ?? '0'.repeat(64) },
    { skip: !placement, refreshKey: placement ? `${placement.ladderId}:${placement.against.hash}` : null },
  );
  if (!placement) return { choices: [], loading: false, error: null, ladderName: null };
  if (version.status === 'loading') return { choices: [], loading: true, error: null, ladderName: null };
  if (version.status === 'error') return { choices: [], loading: false, error: version.error, ladderName: null };
  const ladder = version.value.ladder;
  const choices = ladder.competencies
    .filter((c) => c.trackIds.includes(placement.trackId))
    .map((c) => ({ ref: { ladderId: ladder.id, competencyId: c.id, levelId: placement.levelId }, name: c.name }));
  return { choices, loading: false, error: null, ladderName: `${ladder.name} ${ladder.version}` };
}
