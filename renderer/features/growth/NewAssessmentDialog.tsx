import { useState } from 'react';
import { Link, useLocation } from 'wouter';

import { type AssessmentKind, assessmentKindLabels, defaultPeriod, periodSchema } from '../../../shared/domain/assessments';
import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { checkPlacement, type PlacementCheck, placementOptions } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { AppForm } from '../../ui/AppForm';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { SelectField } from '../../ui/SelectField';
import { usableLadders, useCurrentLadder, useLadderList } from './useAssessmentLadders';

/**
 * Starts an assessment: who (the page's person), which kind, the ladder with its track and level
 * (the person's placement when they have one; otherwise chosen from the ladder, never typed), and
 * the period. The ladder version in use now is what it is frozen against.
 */
export function NewAssessmentDialog({ person, kind: initialKind, onClose }: { person: Person; kind: AssessmentKind; onClose: () => void }) {
  const { assessments } = useRepositories();
  const [, navigate] = useLocation();
  const placement = person.placement;
  const list = useLadderList();
  const ladders = usableLadders(list.status === 'ready' ? list.value : undefined);
  const [kind, setKind] = useState<AssessmentKind>(initialKind);
  const [ladderId, setLadderId] = useState<string | null>(null);
  const placedLadderId = placement && ladders.some((l) => l.id === placement.ladderId) ? placement.ladderId : null;
  const chosenLadderId = ladderId ?? placedLadderId ?? ladders[0]?.id ?? null;
  const current = useCurrentLadder(chosenLadderId);
  const options = current.ladder ? placementOptions(current.ladder) : [];
  // The person's place, checked against the version in use: a level the ladder dropped is not preselected.
  const placed: PlacementCheck | null =
    placement && current.ladder && current.ladder.id === placement.ladderId ? checkPlacement(current.ladder, placement) : null;
  const preset = placed?.ok ? placed : null;
  const [trackId, setTrackId] = useState<string | null>(null);
  const track = options.find((o) => o.trackId === (trackId ?? preset?.trackId)) ?? options[0];
  const [levelId, setLevelId] = useState<string | null>(null);
  const level = track?.levels.find((l) => l.id === (levelId ?? (track.trackId === preset?.trackId ? preset.levelId : null))) ?? null;
  const [period, setPeriod] = useState(() => defaultPeriod(todayIso()));
  const [errors, setErrors] = useState<Partial<Record<'level' | 'period' | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const checked = periodSchema.safeParse(period);
    const next: typeof errors = {};
    if (!level) next.level = 'Choose the level to assess against';
    if (!checked.success) next.period = checked.error.issues[0]?.message ?? 'Enter the period';
    if (!current.ladder || !current.summary?.hash)
      next.form = current.error ?? (list.status === 'error' ? list.error : null) ?? 'Choose a ladder that can be read';
    setErrors(next);
    if (Object.keys(next).length > 0 || !current.ladder || !current.summary?.hash || !track || !level || !checked.success) return;
    setBusy(true);
    try {
      const created = await assessments.create({
        personId: person.id,
        kind,
        ladder: { ladderId: current.ladder.id, version: current.ladder.version, hash: current.summary.hash },
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
        {list.status === 'error' ? (
          <p className="banner banner--error" role="alert">
            {list.error}
          </p>
        ) : (
          <SelectField
            label="Ladder"
            options={ladders.map((l) => ({ id: l.id!, label: `${l.name ?? l.id} ${l.version ?? ''}`.trim() }))}
            value={chosenLadderId}
            onChange={(id) => {
              setLadderId(id);
              setTrackId(null);
              setLevelId(null);
            }}
            placeholder={list.status === 'loading' ? 'Loading ladders…' : 'No ladder can be read'}
          />
        )}
        <SelectField
          label="Track"
          options={options.map((o) => ({ id: o.trackId, label: o.trackName }))}
          value={track?.trackId ?? null}
          onChange={(id) => {
            setTrackId(id);
            setLevelId(null);
          }}
          placeholder={list.status === 'loading' || current.loading ? 'Loading…' : 'Choose a track'}
        />
        <SelectField
          label="Level"
          options={(track?.levels ?? []).map((l) => ({ id: l.id, label: l.title === l.id ? l.id : `${l.id} ${l.title}` }))}
          value={level?.id ?? null}
          onChange={setLevelId}
          placeholder="Choose a level"
          error={errors.level}
          description={
            level && preset && level.id === preset.levelId && track?.trackId === preset.trackId
              ? 'From their placement on the ladder.'
              : 'The level they are at now.'
          }
        />
        <PlacementNote person={person} check={placed} ladderId={chosenLadderId} onLeave={onClose} />
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
