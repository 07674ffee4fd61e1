import type { PersonPlacement } from '../../../shared/domain/person';
import { placementOptions } from '../../../shared/ladder/placement';
import { SelectField } from '../../ui/SelectField';
import { placeableLadders, placementOn, useLadder, useLadderList } from './placements';

export interface PlacementChoice {
  ladderId: string | null;
  trackId: string | null;
  levelId: string | null;
}

export const noChoice: PlacementChoice = { ladderId: null, trackId: null, levelId: null };

export function choiceOf(placement: PersonPlacement | undefined | null): PlacementChoice {
  return placement ? { ladderId: placement.ladderId, trackId: placement.trackId, levelId: placement.levelId } : noChoice;
}

export interface PlacementFieldsProps {
  value: PlacementChoice;
  onChange: (value: PlacementChoice) => void;
  error?: string;
}

/**
 * Ladder, track and level pickers: the choices come from the ladders in the user's folder (and
 * those shipped with Trellis), never from free text. A track with one level list is chosen for
 * the user when the ladder has only one track.
 */
export function PlacementFields({ value, onChange, error }: PlacementFieldsProps) {
  const list = useLadderList();
  const ladders = placeableLadders(list.value);
  const { ladder } = useLadder(value.ladderId);
  const options = ladder ? placementOptions(ladder) : [];
  const track = options.find((t) => t.trackId === value.trackId) ?? null;
  const levelOptions = (track?.levels ?? []).flatMap((l) => [
    { id: l.id, label: l.title === l.id ? l.id : `${l.title} (${l.id})` },
    ...l.subLevels.map((s) => ({ id: s.id, label: `${l.title} › ${s.title}` })),
  ]);
  // A stored placement the ladder no longer has stays visible as what it was.
  const known = (id: string | null, ids: string[]) => (id === null || ids.includes(id) ? id : null);

  return (
    <>
      <SelectField
        label="Ladder"
        name="ladder"
        value={known(
          value.ladderId,
          ladders.map((l) => l.id!),
        )}
        empty="Not on a ladder"
        onChange={(ladderId) => onChange({ ladderId, trackId: null, levelId: null })}
        options={ladders.map((l) => ({ id: l.id!, label: l.name ?? l.file }))}
        description={ladders.length === 0 ? 'Add ladder files on the Ladders page to place people on them' : undefined}
        error={error}
      />
      {value.ladderId && ladder && (
        <>
          <SelectField
            label="Ladder track"
            name="ladderTrack"
            value={known(
              value.trackId,
              options.map((t) => t.trackId),
            )}
            placeholder="Choose a track"
            onChange={(trackId) =>
              onChange({
                ...value,
                trackId,
                levelId: options.find((t) => t.trackId === trackId)?.levels.some((l) => l.id === value.levelId) ? value.levelId : null,
              })
            }
            options={options.map((t) => ({ id: t.trackId, label: t.trackName }))}
          />
          <SelectField
            label="Ladder level"
            name="ladderLevel"
            value={known(
              value.levelId,
              levelOptions.map((l) => l.id),
            )}
            placeholder={track ? 'Choose a level' : 'Choose a track first'}
            onChange={(levelId) => onChange({ ...value, levelId })}
            options={levelOptions}
          />
        </>
      )}
    </>
  );
}

/** The placement to store for a complete choice, or why it cannot be stored yet. */
export function usePlacementToSave(choice: PlacementChoice): { placement: PersonPlacement | null; problem: string | null } {
  const { ladder, summary } = useLadder(choice.ladderId);
  if (!choice.ladderId) return { placement: null, problem: null };
  if (!ladder || !summary?.hash) return { placement: null, problem: 'The ladder is still loading, or cannot be read.' };
  if (!choice.trackId) return { placement: null, problem: 'Choose the track on this ladder.' };
  if (!choice.levelId) return { placement: null, problem: 'Choose the level on this track.' };
  return { placement: placementOn(ladder, summary, choice.trackId, choice.levelId), problem: null };
}
