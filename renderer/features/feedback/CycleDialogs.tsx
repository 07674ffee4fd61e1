import { useState } from 'react';

import type { FeedbackCycle } from '../../../shared/domain/cycles';
import { todayIso } from '../../../shared/domain/dates';
import type { FieldErrors, Person } from '../../../shared/domain/person';
import type { Visibility } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usePeople } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { ComboBoxField } from '../../ui/ComboBoxField';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { visibilityOptions } from './FeedbackFields';

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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!peer.id && !peer.name.trim()) return setErrors({ peerId: 'Choose or name the peer' });
    setBusy(true);
    try {
      await cycles.addRequest(cycle.id, { personId: person.id, peerId: peer.id, peerName: peer.name, due });
      announce(`Asked ${peer.id ? people.find((p) => p.id === peer.id)?.name : peer.name} about ${person.name}`);
      onClose();
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
      setBusy(false);
    }
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

export function AddResponseDialog({
  cycle,
  person,
  competencies,
  onClose,
}: {
  cycle: FeedbackCycle;
  person: Person;
  competencies: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { cycles } = useRepositories();
  const people = (usePeople() ?? []).filter((p) => !p.archived && p.id !== person.id);
  const { announce } = useStatus();
  const [peer, setPeer] = useState<{ id: string | null; name: string }>({ id: null, name: '' });
  const [competencyId, setCompetencyId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayIso());
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const options = cycle.competencies.map((c) => ({ id: c.competencyId, label: competencies.find((x) => x.id === c.competencyId)?.name ?? c.competencyId }));
  const submit = async () => {
    setBusy(true);
    try {
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
      onClose();
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Paste a response about ${person.name}`} isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <AppForm className="person-form" onSubmit={submit} formError={errors.form} aria-label={`Paste a response about ${person.name}`}>
        <PeerField label="From" people={people} peerId={peer.id} name={peer.name} onChange={(id, name) => setPeer({ id, name })} />
        <div className="form-grid">
          <SelectField<string> label="Competency" options={options} value={competencyId} onChange={setCompetencyId} empty="In general" />
          <DateField label="Date" value={date} onChange={setDate} isRequired error={errors.date} />
        </div>
        <TextArea label="Response" rows={5} value={text} onChange={setText} isRequired error={errors.text} />
        <RadioGroupField<Visibility> label="Visibility" options={visibilityOptions} value={visibility} onChange={setVisibility} />
        <FormActions submitLabel="Save response" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}
