import { useEffect, useMemo, useState } from 'react';

import type { Person, PersonPlacement } from '../../../shared/domain/person';
import type { LadderList, LadderSummary } from '../../../shared/ipc/ladders';
import type { Ladder } from '../../../shared/ladder';
import { checkPlacement, type PlacementCheck, placementOptions } from '../../../shared/ladder/placement';
import { ladderFile, storedVersion, useLadderFile } from '../../app/useLadders';
import { useMainQuery } from '../../app/useMain';

/** The ladders a person can be placed on: one per ladder id (the user's copy before the shipped one), with a version in use. */
export function placeableLadders(list: LadderList | undefined): LadderSummary[] {
  const byId = new Map<string, LadderSummary>();
  const ordered = [...(list?.ladders ?? [])].sort((a, b) => (a.origin === b.origin ? 0 : a.origin === 'user' ? -1 : 1));
  for (const l of ordered) if (l.id && l.hash && !byId.has(l.id)) byId.set(l.id, l);
  return [...byId.values()].sort((a, b) => (a.name ?? a.file).localeCompare(b.name ?? b.file));
}

export function useLadderList() {
  return useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'], shareLatest: true });
}

/** One ladder's version in use, by id, kept current as the file changes. */
export function useLadder(ladderId: string | null): { summary: LadderSummary | null; ladder: Ladder | null; loading: boolean } {
  const list = useLadderList();
  const summary = placeableLadders(list.value).find((l) => l.id === ladderId) ?? null;
  const detail = useLadderFile(summary);
  const ladder = summary && detail.value?.summary.key === summary.key ? detail.value.ladder : null;
  return { summary, ladder, loading: list.status === 'loading' || (summary !== null && ladder === null && detail.status !== 'error') };
}

/** "Senior Engineer (L3)" on its track, or the id when the ladder no longer has it. */
export function levelTitle(ladder: Ladder | null, trackId: string, levelId: string): string {
  if (!ladder) return levelId;
  for (const option of placementOptions(ladder)) {
    if (option.trackId !== trackId) continue;
    for (const level of option.levels) {
      if (level.id === levelId) return level.title === level.id ? level.id : `${level.title} (${level.id})`;
      const sub = level.subLevels.find((s) => s.id === levelId);
      if (sub) return `${level.title} › ${sub.title}`;
    }
  }
  return levelId;
}

export type PlacementState =
  | { kind: 'ok'; label: string }
  | { kind: 'loading'; label: string }
  /** The ladder file is gone from the folder (or broken with nothing to fall back on). */
  | { kind: 'no-ladder'; label: string; message: string }
  | { kind: 'moved'; label: string; check: Extract<PlacementCheck, { ok: false }>; ladder: Ladder; summary: LadderSummary };

interface Loaded {
  /** By ladder id: the version in use and its summary. */
  current: Map<string, { ladder: Ladder; summary: LadderSummary }>;
  /** By `ladderId@hash`: versions people were placed against (null when not stored). */
  previous: Map<string, Ladder | null>;
}

const placed = (p: Person): p is Person & { placement: PersonPlacement } => Boolean(p.placement);

/**
 * Each placed person's place checked against the ladder as it is now: still there, or gone (with
 * the levels it most likely became, found through the version they were placed against).
 */
export function usePlacementStates(people: Person[]): Map<string, PlacementState> {
  const list = useLadderList();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const ladders = useMemo(() => placeableLadders(list.value), [list.value]);
  const wanted = useMemo(() => {
    const refs = new Map<string, PersonPlacement>();
    for (const p of people) if (placed(p)) refs.set(`${p.placement.ladderId}@${p.placement.against.hash}`, p.placement);
    return refs;
  }, [people]);
  const signature = `${ladders.map((l) => `${l.id}:${l.hash}`).join(',')}|${[...wanted.keys()].sort().join(',')}`;

  useEffect(() => {
    if (wanted.size === 0 || list.status !== 'ready') return;
    let stale = false;
    void (async () => {
      const current: Loaded['current'] = new Map();
      const previous: Loaded['previous'] = new Map();
      for (const ladderId of new Set([...wanted.values()].map((p) => p.ladderId))) {
        const summary = ladders.find((l) => l.id === ladderId);
        if (!summary) continue;
        try {
          const detail = await ladderFile(summary);
          if (detail.ladder) current.set(ladderId, { ladder: detail.ladder, summary });
        } catch {
          // Reported as "not in your folder" below.
        }
      }
      for (const [key, placement] of wanted) {
        const now = current.get(placement.ladderId);
        if (!now || now.summary.hash === placement.against.hash) continue;
        try {
          previous.set(key, (await storedVersion(placement.ladderId, placement.against.hash)).ladder);
        } catch {
          previous.set(key, null);
        }
      }
      if (!stale) setLoaded({ current, previous });
    })();
    return () => {
      stale = true;
    };
    // The signature names everything the answer depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, list.status]);

  return useMemo(() => {
    const states = new Map<string, PlacementState>();
    for (const person of people) {
      if (!placed(person)) continue;
      const { ladderId, trackId, levelId, against } = person.placement;
      if (!loaded) {
        states.set(person.id, { kind: 'loading', label: levelId });
        continue;
      }
      const now = loaded.current.get(ladderId);
      if (!now) {
        const message = ladders.some((l) => l.id === ladderId)
          ? `The ladder "${ladderId}" cannot be read right now.`
          : `The ladder "${ladderId}" is no longer in your ladders folder.`;
        states.set(person.id, { kind: 'no-ladder', label: levelId, message });
        continue;
      }
      const check = checkPlacement(now.ladder, { ladderId, trackId, levelId }, loaded.previous.get(`${ladderId}@${against.hash}`) ?? null);
      if (check.ok) {
        const track = now.ladder.tracks.find((t) => t.id === check.trackId);
        states.set(person.id, { kind: 'ok', label: `${track?.name ?? trackId} · ${levelTitle(now.ladder, check.trackId, levelId)}` });
      } else {
        states.set(person.id, { kind: 'moved', label: levelId, check, ladder: now.ladder, summary: now.summary });
      }
    }
    return states;
  }, [people, loaded, ladders]);
}

/** The placement to store for a choice on the ladder in use now. */
export function placementOn(ladder: Ladder, summary: LadderSummary, trackId: string, levelId: string): PersonPlacement {
  return { ladderId: ladder.id, trackId, levelId, against: { ladderId: ladder.id, version: ladder.version, hash: summary.hash! } };
}
