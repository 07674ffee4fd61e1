import { useState } from 'react';
import { useLocation } from 'wouter';

import type { CycleDraft } from '../../../shared/domain/cycles';
import { addDaysIso, todayIso } from '../../../shared/domain/dates';
import type { FieldErrors } from '../../../shared/domain/person';
import { useMe } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usableLadders, useLadderList } from '../../app/useLadders';
import { usePeople } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Checkbox } from '../../ui/Checkbox';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { useLadderCompetencies } from './useLadderCompetencies';

/** Plans a cycle: its name and period, who it is about, and which competencies peers are asked about. */
export function PlanCycleDialog({ onClose }: { onClose: () => void }) {
  const { cycles } = useRepositories();
  const people = usePeople()?.filter((p) => !p.archived);
  const me = useMe();
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const today = todayIso();
  const [name, setName] = useState('');
  const [from, setFrom] = useState(addDaysIso(today, -182));
  const [to, setTo] = useState(today);
  const [due, setDue] = useState(addDaysIso(today, 14));
  const [participants, setParticipants] = useState<string[] | null>(null);
  const [ladderId, setLadderId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const list = useLadderList();
  const ladders = usableLadders(list.status === 'ready' ? list.value : undefined);
  // The ladder most participants are placed on, else the first one there is.
  const placedOn = (people ?? []).map((p) => p.placement?.ladderId).find((id) => id && ladders.some((l) => l.id === id));
  const ladder = ladderId ?? placedOn ?? ladders[0]?.id ?? null;
  const shown = useLadderCompetencies(ladder);
  const reports = (people ?? []).filter((p) => p.id !== me?.id);
  // The user's direct reports start ticked: the usual cycle is about one's own team.
  const picked = participants ?? reports.filter((p) => me && p.managerId === me.id).map((p) => p.id);

  const submit = async () => {
    setBusy(true);
    try {
      const draft: CycleDraft = {
        name,
        from,
        to,
        due,
        participantIds: picked,
        competencies: ladder ? chosen.map((competencyId) => ({ ladderId: ladder, competencyId })) : [],
      };
      const cycle = await cycles.create(draft);
      announce(`Planned ${cycle.name}`);
      onClose();
      navigate(`/feedback/cycles/${cycle.id}`);
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
      setBusy(false);
    }
  };

  return (
    <Dialog title="Plan a feedback cycle" isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <AppForm className="person-form" onSubmit={submit} formError={errors.form} aria-label="Plan a feedback cycle">
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          isRequired
          maxLength={120}
          placeholder="e.g. Peer feedback 2026 H2"
          error={errors.name}
          autoFocus
        />
        <div className="form-grid form-grid--three">
          <DateField label="Period from" value={from} onChange={setFrom} isRequired error={errors.from} />
          <DateField label="Period to" value={to} onChange={setTo} isRequired error={errors.to} />
          <DateField label="Responses due" value={due} onChange={setDue} isRequired error={errors.due} />
        </div>
        <fieldset className="criteria-field">
          <legend className="field__label">Participants</legend>
          {errors.participantIds && (
            <p className="field__error" role="alert">
              {errors.participantIds}
            </p>
          )}
          <div className="criteria-field__options cycle-participants">
            {reports.map((p) => (
              <Checkbox
                key={p.id}
                isSelected={picked.includes(p.id)}
                onChange={(on) => setParticipants(on ? [...picked, p.id] : picked.filter((id) => id !== p.id))}
              >
                {p.name}
              </Checkbox>
            ))}
          </div>
        </fieldset>
        {ladders.length > 1 && (
          <SelectField<string>
            label="Ladder"
            options={ladders.map((l) => ({ id: l.id!, label: l.name ?? l.id! }))}
            value={ladder}
            onChange={(id) => {
              setLadderId(id);
              setChosen([]);
            }}
          />
        )}
        <fieldset className="criteria-field">
          <legend className="field__label">Competencies to ask about</legend>
          <p className="field__description">Peers answer on each of these; leave them all unticked for open feedback.</p>
          <div className="criteria-field__options">
            {shown.competencies.map((c) => (
              <Checkbox key={c.id} isSelected={chosen.includes(c.id)} onChange={(on) => setChosen(on ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))}>
                {c.name}
              </Checkbox>
            ))}
          </div>
        </fieldset>
        <FormActions submitLabel="Plan the cycle" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}
