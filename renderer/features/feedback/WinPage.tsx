import './feedback.css';

import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';

import { parseLinks, type Win, type WinDraft, winTitle } from '../../../shared/domain/wins';
import { useRepositories } from '../../app/data';
import type { UnsavedWrite } from '../../app/unsaved';
import { usePeople } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { useStatus } from '../../ui/Status';
import { SaveFailed, useAutosave } from '../one-on-ones';
import { ConfirmDelete, SaveIndicator, useRecordToEdit } from './EditParts';
import { canRecognise, knownCompetencyNames, RecogniseDialog } from './RecogniseDialog';
import { useCompetencyNames } from './useLadderCompetencies';
import { WinFields, type WinForm, winFormOf } from './WinFields';

export const winDraftOf = (w: Win): WinDraft => ({
  personId: w.personId,
  date: w.date,
  visibility: w.visibility,
  criteria: w.criteria,
  title: w.title,
  impact: w.impact,
  links: w.links,
  celebrate: w.celebrate,
});

/**
 * One win, opened from the wins log, a person's timeline or search: edited in place and saved as
 * you type (like a feedback entry), recognised, or deleted. A win deleted meanwhile (here or in
 * another window) shows as not found.
 */
export default function WinPage({ id }: { id: string }) {
  const { wins } = useRepositories();
  const win = useRecordToEdit(() => wins.get(id), [wins, id]);
  if (win === undefined) return <p className="loading">Loading…</p>;
  if (win === null)
    return (
      <Page title="Win not found">
        <EmptyState icon="?" title="This win does not exist">
          <p>
            It may have been deleted. Go back to <Link href="/feedback/wins">the wins log</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  return <Editor win={win} />;
}

function Editor({ win }: { win: Win }) {
  const { wins } = useRepositories();
  const people = usePeople()?.filter((p) => !p.archived || p.id === win.personId);
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<WinForm>(() => winFormOf(winDraftOf(win)));
  const draft = useMemo<WinDraft>(() => ({ ...form.draft, links: parseLinks(form.links) }), [form]);
  const [deleting, setDeleting] = useState(false);
  const [recognising, setRecognising] = useState(false);
  const save = useCallback((d: WinDraft) => wins.save(win.id, d), [wins, win.id]);
  const unsaved = useCallback((d: WinDraft): UnsavedWrite => ({ kind: 'win', key: `win:${win.id}`, args: [win.id, d] }), [win.id]);
  const { state, retry } = useAutosave(draft, save, { unsaved });
  const errors = state.kind === 'error' && state.error instanceof ValidationError ? state.error.fieldErrors : {};
  const name = useCompetencyNames(draft.criteria);
  const personName = people?.find((p) => p.id === draft.personId)?.name ?? 'Someone no longer in Trellis';

  const remove = async () => {
    await wins.remove(win.id);
    announce(`Win of ${personName} deleted`);
    navigate('/feedback/wins');
  };

  return (
    <Page
      title={`Win · ${personName}`}
      subtitle={
        <>
          {formatDate(draft.date)} · <Link href="/feedback/wins">All wins</Link>
        </>
      }
      actions={
        <>
          <SaveIndicator state={state} what="Win" />
          {canRecognise(draft) && <Button onPress={() => setRecognising(true)}>Recognise…</Button>}
          <Button variant="danger" onPress={() => setDeleting(true)}>
            Delete…
          </Button>
        </>
      }
    >
      <SaveFailed state={state} retry={retry} />
      <section className="card section-card feedback-form person-form" aria-label="Win">
        {people && <WinFields value={form} onChange={setForm} people={people} errors={errors} />}
      </section>
      {deleting && (
        <ConfirmDelete title="Delete this win?" confirmLabel="Delete win" onConfirm={remove} onClose={() => setDeleting(false)}>
          <p>
            “{winTitle(draft, 80)}” is deleted from {personName}’s wins, their timeline and search. This cannot be undone (a backup still has it).
          </p>
        </ConfirmDelete>
      )}
      {recognising && (
        <RecogniseDialog win={{ ...win, ...draft }} personName={personName} names={knownCompetencyNames(draft, name)} onClose={() => setRecognising(false)} />
      )}
    </Page>
  );
}
