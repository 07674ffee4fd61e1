import { useState } from 'react';

import type { Person } from '../../../shared/domain/person';
import type { FrozenLadderRef } from '../../../shared/evidence/refs';
import type { LadderSummary } from '../../../shared/ipc/ladders';
import { checkPlacement, type Ladder, type PlacementCheck, type PlacementOption, placementOptions } from '../../../shared/ladder';
import { usableLadders, useCurrentLadder, useLadderList } from '../../app/useLadders';
import { SelectField } from '../../ui/SelectField';

type Level = PlacementOption['levels'][number];

/** What the user chose, or null where the person's placement (or the first choice) stands. */
interface Choices {
  /** The person the choices were made for: choosing another person starts again from theirs. */
  personId: string | null;
  ladderId: string | null;
  trackId: string | null;
  levelId: string | null;
}

export interface LadderLevel {
  /** The ladders that can be read, once per id. */
  ladders: LadderSummary[];
  listStatus: 'loading' | 'ready' | 'error';
  listError: string | null;
  ladderId: string | null;
  /** The version in use of the chosen ladder (null while it loads, or when it cannot be read). */
  ladder: Ladder | null;
  loadingLadder: boolean;
  options: PlacementOption[];
  track: PlacementOption | undefined;
  level: Level | null;
  /** The person's placement checked against the version in use (null: not placed on this ladder). */
  placed: PlacementCheck | null;
  /** Their level on the chosen track, when they are placed on it. */
  currentLevel: Level | undefined;
  /** Whether the level shown is the one suggested from their placement. */
  suggested: boolean;
  /** What a new record is frozen against: the version in use, when it can be read. */
  frozen: FrozenLadderRef | null;
  /** Why nothing can be frozen: no ladder can be read. */
  ladderError: string | null;
  setLadder(id: string): void;
  setTrack(id: string): void;
  setLevel(id: string): void;
}

/** The level just above `levelId` on a track's list (lowest first), or the same one at the top. */
function nextLevel(levels: readonly Level[], levelId: string): Level | undefined {
  const at = levels.findIndex((l) => l.id === levelId);
  return at < 0 ? undefined : levels[Math.min(at + 1, levels.length - 1)];
}

/**
 * The ladder, track and level a new assessment or packet is made against, picked from the ladder
 * in use (never typed) and preselected from the person's placement when it is still on that
 * ladder: their own level (`suggest: 'placed'`) or the one above it (`'next'`, a promotion).
 */
export function useLadderLevel(person: Person | null | undefined, suggest: 'placed' | 'next'): LadderLevel {
  const personId = person?.id ?? null;
  const placement = person?.placement;
  const list = useLadderList();
  const ladders = usableLadders(list.status === 'ready' ? list.value : undefined);
  const [stored, setChoices] = useState<Choices>({ personId, ladderId: null, trackId: null, levelId: null });
  const choices = stored.personId === personId ? stored : { personId, ladderId: null, trackId: null, levelId: null };
  const placedLadderId = placement && ladders.some((l) => l.id === placement.ladderId) ? placement.ladderId : null;
  const ladderId = choices.ladderId ?? placedLadderId ?? ladders[0]?.id ?? null;
  const current = useCurrentLadder(ladderId);
  const ladder = current.ladder;
  const options = ladder ? placementOptions(ladder) : [];
  // A level the version in use dropped is not preselected.
  const placed = placement && ladder && ladder.id === placement.ladderId ? checkPlacement(ladder, placement) : null;
  const preset = placed?.ok ? placed : null;
  const track = options.find((o) => o.trackId === (choices.trackId ?? preset?.trackId)) ?? options[0];
  const currentLevel = preset && track?.trackId === preset.trackId ? track.levels.find((l) => l.id === preset.levelId) : undefined;
  const suggestion = currentLevel && track ? (suggest === 'next' ? nextLevel(track.levels, currentLevel.id) : currentLevel) : undefined;
  const level = (choices.levelId ? track?.levels.find((l) => l.id === choices.levelId) : suggestion) ?? null;
  const hash = current.summary?.hash ?? null;
  return {
    ladders,
    listStatus: list.status,
    listError: list.status === 'error' ? list.error : null,
    ladderId,
    ladder,
    loadingLadder: list.status === 'loading' || current.loading,
    options,
    track,
    level,
    placed,
    currentLevel,
    suggested: Boolean(level && suggestion && level.id === suggestion.id && !choices.levelId),
    frozen: ladder && hash ? { ladderId: ladder.id, version: ladder.version, hash } : null,
    ladderError: ladder && hash ? null : (current.error ?? (list.status === 'error' ? list.error : null) ?? 'Choose a ladder that can be read'),
    setLadder: (id) => setChoices({ personId, ladderId: id, trackId: null, levelId: null }),
    setTrack: (id) => setChoices({ ...choices, trackId: id, levelId: null }),
    setLevel: (id) => setChoices({ ...choices, levelId: id }),
  };
}

/**
 * The person (when the dialog asks for one), ladder, track and level fields of a dialog that
 * starts something against the ladder: a new assessment, a new promotion packet.
 */
export function LadderLevelFields({
  value,
  person,
  levelLabel = 'Level',
  levelDescription,
  levelError,
}: {
  value: LadderLevel;
  /** A person picker first, for dialogs opened without one. */
  person?: { people: readonly Person[]; value: string | null; onChange: (id: string) => void; error?: string | undefined };
  levelLabel?: string;
  levelDescription?: string;
  levelError?: string | undefined;
}) {
  const { ladders, listStatus, listError, ladderId, options, track, level, loadingLadder } = value;
  return (
    <>
      {person && (
        <SelectField
          label="Person"
          options={person.people.map((p) => ({ id: p.id, label: p.name }))}
          value={person.value}
          onChange={person.onChange}
          placeholder="Choose a person"
          error={person.error}
        />
      )}
      {listStatus === 'error' ? (
        <p className="banner banner--error" role="alert">
          {listError}
        </p>
      ) : (
        <SelectField
          label="Ladder"
          options={ladders.map((l) => ({ id: l.id!, label: `${l.name ?? l.id} ${l.version ?? ''}`.trim() }))}
          value={ladderId}
          onChange={value.setLadder}
          placeholder={listStatus === 'loading' ? 'Loading ladders…' : 'No ladder can be read'}
        />
      )}
      <SelectField
        label="Track"
        options={options.map((o) => ({ id: o.trackId, label: o.trackName }))}
        value={track?.trackId ?? null}
        onChange={value.setTrack}
        placeholder={loadingLadder ? 'Loading…' : 'Choose a track'}
      />
      <SelectField
        label={levelLabel}
        options={(track?.levels ?? []).map((l) => ({ id: l.id, label: l.title === l.id ? l.id : `${l.id} ${l.title}` }))}
        value={level?.id ?? null}
        onChange={value.setLevel}
        placeholder="Choose a level"
        error={levelError}
        description={levelDescription}
      />
    </>
  );
}
