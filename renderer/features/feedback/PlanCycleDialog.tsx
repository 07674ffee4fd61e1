import { useState } from 'react';
import { useLocation } from 'wouter';

import { checkCycleEdit, type CycleDraft, type CycleRequest, type CycleResponse, type FeedbackCycle } from '../../../shared/domain/cycles';
import { addDaysIso, todayIso } from '../../../shared/domain/dates';
import { criterionKey, type CriterionRef } from '../../../shared/evidence/refs';
import { useMe } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { usableLadders, useLadderList } from '../../app/useLadders';
import { usePeople } from '../../app/usePeople';
import { AppForm } from '../../ui/AppForm';
import { Checkbox } from '../../ui/Checkbox';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { useFormSave } from './CaptureParts';
import { useCompetencyNames, useLadderCompetencies } from './useLadderCompetencies';

/** A cycle being edited, with what already hangs off it (what may not be taken away). */
export interface CycleBeingEdited {
  cycle: FeedbackCycle;
  requests: readonly CycleRequest[];
  responses: readonly CycleResponse[];
}

const sameCompetency = (a: CriterionRef, b: CriterionRef) => a.ladderId === b.ladderId && a.competencyId === b.competencyId;

function FieldProblem({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="field__error" role="alert">
      {text}
    </p>
  );
}

/** Plans a cycle: its name and period, who it is about, and which competencies peers are asked about. */
export function PlanCycleDialog({ onClose }: { onClose: () => void }) {
  return <CycleDialog onClose={onClose} />;
}

/**
 * Plans a cycle, or edits one (`editing`): the same fields, and an explicit Save, since a change
 * of participants or competencies is checked against the responses as a whole. What a response
 * references cannot be unticked (the dialog says which response holds it); peers asked about a
 * participant taken out, with no answer yet, go with them, and the dialog says so first.
 */
export function CycleDialog({ editing, onClose }: { editing?: CycleBeingEdited; onClose: () => void }) {
  const { cycles } = useRepositories();
  const allPeople = usePeople();
  const people = allPeople?.filter((p) => !p.archived || editing?.cycle.participantIds.includes(p.id));
  const me = useMe();
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const today = todayIso();
  const current = editing?.cycle;
  const [name, setName] = useState(current?.name ?? '');
  const [from, setFrom] = useState(current?.from ?? addDaysIso(today, -182));
  const [to, setTo] = useState(current?.to ?? today);
  const [due, setDue] = useState(current?.due ?? addDaysIso(today, 14));
  const [participants, setParticipants] = useState<string[] | null>(current ? current.participantIds : null);
  const [ladderId, setLadderId] = useState<string | null>(current?.competencies[0]?.ladderId ?? null);
  const [chosen, setChosen] = useState<CriterionRef[]>(current?.competencies ?? []);
  const { errors, busy, run } = useFormSave();
  const list = useLadderList();
  const ladders = usableLadders(list.status === 'ready' ? list.value : undefined);
  // The ladder most participants are placed on, else the first one there is.
  const placedOn = (people ?? []).map((p) => p.placement?.ladderId).find((id) => id && ladders.some((l) => l.id === id));
  const ladder = ladderId ?? placedOn ?? ladders[0]?.id ?? null;
  const shown = useLadderCompetencies(ladder);
  const nameOfCompetency = useCompetencyNames(chosen);
  const candidates = (people ?? []).filter((p) => p.id !== me?.id || current?.participantIds.includes(p.id));
  // The user's direct reports start ticked: the usual cycle is about one's own team.
  const picked = participants ?? candidates.filter((p) => me && p.managerId === me.id).map((p) => p.id);
  const personName = (id: string) => allPeople?.find((p) => p.id === id)?.name ?? 'Someone no longer in Trellis';
  // Competencies the cycle asks about from other ladders (or that its ladder no longer has) stay listed, so they can be kept or taken out.
  const options: { ref: CriterionRef; name: string }[] = [
    ...chosen
      .filter((r) => r.ladderId !== ladder || !shown.competencies.some((c) => c.id === r.competencyId))
      .map((ref) => ({ ref, name: nameOfCompetency(ref) })),
    ...(ladder ? shown.competencies.map((c) => ({ ref: { ladderId: ladder, competencyId: c.id }, name: c.name })) : []),
  ];
  const check = editing
    ? checkCycleEdit({ participantIds: picked, competencies: chosen }, editing.requests, editing.responses, { personName, competencyName: nameOfCompetency })
    : null;
  const dropped = check
    ? [...new Set(editing!.requests.filter((r) => check.droppedRequestIds.includes(r.id)).map((r) => r.personId))].map(
        (pid) => `${personName(pid)} (${editing!.requests.filter((r) => r.personId === pid).length} asked)`,
      )
    : [];

  const submit = async () => {
    if (check && Object.keys(check.errors).length > 0) return;
    await run(async () => {
      const draft: CycleDraft = { name, from, to, due, participantIds: picked, competencies: chosen };
      if (current) {
        const saved = await cycles.update(current.id, draft);
        announce(`Saved ${saved.name}`);
        onClose();
        return;
      }
      const cycle = await cycles.create(draft);
      announce(`Planned ${cycle.name}`);
      onClose();
      navigate(`/feedback/cycles/${cycle.id}`);
    });
  };

  const title = current ? 'Edit the feedback cycle' : 'Plan a feedback cycle';
  return (
    <Dialog title={title} isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <AppForm className="person-form feedback-form" onSubmit={submit} formError={errors.form} aria-label={title}>
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
          <FieldProblem text={check?.errors.participantIds ?? errors.participantIds} />
          {dropped.length > 0 && (
            <p className="field__description" role="status">
              Taking out {dropped.join(', ')} also removes the peers asked about them, who have not answered yet.
            </p>
          )}
          <div className="criteria-field__options cycle-participants">
            {candidates.map((p) => (
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
              // A new plan asks about one ladder; an edit keeps what the cycle asks about already.
              if (!current) setChosen([]);
            }}
          />
        )}
        <fieldset className="criteria-field">
          <legend className="field__label">Competencies to ask about</legend>
          <p className="field__description">Peers answer on each of these; leave them all unticked for open feedback.</p>
          <FieldProblem text={check?.errors.competencies ?? errors.competencies} />
          <div className="criteria-field__options">
            {options.map(({ ref, name: label }) => (
              <Checkbox
                key={criterionKey(ref)}
                isSelected={chosen.some((c) => sameCompetency(c, ref))}
                onChange={(on) => setChosen(on ? [...chosen, ref] : chosen.filter((c) => !sameCompetency(c, ref)))}
              >
                {label}
              </Checkbox>
            ))}
          </div>
        </fieldset>
        <FormActions submitLabel={current ? 'Save changes' : 'Plan the cycle'} onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}
