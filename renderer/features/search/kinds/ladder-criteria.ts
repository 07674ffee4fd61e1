import { criteriaIndex } from '../../../../shared/ladder/criteria-ids';
import type { Ladder } from '../../../../shared/ladder/model';
import { registerSearchKind, type SearchDoc } from './registry';

/** Where a criterion is: the ladder file (its key), the competency and the lowest level that asks it. */
export interface CriterionRef {
  key: string;
  trackId: string;
  competencyId: string;
  levelId: string;
}

/**
 * Ladder criteria live in files main reads, not in Dexie: the page reads each ladder through main
 * and hands the worker these documents (see Indexer.tsx).
 */
export function criterionDocs(key: string, ladder: Ladder): SearchDoc[] {
  const competencies = new Map(ladder.competencies.map((c) => [c.id, c]));
  const docs: SearchDoc[] = [];
  for (const { criterion, competencyId, levelIds } of criteriaIndex(ladder).values()) {
    const levelId = levelIds[0];
    const competency = competencies.get(competencyId);
    if (!levelId || !competency) continue;
    const trackId = ladder.tracks.find((t) => t.levelIds.includes(levelId) && (competency.trackIds.length === 0 || competency.trackIds.includes(t.id)))?.id;
    if (!trackId) continue;
    const ref: CriterionRef = { key, trackId, competencyId, levelId };
    docs.push({
      id: `ladder-criterion:${key}:${criterion.id}`,
      kind: 'ladder-criterion',
      recordId: `${key}:${criterion.id}`,
      title: `${competency.name} · ${levelId}`,
      body: [criterion.text, ...criterion.examples].join('\n'),
      ref: JSON.stringify(ref),
    });
  }
  return docs;
}

registerSearchKind<never>({
  kind: 'ladder-criterion',
  label: 'Ladder criteria',
  singular: 'Ladder criterion',
  order: 50,
  docs: () => [],
  open: (hit) => ({ path: '/ladders', reveal: { target: 'ladder-cell', terms: [hit.ref ?? ''] } }),
});
