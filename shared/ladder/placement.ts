/**
 * People on the ladder: the choices for a person's track and level (from the ladder, never free
 * text), and whether a stored placement still exists after the ladder changed — with the levels
 * it most likely became, so the People screen can offer to map the person.
 */
import type { Ladder, LadderLevel } from './model';
import { isLikelyTypo } from './suggest';

export interface PlacementOption {
  trackId: string;
  trackName: string;
  levels: Array<{ id: string; title: string; rank?: number; subLevels: Array<{ id: string; title: string }> }>;
}

/** Every track with its levels, lowest first, titled as on that track: what a picker lists. */
export function placementOptions(ladder: Ladder): PlacementOption[] {
  const levels = new Map(ladder.levels.map((l) => [l.id, l]));
  return ladder.tracks.map((track) => ({
    trackId: track.id,
    trackName: track.name,
    levels: track.levelIds.flatMap((id) => {
      const level = levels.get(id);
      if (!level) return [];
      return [
        {
          id,
          title: track.titles[id] ?? level.title,
          ...(level.rank !== undefined ? { rank: level.rank } : {}),
          subLevels: level.subLevels.map((s) => ({ id: s.id, title: s.title ?? s.id })),
        },
      ];
    }),
  }));
}

export interface Placement {
  ladderId: string;
  trackId: string;
  /** A level id, or a sub-level id. */
  levelId: string;
}

export type PlacementProblem = 'other-ladder' | 'unknown-track' | 'unknown-level' | 'level-not-on-track';

export interface PlacementSuggestion {
  trackId: string;
  levelId: string;
  title: string;
  why: 'same-level-other-track' | 'same-title' | 'similar-id' | 'same-rank';
}

export type PlacementCheck =
  | { ok: true; trackId: string; levelId: string; subLevelId?: string }
  | { ok: false; problem: PlacementProblem; message: string; suggestions: PlacementSuggestion[] };

/**
 * Checks a stored placement against this version of the ladder. `previous` (the version the
 * placement was made against, from main's version store) lets a level that was renamed or removed
 * be matched by its old title and rank.
 */
export function checkPlacement(ladder: Ladder, placement: Placement, previous?: Ladder | null): PlacementCheck {
  if (placement.ladderId !== ladder.id) {
    return { ok: false, problem: 'other-ladder', message: `placed on ladder "${placement.ladderId}", not "${ladder.id}"`, suggestions: [] };
  }
  const levels = new Map(ladder.levels.map((l) => [l.id, l]));
  const parents = new Map(ladder.levels.flatMap((l) => l.subLevels.map((s) => [s.id, l.id] as const)));
  const track = ladder.tracks.find((t) => t.id === placement.trackId);
  const levelId = parents.get(placement.levelId) ?? placement.levelId;
  const subLevelId = parents.has(placement.levelId) ? placement.levelId : undefined;
  const old = previous?.levels.find((l) => l.id === levelId || l.subLevels.some((s) => s.id === placement.levelId));
  const titleOn = (trackId: string, id: string) => ladder.tracks.find((t) => t.id === trackId)?.titles[id] ?? levels.get(id)?.title ?? id;

  if (!track) {
    const suggestions = ladder.tracks
      .filter((t) => t.levelIds.includes(levelId))
      .map((t) => ({ trackId: t.id, levelId, title: titleOn(t.id, levelId), why: 'same-level-other-track' as const }));
    return { ok: false, problem: 'unknown-track', message: `track "${placement.trackId}" is no longer in ladder "${ladder.name}"`, suggestions };
  }
  if (track.levelIds.includes(levelId)) return { ok: true, trackId: track.id, levelId, ...(subLevelId ? { subLevelId } : {}) };

  const suggestions: PlacementSuggestion[] = [];
  const add = (id: string, why: PlacementSuggestion['why'], trackId = track.id) => {
    if (!suggestions.some((s) => s.levelId === id && s.trackId === trackId)) suggestions.push({ trackId, levelId: id, title: titleOn(trackId, id), why });
  };
  const onTrack = track.levelIds.map((id) => levels.get(id)).filter((l): l is LadderLevel => l !== undefined);
  if (levels.has(levelId)) {
    for (const t of ladder.tracks) if (t.levelIds.includes(levelId)) add(levelId, 'same-level-other-track', t.id);
    // Its rank on this track, if a level there has it.
    const rank = levels.get(levelId)!.rank;
    for (const l of onTrack) if (rank !== undefined && l.rank === rank) add(l.id, 'same-rank');
    return {
      ok: false,
      problem: 'level-not-on-track',
      message: `level "${levelId}" is not on track "${track.name}"`,
      suggestions,
    };
  }
  if (old) for (const l of onTrack) if (l.title.trim().toLowerCase() === old.title.trim().toLowerCase()) add(l.id, 'same-title');
  for (const l of onTrack) if (isLikelyTypo(levelId, l.id)) add(l.id, 'similar-id');
  if (old?.rank !== undefined) for (const l of onTrack) if (l.rank === old.rank) add(l.id, 'same-rank');
  return {
    ok: false,
    problem: 'unknown-level',
    message: `level "${placement.levelId}" is no longer in ladder "${ladder.name}"`,
    suggestions,
  };
}
