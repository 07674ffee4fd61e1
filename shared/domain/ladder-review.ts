/**
 * The "Ladder review" 1:1 template: one agenda point per competency of the person's ladder level,
 * naming what that level asks, to walk through the ladder together. The template's own agenda is
 * empty; these points are made for the person when a meeting starts with it.
 */
import { type Ladder, levelAsks } from '../ladder';
import { placedLevel } from './goal-criteria';
import type { PersonPlacement } from './person';

export const LADDER_REVIEW_TEMPLATE_ID = 'builtin-ladder-review';

const MAX_POINT = 2000;

export function ladderReviewAgenda(ladder: Ladder, placement: Pick<PersonPlacement, 'trackId' | 'levelId'>): string[] {
  const placed = placedLevel(ladder, placement);
  if (!placed) return [];
  const out: string[] = [];
  for (const competency of ladder.competencies) {
    if (!competency.trackIds.includes(placed.trackId)) continue;
    const asks = levelAsks(ladder, placed.trackId, competency.id, placed.baseLevelId);
    if (asks.status === 'absent' || asks.status === 'not-applicable') continue;
    const items = (asks.own.length > 0 ? asks.own : asks.all).map((a) => a.criterion.text.trim().replace(/\s+/g, ' ')).filter(Boolean);
    const point =
      items.length > 0
        ? `${competency.name} (${placed.title}): ${items.join(' · ')}`
        : `${competency.name} (${placed.title}): where are you, and what would show the next step?`;
    out.push(point.length > MAX_POINT ? `${point.slice(0, MAX_POINT - 1)}…` : point);
  }
  return out;
}
