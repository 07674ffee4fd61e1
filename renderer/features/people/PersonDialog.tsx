import { useState } from 'react';

import { wouldCreateCycle } from '../../../shared/domain/org';
import { type FieldErrors, type Person, type PersonInput, type Track, trackLabels, tracks } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useTeams } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { choiceOf, type PlacementChoice, PlacementFields, usePlacementToSave } from './PlacementFields';

/** The form's fields as typed; '' is "not set" (the schema reads it so). */
type Draft = Required<{ [K in Exclude<keyof PersonInput, 'track' | 'placement'>]: string }> & { track: Track | '' };

function draftOf(person: Person | null): Draft {
  return {
    name: person?.name ?? '',
    email: person?.email ?? '',
    title: person?.title ?? '',
    track: person?.track ?? '',
    level: person?.level ?? '',
    location: person?.location ?? '',
    managerId: person?.managerId ?? '',
    teamId: person?.teamId ?? '',
    startDate: person?.startDate ?? '',
    levelSince: person?.levelSince ?? '',
  };
}

export interface PersonDialogProps {
  /** The person to edit, or null to add someone. */
  person: Person | null;
  everyone: Person[];
  isOpen: boolean;
  /** With the person when one was added or saved. */
  onClose: (saved?: Person) => void;
}

export function PersonDialog({ person, everyone, isOpen, onClose }: PersonDialogProps) {
  const { people } = useRepositories();
  const teamList = useTeams() ?? [];
  const { announce } = useStatus();
  const [draft, setDraft] = useState<Draft>(() => draftOf(person));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [choice, setChoice] = useState<PlacementChoice>(() => choiceOf(person?.placement));
  const toSave = usePlacementToSave(choice);
  const stored = person?.placement;
  // Unchanged, the placement keeps the version it was made against (so a level the ladder dropped is still recognised).
  const unchanged = stored && stored.ladderId === choice.ladderId && stored.trackId === choice.trackId && stored.levelId === choice.levelId;

  const set =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) => {
      setDraft((d) => ({ ...d, [field]: value }));
      setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
    };

  // Someone who reports (directly or not) to this person cannot become their manager.
  const managerOptions = everyone
    .filter((p) => !p.archived && p.id !== person?.id && !(person && wouldCreateCycle(everyone, person.id, p.id)))
    .map((p) => ({ id: p.id, label: p.title ? `${p.name} — ${p.title}` : p.name }));

  const save = async () => {
    if (!unchanged && toSave.problem) {
      setErrors({ placement: toSave.problem });
      return;
    }
    setSaving(true);
    const input: PersonInput = {
      ...draft,
      placement: unchanged ? stored : toSave.placement,
      managerId: draft.managerId || null,
      teamId: draft.teamId || null,
    };
    try {
      const saved = person ? await people.update(person.id, input) : await people.create(input);
      announce(person ? `Saved changes to ${saved.name}` : `Added ${saved.name}`);
      onClose(saved);
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fieldErrors);
      else setErrors({ form: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  const toggleArchived = async () => {
    if (!person) return;
    try {
      const saved = await people.setArchived(person.id, !person.archived);
      announce(saved.archived ? `Archived ${saved.name}` : `Restored ${saved.name}`);
      onClose();
    } catch (error) {
      setErrors({ form: errorMessage(error) });
    }
  };

  return (
    <Dialog title={person ? `Edit ${person.name}` : 'Add a person'} isOpen={isOpen} onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={() => save()} formError={errors.form}>
        <div className="form-grid">
          <TextField label="Name" name="name" value={draft.name} onChange={set('name')} error={errors.name} autoFocus isRequired />
          <TextField
            label="Email"
            name="email"
            type="email"
            value={draft.email}
            onChange={set('email')}
            error={errors.email}
            description="Used to match people when importing"
          />
          <TextField label="Title" name="title" value={draft.title} onChange={set('title')} error={errors.title} placeholder="e.g. Senior Engineer" />
          <PlacementFields
            value={choice}
            onChange={(next) => {
              setChoice(next);
              setErrors((e) => ({ ...e, placement: undefined, form: undefined }));
            }}
            error={errors.placement}
          />
          {/* Free text from before ladders (or an HR file): kept, and editable for someone not on a ladder. */}
          {!choice.ladderId && (
            <>
              <SelectField
                label="Track"
                name="track"
                value={draft.track || null}
                onChange={set('track')}
                placeholder="Choose a track"
                options={tracks.map((t) => ({ id: t, label: trackLabels[t] }))}
                error={errors.track}
              />
              <TextField
                label="Level"
                name="level"
                value={draft.level}
                onChange={set('level')}
                error={errors.level}
                placeholder="e.g. L4"
                description="Free text, for someone not on a ladder"
              />
            </>
          )}
          <SelectField
            label="Manager"
            name="managerId"
            value={draft.managerId || null}
            onChange={(v) => set('managerId')(v ?? '')}
            empty="No manager"
            options={managerOptions}
            error={errors.managerId}
          />
          <SelectField
            label="Team"
            name="teamId"
            value={draft.teamId || null}
            onChange={(v) => set('teamId')(v ?? '')}
            empty="No team"
            options={teamList.map((t) => ({ id: t.id, label: t.name }))}
            error={errors.teamId}
            description="Create teams on the People page"
          />
          <TextField
            label="Location"
            name="location"
            value={draft.location}
            onChange={set('location')}
            error={errors.location}
            placeholder="e.g. Berlin office"
          />
          <DateField label="Start date" name="startDate" value={draft.startDate} onChange={set('startDate')} error={errors.startDate} />
          <DateField label="Level since" name="levelSince" value={draft.levelSince} onChange={set('levelSince')} error={errors.levelSince} />
        </div>
        <FormActions submitLabel={person ? 'Save changes' : 'Add person'} onCancel={onClose} isSubmitting={saving}>
          {person && (
            <Button variant={person.archived ? 'default' : 'danger'} onPress={() => void toggleArchived()}>
              {person.archived ? 'Unarchive' : 'Archive'}
            </Button>
          )}
        </FormActions>
      </AppForm>
    </Dialog>
  );
}
