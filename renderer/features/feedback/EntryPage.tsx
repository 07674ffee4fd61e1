import './feedback.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { Link, useLocation } from 'wouter';

import { addDaysIso, todayIso } from '../../../shared/domain/dates';
import { type FeedbackDraft, type FeedbackEntry, feedbackKindLabels } from '../../../shared/domain/feedback';
import { useCurrentUser } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import type { UnsavedWrite } from '../../app/unsaved';
import { usePeople } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { SaveFailed, useAutosave } from '../one-on-ones';
import { ConfirmDelete, SaveIndicator, useRecordToEdit } from './EditParts';
import { FeedbackFields } from './FeedbackFields';
import { FollowUpList } from './FollowUpList';
import { useNameOf } from './FollowUpSections';

export const draftOf = (e: FeedbackEntry): FeedbackDraft => ({
  personId: e.personId,
  date: e.date,
  visibility: e.visibility,
  criteria: e.criteria,
  kind: e.kind,
  fromId: e.fromId,
  fromName: e.fromName,
  situation: e.situation,
  behaviour: e.behaviour,
  impact: e.impact,
  nextStep: e.nextStep,
});

/** One feedback entry, edited in place and saved as you type, with its follow-ups. */
export default function EntryPage({ id }: { id: string }) {
  const { feedback } = useRepositories();
  const entry = useRecordToEdit(() => feedback.get(id), [feedback, id]);
  if (entry === undefined) return <p className="loading">Loading…</p>;
  if (entry === null)
    return (
      <Page title="Feedback not found">
        <EmptyState icon="?" title="This feedback does not exist">
          <p>
            It may have been deleted. Go back to <Link href="/feedback">Feedback</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  return <Editor entry={entry} />;
}

function Editor({ entry }: { entry: FeedbackEntry }) {
  const { feedback } = useRepositories();
  const { meId } = useCurrentUser();
  const people = usePeople()?.filter((p) => !p.archived || p.id === entry.personId);
  const nameOf = useNameOf();
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<FeedbackDraft>(() => draftOf(entry));
  const [deleting, setDeleting] = useState(false);
  const save = useCallback((d: FeedbackDraft) => feedback.save(entry.id, d), [feedback, entry.id]);
  const unsaved = useCallback(
    (d: FeedbackDraft): UnsavedWrite => ({ kind: 'feedback-entry', key: `feedback-entry:${entry.id}`, args: [entry.id, d] }),
    [entry.id],
  );
  const { state, retry } = useAutosave(draft, save, { unsaved });
  const errors = state.kind === 'error' && state.error instanceof ValidationError ? state.error.fieldErrors : {};
  const name = nameOf(draft.personId);

  const remove = async () => {
    await feedback.remove(entry.id);
    announce(`Feedback about ${name} deleted`);
    navigate('/feedback');
  };

  return (
    <Page
      title={`${feedbackKindLabels[draft.kind]} · ${name}`}
      subtitle={<Link href="/feedback">All feedback</Link>}
      actions={
        <>
          <SaveIndicator state={state} what="Feedback" />
          <Button variant="danger" onPress={() => setDeleting(true)}>
            Delete…
          </Button>
        </>
      }
    >
      <SaveFailed state={state} retry={retry} />
      <div className="feedback-entry">
        <section className="card section-card feedback-form person-form" aria-label="Feedback">
          {people && <FeedbackFields value={draft} onChange={(next) => setDraft(next)} people={people} meId={meId} errors={errors} />}
        </section>
        <FollowUps entry={entry} personName={name} />
      </div>
      {deleting && (
        <ConfirmDelete title="Delete this feedback?" confirmLabel="Delete feedback" onConfirm={remove} onClose={() => setDeleting(false)}>
          <p>The entry and its follow-ups are deleted. This cannot be undone (a backup still has them).</p>
        </ConfirmDelete>
      )}
    </Page>
  );
}

function FollowUps({ entry, personName }: { entry: FeedbackEntry; personName: string }) {
  const { feedback } = useRepositories();
  const { announce } = useStatus();
  const today = todayIso();
  const items = useLiveQuery(() => feedback.followUpsOf(entry.id), [feedback, entry.id]);
  const [due, setDue] = useState(() => addDaysIso(today, 7));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = async () => {
    try {
      await feedback.addFollowUp(entry.id, { due, note: note.trim() });
      setNote('');
      setError(undefined);
      announce(`Follow-up with ${personName} added`);
    } catch (e) {
      setError(e instanceof ValidationError ? Object.values(e.fieldErrors)[0] : errorMessage(e));
    }
  };
  return (
    <section className="card section-card" aria-labelledby="entry-follow-ups">
      <h2 id="entry-follow-ups">Follow-ups</h2>
      {items && items.length > 0 ? (
        <FollowUpList
          label="Follow-ups of this feedback"
          items={items}
          today={today}
          tomorrow={addDaysIso(today, 1)}
          nameOf={() => personName}
          showPerson={false}
        />
      ) : (
        <p className="muted">No follow-up yet.</p>
      )}
      <AppForm className="form-grid" onSubmit={add} aria-label="Add a follow-up" formError={error}>
        <DateField label="Follow up by" value={due} onChange={setDue} isRequired />
        <TextField label="What to follow up on" value={note} onChange={setNote} maxLength={2000} />
        <div>
          <Button type="submit">Add follow-up</Button>
        </div>
      </AppForm>
    </section>
  );
}
