import { useState } from 'react';

import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { AppForm } from '../../ui/AppForm';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { useStatus } from '../../ui/Status';
import { type PlacementChoice, PlacementFields, usePlacementToSave } from './PlacementFields';
import { levelTitle, type PlacementState } from './placements';

const why = {
  'same-title': 'same title as before',
  'same-rank': 'same rank as before',
  'similar-id': 'similar id',
  'same-level-other-track': 'same level, on another track',
} as const;

const OTHER = 'other';

/**
 * Someone's level is gone from their ladder: the levels it most likely became (by the old
 * version's title and rank, or a similar id) are offered first; any level can be chosen instead.
 */
export function MapPlacementDialog({ person, state, onClose }: { person: Person; state: Extract<PlacementState, { kind: 'moved' }>; onClose: () => void }) {
  const { people } = useRepositories();
  const { announce } = useStatus();
  const { check, ladder } = state;
  const suggestions = check.suggestions.map((s) => ({
    id: `${s.trackId}/${s.levelId}`,
    label: `${ladder.tracks.find((t) => t.id === s.trackId)?.name ?? s.trackId} · ${levelTitle(ladder, s.trackId, s.levelId)} — ${why[s.why]}`,
    suggestion: s,
  }));
  const [picked, setPicked] = useState<string | null>(suggestions[0]?.id ?? (suggestions.length === 0 ? OTHER : null));
  const [other, setOther] = useState<PlacementChoice>({ ladderId: ladder.id, trackId: person.placement?.trackId ?? null, levelId: null });
  const suggestion = suggestions.find((s) => s.id === picked)?.suggestion;
  const choice: PlacementChoice = suggestion ? { ladderId: ladder.id, trackId: suggestion.trackId, levelId: suggestion.levelId } : other;
  const toSave = usePlacementToSave(choice);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!toSave.placement) {
      setError(toSave.problem ?? 'Choose a level.');
      return;
    }
    setSaving(true);
    try {
      const saved = await people.setPlacement(person.id, toSave.placement);
      announce(`${saved.name} is now at ${levelTitle(ladder, toSave.placement.trackId, toSave.placement.levelId)}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog title={`Map ${person.name} to a level`} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm onSubmit={() => save()} formError={error}>
        <p>
          {person.name} was placed at <strong>{person.placement?.levelId}</strong>, but {check.message}.
        </p>
        <RadioGroupField
          label="Move them to"
          value={picked}
          onChange={(v) => {
            setPicked(v);
            setError(undefined);
          }}
          options={[...suggestions.map(({ id, label }) => ({ id, label })), { id: OTHER, label: 'Another level…' }]}
        />
        {picked === OTHER && <PlacementFields value={other} onChange={setOther} />}
        <FormActions submitLabel="Move" onCancel={onClose} isSubmitting={saving} />
      </AppForm>
    </Dialog>
  );
}
