import { useCallback } from 'react';

import { competencyNameOf, type CriterionRef } from '../../../shared/evidence/refs';
import { useCurrentLadder, useCurrentLadders } from '../../app/useLadders';

/**
 * The competencies of a ladder, by id and name (the version in
 * use now: a cycle asks peers about competencies, not a level's exact wording).
 */
export function useLadderCompetencies(ladderId: string | null) {
  const current = useCurrentLadder(ladderId);
  const competencies = (current.ladder?.competencies ?? []).map((c) => ({ id: c.id, name: c.name }));
  return { competencies, loading: current.loading, error: current.error };
}

export type CompetencyNamer = (ref: Pick<CriterionRef, 'ladderId' | 'competencyId'> | null) => string;

/**
 * Names competency references, each from its own ladder (in its version in use now): a cycle or
 * a wins log may name competencies of several ladders. A reference its ladder no longer has is an
 * "Unknown competency"; null is feedback about no competency in particular ("In general").
 */
export function useCompetencyNames(refs: readonly Pick<CriterionRef, 'ladderId'>[]): CompetencyNamer {
  const ladders = useCurrentLadders(refs.map((r) => r.ladderId));
  return useCallback((ref) => (ref === null ? 'In general' : competencyNameOf(ref, ladders)), [ladders]);
}
