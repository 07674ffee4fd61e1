import type { TemplatePrompt } from '../../../shared/domain/carry-over';
import { LADDER_REVIEW_TEMPLATE_ID, ladderReviewPrompts } from '../../../shared/domain/ladder-review';
import { useMainQuery } from '../../app/useMain';
import { usePerson } from '../../app/usePeople';

/**
 * For the "Ladder review" template: its agenda for this person (one point per competency of their
 * level, from the ladder version in use now), or why there is none. Other templates: nothing.
 */
export function useLadderReview(personId: string, templateId: string | null): { agenda?: TemplatePrompt[]; problem?: string; loading: boolean } {
  const wanted = templateId === LADDER_REVIEW_TEMPLATE_ID;
  const person = usePerson(personId);
  const ladderId = wanted ? (person?.placement?.ladderId ?? null) : null;
  const list = useMainQuery('ladders:list', undefined, { skip: !ladderId });
  const usable = list.status === 'ready' ? list.value.ladders.filter((l) => l.id === ladderId && l.hash !== null && l.status !== 'invalid') : [];
  const summary = usable.find((l) => l.origin === 'user') ?? usable[0];
  const detail = useMainQuery('ladders:get', { key: summary?.key ?? 'bundled:none.yaml' }, { skip: !summary, refreshKey: summary?.hash ?? null });
  if (!wanted) return { loading: false };
  if (person === undefined) return { loading: true };
  if (!person?.placement)
    return { loading: false, problem: `${person?.name ?? 'This person'} is not placed on a ladder yet: place them on their page to review it.` };
  if (list.status === 'loading' || (summary && detail.status === 'loading')) return { loading: true };
  const ladder = detail.status === 'ready' && summary ? detail.value.ladder : null;
  const agenda = ladder ? ladderReviewPrompts(ladder, person.placement) : [];
  if (agenda.length === 0)
    return { loading: false, problem: `The ladder ${person.placement.ladderId} is not available or no longer has ${person.name}’s level.` };
  return { loading: false, agenda };
}
