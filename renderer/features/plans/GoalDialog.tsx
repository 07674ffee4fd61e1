import { useState } from 'react';

import { goalCriteriaChoices } from '../../../shared/domain/goal-criteria';
import type { Person } from '../../../shared/domain/person';
import type { Goal } from '../../../shared/domain/plans';
import type { CriterionRef } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { TextField } from '../../ui/TextField';
import { CriteriaPicker } from './CriteriaPicker';
import { usePersonLadder } from './useLadder';

type Errors = Partial<Record<'title' | 'teamOutcome' | 'targetDate' | 'form', string>>;

/** A new goal for a person, or the goal's title, links, team outcome and target date. */
export function GoalDialog({ person, goal, onClose, onSaved }: { person: Person; goal?: Goal; onClose: () => void; onSaved?: (goal: Goal) => void }) {
  const { goals } = useRepositories();
  const { ladder, loading } = usePersonLadder(person);
  const [title, setTitle] = useState(goal?.title ?? '');
  const [teamOutcome, setTeamOutcome] = useState(goal?.teamOutcome ?? '');
  const [targetDate, setTargetDate] = useState(goal?.targetDate ?? '');
  const [criteria, setCriteria] = useState<CriterionRef[]>(goal?.criteria ?? []);
  const [errors, setErrors] = useState<Errors>({});
  const groups = ladder && person.placement ? goalCriteriaChoices(ladder, person.placement) : [];

  const save = async () => {
    try {
      const input = { title, teamOutcome, targetDate };
      let saved: Goal;
      if (goal) {
        await goals.update(goal.id, input);
        saved = await goals.setCriteria(goal.id, criteria);
      } else saved = await goals.create({ personId: person.id, criteria, ...input });
      onSaved?.(saved);
      onClose();
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
    }
  };

  return (
    <Dialog title={goal ? `Edit goal` : `New goal for ${person.name}`} size="wide" isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={() => save()} formError={errors.form}>
        <TextField label="Goal" value={title} onChange={setTitle} isRequired autoFocus error={errors.title} />
        <div className="form-grid">
          <TextField
            label="Team outcome"
            description="Optional: the team result this goal serves"
            value={teamOutcome}
            onChange={setTeamOutcome}
            error={errors.teamOutcome}
          />
          <DateField label="Target date" value={targetDate} onChange={setTargetDate} error={errors.targetDate} />
        </div>
        <h3 className="plans-subheading">Grows</h3>
        {!person.placement ? (
          <p className="muted">Place {person.name} on a ladder (on their page) to link the goal to its competencies and criteria.</p>
        ) : loading ? (
          <p className="loading">Loading the ladder…</p>
        ) : groups.length === 0 ? (
          <p className="muted">
            The ladder {person.placement.ladderId} is not available or does not have {person.name}’s level any more.
          </p>
        ) : (
          <CriteriaPicker groups={groups} value={criteria} onChange={setCriteria} />
        )}
        <FormActions submitLabel={goal ? 'Save goal' : 'Add goal'} onCancel={onClose} />
      </AppForm>
    </Dialog>
  );
}
