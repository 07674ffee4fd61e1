import type { Assessment } from '../../../shared/domain/assessments';
import type { Person } from '../../../shared/domain/person';

export interface HeatLadders {
  /** The ladders to choose from, the one most people are on first. */
  ids: string[];
  /** The ladder shown; undefined while the assessments read so far cannot tell yet. */
  shown: string | null | undefined;
}

const counted = (ids: Iterable<string>) => {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
};
const top = (counts: ReadonlyMap<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];

/**
 * Which ladders the team heatmap offers and which it shows, while people's newest assessments
 * (`latest`) are still being read a part at a time. Unless the user chose one, it shows the
 * ladder most people are placed on: known from the people alone, so the screen does not switch
 * ladders as more assessments arrive. It waits for the reads only when nobody is placed on a
 * ladder, or nobody placed on that one has a finished assessment among those read so far; then,
 * once all are read, it shows the ladder most of the newest assessments are on.
 */
export function heatLadders(active: readonly Person[], latest: ReadonlyMap<string, Assessment>, complete: boolean, chosen: string | null): HeatLadders {
  const placed = counted(active.flatMap((p) => (p.placement ? [p.placement.ladderId] : [])));
  const assessed = counted([...latest.values()].map((a) => a.ladder.ladderId));
  if (complete && assessed.size === 0) return { ids: [], shown: null };
  const ids = [...new Set([...placed.keys(), ...assessed.keys()])].sort(
    (a, b) => (placed.get(b) ?? 0) - (placed.get(a) ?? 0) || (assessed.get(b) ?? 0) - (assessed.get(a) ?? 0) || a.localeCompare(b),
  );
  if (chosen !== null && ids.includes(chosen)) return { ids, shown: chosen };
  const mostPlaced = top(placed);
  if (mostPlaced !== undefined && assessed.has(mostPlaced)) return { ids, shown: mostPlaced };
  if (!complete) return { ids, shown: undefined };
  return { ids, shown: top(assessed) ?? null };
}
