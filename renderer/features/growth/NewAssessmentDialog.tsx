import { useState } from 'react';
import { Link, useLocation } from 'wouter';

import { type AssessmentKind, assessmentKindLabels, defaultPeriod, periodSchema } from '../../../shared/domain/assessments';
import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import type { PlacementCheck } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { AppForm } from '../../ui/AppForm';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { LadderLevelFields, useLadderLevel } from './LadderLevelFields';

/**
 * Starts an assessment: who (the page's person), which kind, the ladder with its track and level
 * (the person's placement when they have one; otherwise chosen from the ladder, never typed), and
 * the period. The ladder version in use now is what it is frozen against.
 */
export function NewAssessmentDialog({ person, kind: initialKind, onClose }: { person: Person; kind: AssessmentKind; onClose: () => void }) {
  const { assessments } = useRepositories();
  const [, navigate] = useLocation();
  const choice = useLadderLevel(person, 'placed');
  const { track, level, currentLevel } = choice;
  const [kind, setKind] = useState<AssessmentKind>(initialKind);
  const [period, setPeriod] = useState(() => defaultPeriod(todayIso()));
  const [errors, setErrors] = useState<Partial<Record<'level' | 'period' | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const checked = periodSchema.safeParse(period);
    const next: typeof errors = {};
    if (!level) next.level = 'Choose the level to assess against';
    if (!checked.success) next.period = checked.error.issues[0]?.message ?? 'Enter the period';
    if (!choice.frozen) next.form = choice.ladderError ?? 'Choose a ladder that can be read';
    setErrors(next);
    if (Object.keys(next).length > 0 || !choice.frozen || !track || !level || !checked.success) return;
    setBusy(true);
    try {
      const created = await assessments.create({
        personId: person.id,
        kind,
        ladder: choice.frozen,
        trackId: track.trackId,
        levelId: level.id,
        period: checked.data,
      });
      onClose();
      navigate(`/growth/assessments/${created.id}`);
    } catch (e) {
      setErrors({ form: errorMessage(e) });
      setBusy(false);
    }
  };

  return (
    <Dialog title={`New assessment of ${person.name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={submit} formError={errors.form} aria-label="New assessment">
        <RadioGroupField<AssessmentKind>
          label="Kind"
          options={[
            { id: 'self', label: assessmentKindLabels.self },
            { id: 'manager', label: assessmentKindLabels.manager },
          ]}
          value={kind}
          onChange={setKind}
        />
        <LadderLevelFields
          value={choice}
          levelError={errors.level}
          levelDescription={level && currentLevel && level.id === currentLevel.id ? 'From their placement on the ladder.' : 'The level they are at now.'}
        />
        <PlacementNote person={person} check={choice.placed} ladderId={choice.ladderId} onLeave={onClose} />
        <div className="form-grid">
          <DateField label="Period from" value={period.from} onChange={(from) => setPeriod((p) => ({ ...p, from }))} isRequired />
          <DateField label="Period to" value={period.to} onChange={(to) => setPeriod((p) => ({ ...p, to }))} isRequired error={errors.period} />
        </div>
        <FormActions submitLabel="Start assessment" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}

/** Why nothing was preselected: the person is not placed yet, is placed on another ladder, or at a level this version dropped. */
function PlacementNote({ person, check, ladderId, onLeave }: { person: Person; check: PlacementCheck | null; ladderId: string | null; onLeave: () => void }) {
  const place = (
    <Link href={`/people/${person.id}`} onClick={onLeave}>
      Place {person.name} on the ladder
    </Link>
  );
  if (!person.placement)
    return (
      <p className="growth-placement-note" role="note">
        {person.name} is not placed on a ladder yet, so choose the track and level here. {place} (Edit details) to have them chosen for you next time.
      </p>
    );
  if (ladderId !== null && person.placement.ladderId !== ladderId)
    return (
      <p className="growth-placement-note" role="note">
        {person.name} is placed on the ladder “{person.placement.ladderId}”, not this one.
      </p>
    );
  if (check && !check.ok)
    return (
      <p className="growth-placement-note growth-placement-note--warning" role="note">
        {person.name} was placed at {person.placement.levelId}, but {check.message}. {place} again (Edit details), or choose the level here.
      </p>
    );
  return null;
}
