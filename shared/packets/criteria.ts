import type { Ladder } from '../ladder';
import { levelAsksAll } from '../ladder';

/** One criteria item a packet argues for, in the ladder's order. */
export interface TargetCriterion {
  criterionId: string;
  competencyId: string;
  competencyName: string;
  text: string;
  /** The level whose cell states it (a lower one for criteria that still apply). */
  levelId: string;
}

/**
 * What the target level asks, competency by competency: the level's own criteria, or — where
 * the level adds nothing of its own (an incremental ladder's inherited cell) — everything that
 * still applies from below. Not-applicable and absent cells ask nothing.
 */
export function targetCriteria(ladder: Ladder, trackId: string, levelId: string): TargetCriterion[] {
  const out: TargetCriterion[] = [];
  const names = new Map(ladder.competencies.map((c) => [c.id, c.name]));
  for (const asks of levelAsksAll(ladder, trackId, levelId)) {
    if (asks.status === 'absent' || asks.status === 'not-applicable') continue;
    const items = asks.own.length > 0 ? asks.own : asks.all;
    for (const { criterion, levelId: statedAt } of items) {
      out.push({
        criterionId: criterion.id,
        competencyId: asks.competencyId,
        competencyName: names.get(asks.competencyId) ?? asks.competencyId,
        text: criterion.text,
        levelId: statedAt,
      });
    }
  }
  return out;
}

/** A level's title on a track (tracks may rename trunk levels). */
export function levelTitle(ladder: Ladder, trackId: string, levelId: string): string {
  const track = ladder.tracks.find((t) => t.id === trackId);
  return track?.titles[levelId] ?? ladder.levels.find((l) => l.id === levelId)?.title ?? levelId;
}
