import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { todayIso } from '../../../shared/domain/dates';
import { placedLevel } from '../../../shared/domain/goal-criteria';
import type { Person } from '../../../shared/domain/person';
import { monthsBetween, type Stagnation, stagnation, typicalMonths } from '../../../shared/domain/stagnation';
import type { Ladder } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { ladderFile } from '../../app/useLadders';
import { useMainQuery } from '../../app/useMain';
import { lastCareerConversation } from '../../db/goals';

export type Flagged = { person: Person; stagnation: Extract<Stagnation, { flagged: true }> };

/** The versions in use now of the ladders these people are placed on, by ladder id. */
function usePlacedLadders(people: readonly Person[] | undefined): Map<string, Ladder> | undefined {
  const list = useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'], shareLatest: true });
  const [ladders, setLadders] = useState<Map<string, Ladder> | undefined>(undefined);
  const ids = [...new Set((people ?? []).flatMap((p) => (p.placement && p.levelSince ? [p.placement.ladderId] : [])))].sort().join(',');
  const listed = list.status === 'ready' ? list.value.ladders : null;
  useEffect(() => {
    if (!listed) return;
    let live = true;
    const wanted = ids ? ids.split(',') : [];
    void Promise.all(
      wanted.map(async (id) => {
        const usable = listed.filter((l) => l.id === id && l.hash !== null && l.status !== 'invalid');
        const summary = usable.find((l) => l.origin === 'user') ?? usable[0];
        if (!summary) return null;
        try {
          const { ladder } = await ladderFile(summary);
          return ladder ? ([id, ladder] as const) : null;
        } catch {
          return null;
        }
      }),
    ).then((found) => {
      if (live) setLadders(new Map(found.filter((f) => f !== null)));
    });
    return () => {
      live = false;
    };
  }, [listed, ids]);
  return ladders;
}

/** The limits of Settings (stagnationMonths null: the ladder's typical time). */
function useLimits() {
  const settings = useMainQuery('settings:get', undefined, { refreshOn: ['settings:changed'], shareLatest: true });
  return settings.status === 'ready' ? { limitMonths: settings.value.stagnationMonths, careerMonths: settings.value.careerConversationMonths } : null;
}

/** The level's typical time in words, for someone placed on a ladder. */
function typicalTimeOf(person: Person, ladders: Map<string, Ladder>): string | undefined {
  if (!person.placement) return undefined;
  const ladder = ladders.get(person.placement.ladderId);
  if (!ladder) return undefined;
  const placed = placedLevel(ladder, person.placement);
  return placed ? ladder.levels.find((l) => l.id === placed.baseLevelId)?.typicalTime : undefined;
}

/**
 * Who of `people` is flagged. Only those past their limit on their own data (level since, the
 * ladder's typical time) are looked at further, each through two bounded index reads: a key
 * count of goals in progress ([personId+status]) and their newest career conversation.
 */
export function useStagnation(people: readonly Person[] | undefined, today = todayIso()): Flagged[] | undefined {
  const { db, goals } = useRepositories();
  const ladders = usePlacedLadders(people);
  const limits = useLimits();
  // Screens pass a new array on every render: what matters is who and what they hold.
  const key = (people ?? []).map((p) => `${p.id}:${p.updatedAt}`).join(',');
  return useLiveQuery(async () => {
    if (!people || !ladders || !limits) return undefined;
    const out: Flagged[] = [];
    for (const person of people) {
      if (person.archived || !person.levelSince) continue;
      const typicalTime = typicalTimeOf(person, ladders);
      const limit = limits.limitMonths ?? typicalMonths(typicalTime);
      if (!limit || monthsBetween(person.levelSince, today) <= limit) continue;
      const [hasGoalInProgress, last] = await Promise.all([goals.hasInProgress(person.id), lastCareerConversation(db, person.id, today)]);
      const s = stagnation({ today, levelSince: person.levelSince, typicalTime, ...limits, hasGoalInProgress, lastCareerConversation: last });
      if (s.flagged) out.push({ person, stagnation: s });
    }
    return out.sort((a, b) => b.stagnation.monthsInLevel - a.stagnation.monthsInLevel || a.person.name.localeCompare(b.person.name));
  }, [db, goals, key, people === undefined, ladders, limits?.limitMonths, limits?.careerMonths, today]);
}
