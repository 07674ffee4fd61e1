import { useCurrentLadder } from '../../app/useLadders';

/**
 * The competencies of a ladder, by id and name (the version in
 * use now: a cycle asks peers about competencies, not a level's exact wording).
 */
export function useLadderCompetencies(ladderId: string | null) {
  const current = useCurrentLadder(ladderId);
  const competencies = (current.ladder?.competencies ?? []).map((c) => ({ id: c.id, name: c.name }));
  return { competencies, loading: current.loading, error: current.error };
}

/** A competency's name, or its id when the ladder does not list it (any more). */
export function competencyName(competencies: readonly { id: string; name: string }[], id: string | null): string {
  if (id === null) return 'In general';
  return competencies.find((c) => c.id === id)?.name ?? id;
}
