import { useState } from 'react';

import type { CycleResponse, FeedbackCycle } from '../../../shared/domain/cycles';
import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import type { Visibility } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { usePeople } from '../../app/usePeople';
import { AppForm } from '../../ui/AppForm';
import { ComboBoxField } from '../../ui/ComboBoxField';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { useFormSave, VisibilityField } from './CaptureParts';

const OUTSIDE = 'outside-trellis';

/** A person in Trellis, or a name typed in for someone outside it. */
function PeerField({
  label,
  people,
  peerId,
  name,
  onChange,
  error,
}: {
  label: string;
  people: readonly Person[];
  peerId: string | null;
  name: string;
  onChange: (peerId: string | null, name: string) => void;
  error?: string | undefined;
}) {
  const [outside, setOutside] = useState(peerId === null && name !== '');
  return (
    <div className="form-grid">
      <ComboBoxField
        label={label}
        options={[...people.map((p) => ({ id: p.id, label: p.name })), { id: OUTSIDE, label: 'Someone outside Trellis' }]}
        value={peerId ?? (outside ? OUTSIDE : null)}
        onChange={(id) => {
          setOutside(id === OUTSIDE);
          onChange(id === OUTSIDE ? null : id, '');
        }}
        placeholder="Type a name"
        error={error}
      />
      {outside && <TextField label="Their name" value={name} onChange={(n) => onChange(null, n)} maxLength={120} isRequired />}
    </div>
  );
}

export function AskPeerDialog({ cycle, person, onClose }: { cycle: FeedbackCycle; person: Person; onClose: () => void }) {
  const { cycles } = useRepositories();
  const people = (usePeople() ?? []).filter((p) => !p.archived && p.id !== person.id);
  const { announce } = useStatus();
  const [peer, setPeer] = useState<{ id: string | null; name: string }>({ id: null, name: '' });
  const [due, setDue] = useState(cycle.due);
  const { errors, setErrors, busy, run } = useFormSave();
  const submit = async () => {
    if (!peer.id && !peer.name.trim()) return setErrors({ peerId: 'Choose or name the peer' });
    await run(async () => {
      await cycles.addRequest(cycle.id, { personId: person.id, peerId: peer.id, peerName: peer.name, due });
      announce(`Asked ${peer.id ? people.find((p) => p.id === peer.id)?.name : peer.name} about ${person.name}`);
      onClose();
    });
  };
  return (
    <Dialog title={`Ask a peer about ${person.name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={submit} formError={errors.form} aria-label={`Ask a peer about ${person.name}`}>
        <PeerField label="Peer" people={people} peerId={peer.id} name={peer.name} onChange={(id, name) => setPeer({ id, name })} error={errors.peerId} />
        <DateField label="Due" value={due} onChange={setDue} isRequired error={errors.due} />
        <FormActions submitLabel="Ask" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}

/**
 * A response pasted in by hand, or one already in the cycle edited (`response`): its text, the
 * competency of the cycle it speaks to, its date and visibility. Who wrote it is fixed once
 * written (it ties the response to the request it answers).
 */
export function ResponseDialog({
  cycle,
  person,
  competencies,
  response,
  respondentName,
  onClose,
}: {
  cycle: FeedbackCycle;
  person: Person;
  /** The cycle's competencies, named. */
  competencies: { id: string; name: string }[];
  response?: CycleResponse;
  /** Who wrote `response`, in words. */
  respondentName?: string;
  onClose: () => void;
}) {
  const { cycles } = useRepositories();
  const people = (usePeople() ?? []).filter((p) => !p.archived && p.id !== person.id);
  const { announce } = useStatus();
  const [peer, setPeer] = useState<{ id: string | null; name: string }>({ id: null, name: '' });
  const [competencyId, setCompetencyId] = useState<string | null>(response?.competencyIds[0] ?? null);
  const [text, setText] = useState(response?.text ?? '');
  const [date, setDate] = useState(response?.date ?? todayIso());
  const [visibility, setVisibility] = useState<Visibility>(response?.visibility ?? 'private');
  const { errors, busy, run } = useFormSave();
  const options = competencies.map((c) => ({ id: c.id, label: c.name }));
  // A response filed under a competency the cycle no longer lists keeps it as a choice.
  if (competencyId && !options.some((o) => o.id === competencyId)) options.push({ id: competencyId, label: `${competencyId} (not asked in this cycle now)` });
  const submit = () =>
    run(async () => {
      if (response) {
        await cycles.updateResponse(response.id, { text, date, visibility, competencyId });
        announce(`Response about ${person.name} saved`);
      } else {
        await cycles.addResponse(cycle.id, {
          personId: person.id,
          respondentId: peer.id,
          respondentName: peer.id ? '' : peer.name || 'Anonymous',
          competencyId,
          text,
          date,
          visibility,
        });
        announce(`Response about ${person.name} saved`);
      }
      onClose();
    });
  const title = response ? `Edit the response from ${respondentName ?? 'a peer'} about ${person.name}` : `Paste a response about ${person.name}`;
  return (
    <Dialog title={title} isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <AppForm className="person-form feedback-form" onSubmit={submit} formError={errors.form} aria-label={title}>
        {!response && <PeerField label="From" people={people} peerId={peer.id} name={peer.name} onChange={(id, name) => setPeer({ id, name })} />}
        <div className="form-grid">
          <SelectField<string>
            label="Competency"
            options={options}
            value={competencyId}
            onChange={setCompetencyId}
            empty="In general"
            error={errors.competencyId}
          />
          <DateField label="Date" value={date} onChange={setDate} isRequired error={errors.date} />
        </div>
        <TextArea label="Response" rows={5} value={text} onChange={setText} isRequired error={errors.text} />
        <VisibilityField value={visibility} onChange={setVisibility} />
        <FormActions submitLabel="Save response" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}
