import './feedback.css';

import { useState } from 'react';
import { useLocation } from 'wouter';

import { addDaysIso, todayIso } from '../../../shared/domain/dates';
import { defaultVisibility, type FeedbackDraft } from '../../../shared/domain/feedback';
import type { FieldErrors } from '../../../shared/domain/person';
import { useCurrentUser } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { DateField } from '../../ui/DateField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { CaptureDialog, useFormSave, useScreenPerson } from './CaptureParts';
import { FeedbackFields } from './FeedbackFields';

export function emptyDraft(personId: string, meId: string | null, today: string): FeedbackDraft {
  return {
    personId,
    date: today,
    visibility: defaultVisibility('recognition', meId, meId),
    criteria: [],
    kind: 'recognition',
    fromId: meId,
    fromName: '',
    situation: '',
    behaviour: '',
    impact: '',
    nextStep: '',
  };
}

/**
 * Feedback in a few seconds, over any screen: the person of the screen is filled in, the kind
 * and visibility start at what is most likely, and an optional follow-up is one tick away.
 * Ctrl/⌘+Enter saves from any field.
 */
export default function QuickCaptureDialog({ screen, personId, onClose }: { screen: string; personId?: string | undefined; onClose: () => void }) {
  const repos = useRepositories();
  const { meId } = useCurrentUser();
  const people = usePeople()?.filter((p) => !p.archived);
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const today = todayIso();
  const [draft, setDraft] = useState<FeedbackDraft>(() => emptyDraft(personId ?? '', meId, today));
  const [visibilityChosen, setVisibilityChosen] = useState(false);
  const prefilled = useScreenPerson(screen, personId, (id) => setDraft((d) => (d.personId ? d : { ...d, personId: id })));
  const [followUp, setFollowUp] = useState(false);
  const [due, setDue] = useState(() => addDaysIso(today, 7));
  const [note, setNote] = useState('');
  const { errors, setErrors, busy, run } = useFormSave();

  const change = (next: FeedbackDraft, changed: keyof FeedbackDraft) => {
    if (changed === 'visibility') setVisibilityChosen(true);
    // Until the user picks a visibility, it follows the kind and the author (private for the manager's constructive feedback).
    if (!visibilityChosen && changed !== 'visibility') next = { ...next, visibility: defaultVisibility(next.kind, next.fromId, meId) };
    setDraft(next);
  };

  const submit = async () => {
    const problems: FieldErrors = {};
    if (!draft.personId) problems.personId = 'Choose who the feedback is about';
    if (followUp && !due) problems.due = 'Enter the day to follow up by';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    await run(async () => {
      const entry = await repos.feedback.create(draft, followUp ? { due, note } : undefined);
      const name = people?.find((p) => p.id === entry.personId)?.name ?? 'them';
      announce(followUp ? `Feedback about ${name} saved, with a follow-up` : `Feedback about ${name} saved`);
      onClose();
    });
  };

  if (!people || prefilled === null) return null;
  return (
    <CaptureDialog
      title="Capture feedback"
      submitLabel="Save feedback"
      onSubmit={submit}
      onClose={onClose}
      busy={busy}
      formError={errors.form}
      actions={
        <Button
          variant="quiet"
          onPress={() => {
            onClose();
            navigate('/feedback');
          }}
        >
          All feedback
        </Button>
      }
    >
      <FeedbackFields value={draft} onChange={change} people={people} meId={meId} errors={errors} {...(prefilled ? { autoFocus: 'situation' as const } : {})} />
      <Checkbox isSelected={followUp} onChange={setFollowUp}>
        Follow up on this
      </Checkbox>
      {followUp && (
        <div className="form-grid">
          <DateField label="Follow up by" value={due} onChange={setDue} isRequired error={errors.due} />
          <TextField label="What to follow up on" value={note} onChange={setNote} maxLength={2000} placeholder="e.g. ask how the next review went" />
        </div>
      )}
    </CaptureDialog>
  );
}
