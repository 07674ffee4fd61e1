/**
 * The "Ladder review" 1:1 template: one agenda point per competency of the person's ladder level,
 * naming what that level asks, to walk through the ladder together. The template's own agenda is
 * empty; these points are made for the person when a meeting starts with it.
 */
import type { Ladder } from '../ladder/model';
import { levelAsks } from '../ladder/progression';
import type { TemplatePrompt } from './carry-over';
import { placedLevel } from './goal-criteria';
import type { PersonPlacement } from './person';

export const LADDER_REVIEW_TEMPLATE_ID = 'builtin-ladder-review';

const MAX_POINT = 2000;

/** The points as text: what the Start dialog counts and the tests read. */
export function ladderReviewAgenda(ladder: Ladder, placement: Pick<PersonPlacement, 'trackId' | 'levelId'>): string[] {
  return ladderReviewPrompts(ladder, placement).map((p) => p.text);
}

/**
 * The points with the competency each is about (at the person's level), so the meeting's shared
 * agenda counts as evidence for that competency (renderer/db/evidence.ts).
 */
export function ladderReviewPrompts(ladder: Ladder, placement: Pick<PersonPlacement, 'trackId' | 'levelId'>): TemplatePrompt[] {
  const placed = placedLevel(ladder, placement);
  if (!placed) return [];
  const out: TemplatePrompt[] = [];
  for (const competency of ladder.competencies) {
    if (!competency.trackIds.includes(placed.trackId)) continue;
    const asks = levelAsks(ladder, placed.trackId, competency.id, placed.baseLevelId);
    if (asks.status === 'absent' || asks.status === 'not-applicable') continue;
    const items = (asks.own.length > 0 ? asks.own : asks.all).map((a) => a.criterion.text.trim().replace(/\s+/g, ' ')).filter(Boolean);
    const point =
      items.length > 0
        ? `${competency.name} (${placed.title}): ${items.join(' · ')}`
        : `${competency.name} (${placed.title}): where are you, and what would show the next step?`;
    out.push({
      text: point.length > MAX_POINT ? `${point.slice(0, MAX_POINT - 1)}…` : point,
      criteria: [{ ladderId: ladder.id, competencyId: competency.id }],
    });
  }
  return out;
}
