import { useState } from 'react';

import { type FeedbackDraft, type FeedbackKind, feedbackKindLabels, feedbackKinds } from '../../../shared/domain/feedback';
import type { FieldErrors, Person } from '../../../shared/domain/person';
import { ComboBoxField } from '../../ui/ComboBoxField';
import { DateField } from '../../ui/DateField';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { PersonField, VisibilityField } from './CaptureParts';
import { CriteriaField } from './CriteriaField';

/**
 * "From" is a person in Trellis, the user (stored as no person and no name when nobody is chosen
 * as "me" in Settings), or someone outside Trellis with a name typed in.
 */
export const OUTSIDE = 'outside-trellis';
const ME = 'me';

export interface FeedbackFieldsProps {
  value: FeedbackDraft;
  onChange: (next: FeedbackDraft, changed: keyof FeedbackDraft) => void;
  people: readonly Person[];
  meId: string | null;
  errors?: FieldErrors;
  /** Focus the situation first (when the person is known already). */
  autoFocus?: 'situation';
}

/**
 * The fields of a feedback entry, in the order they are written: about whom and when, what kind,
 * then situation, behaviour, impact and the suggested next step (the kind is one Shift+Tab from
 * the situation, where quick capture puts the cursor); then from whom, what on the ladder it
 * speaks to, and who may see it. Shared by quick capture and the entry's editor.
 */
export function FeedbackFields({ value, onChange, people, meId, errors = {}, autoFocus }: FeedbackFieldsProps) {
  const set = <K extends keyof FeedbackDraft>(key: K, v: FeedbackDraft[K]) => onChange({ ...value, [key]: v }, key);
  const person = people.find((p) => p.id === value.personId) ?? null;
  const [outside, setOutside] = useState(value.fromId === null && value.fromName !== '');
  const fromOptions = [
    ...(meId ? [] : [{ id: ME, label: 'Me' }]),
    ...people.map((p) => ({ id: p.id, label: p.id === meId ? `${p.name} (me)` : p.name })),
    { id: OUTSIDE, label: 'Someone outside Trellis' },
  ];
  const fromValue = value.fromId ?? (outside ? OUTSIDE : ME);
  return (
    <>
      <div className="form-grid">
        <PersonField
          label="About"
          people={people}
          value={value.personId}
          onChange={(id) => onChange({ ...value, personId: id, criteria: [] }, 'personId')}
          error={errors.personId}
        />
        <DateField label="Date" value={value.date} onChange={(d) => set('date', d)} isRequired error={errors.date} />
      </div>
      <RadioGroupField<FeedbackKind>
        label="Kind"
        options={feedbackKinds.map((k) => ({ id: k, label: feedbackKindLabels[k] }))}
        value={value.kind}
        onChange={(k) => set('kind', k)}
      />
      <div className="form-grid feedback-sbi">
        <TextArea
          label="Situation"
          description="When and where it happened."
          rows={2}
          value={value.situation}
          onChange={(t) => set('situation', t)}
          {...(autoFocus === 'situation' ? { autoFocus: true } : {})}
        />
        <TextArea
          label="Behaviour"
          description="What they did or said, as you saw it."
          rows={2}
          value={value.behaviour}
          onChange={(t) => set('behaviour', t)}
          error={errors.behaviour}
        />
        <TextArea label="Impact" description="What it led to, for whom." rows={2} value={value.impact} onChange={(t) => set('impact', t)} />
        <TextArea label="Suggested next step" rows={2} value={value.nextStep} onChange={(t) => set('nextStep', t)} />
      </div>
      <div className="form-grid">
        <ComboBoxField
          label="From"
          options={fromOptions}
          value={fromValue}
          onChange={(id) => {
            setOutside(id === OUTSIDE);
            onChange({ ...value, fromId: id === OUTSIDE || id === ME || id === null ? null : id, fromName: id === OUTSIDE ? value.fromName : '' }, 'fromId');
          }}
        />
        {outside && value.fromId === null && (
          <TextField label="Their name" value={value.fromName} onChange={(n) => set('fromName', n)} maxLength={120} error={errors.fromName} />
        )}
      </div>
      <CriteriaField person={person} value={value.criteria} onChange={(c) => set('criteria', c)} />
      <VisibilityField value={value.visibility} onChange={(v) => set('visibility', v)} />
    </>
  );
}
