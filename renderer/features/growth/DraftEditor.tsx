import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { useLocation } from 'wouter';

import {
  type Assessment,
  assessmentKindLabels,
  type CompetencyTargets,
  type DraftPatch,
  finishProblem,
  progressOf,
  type Rating,
  ratingKey,
  updateRating,
} from '../../../shared/domain/assessments';
import type { EvidenceItem } from '../../../shared/evidence/coverage';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import type { UnsavedWrite } from '../../app/unsaved';
import { evidenceFor } from '../../db/evidence';
import { Button } from '../../ui/Button';
import { LockIcon } from '../../ui/LockIcon';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { SaveFailed, type SaveState, saveStateLabel, useAutosave } from '../one-on-ones';
import { CompetencyCard } from './CompetencyCard';
import { RatingEditor } from './RatingEditor';
import { StatusBadge } from './StatusBadge';

/** How much evidence the pickers offer: the newest records of the person. */
const EVIDENCE_OFFERED = 60;

function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span
      className={state.kind === 'error' ? 'save-state save-state--error' : 'save-state'}
      role="status"
      aria-live="polite"
      aria-label={`Assessment: ${saveStateLabel(state)}`}
    >
      <span aria-hidden="true">{state.kind === 'saved' ? '✓' : state.kind === 'error' ? '!' : '…'}</span>
      {saveStateLabel(state)}
    </span>
  );
}

const draftOf = (a: Assessment): DraftPatch => ({ ratings: a.ratings, summary: a.summary, privateNotes: a.privateNotes });

function usePersonEvidence(personId: string): EvidenceItem[] {
  const { db } = useRepositories();
  return (
    useLiveQuery(async () => (await evidenceFor(db, { personId })).filter((e) => e.kind !== 'assessment').slice(0, EVIDENCE_OFFERED), [db, personId]) ?? []
  );
}

/** A draft assessment: every rating autosaved as it is typed, finished once everything is rated. */
export function DraftEditor({ assessment, targets }: { assessment: Assessment; targets: CompetencyTargets[] }) {
  const { assessments } = useRepositories();
  const { announce } = useStatus();
  const [draft, setDraft] = useState<DraftPatch>(() => draftOf(assessment));
  const [finishError, setFinishError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, navigate] = useLocation();
  const evidence = usePersonEvidence(assessment.personId);
  const save = useCallback((d: DraftPatch) => assessments.saveDraft(assessment.id, d), [assessments, assessment.id]);
  const unsaved = useCallback(
    (d: DraftPatch): UnsavedWrite => ({ kind: 'assessment-draft', key: `assessment-draft:${assessment.id}`, args: [assessment.id, d] }),
    [assessment.id],
  );
  const { state, retry } = useAutosave(draft, save, { unsaved });
  const byKey = new Map(draft.ratings.map((r) => [ratingKey(r.ref), r]));
  const progress = progressOf(draft.ratings, targets);
  const change = (ref: Rating['ref']) => (patch: (r: Rating) => Rating) => setDraft((d) => ({ ...d, ratings: updateRating(d.ratings, ref, patch) }));

  const finish = async () => {
    const problem = finishProblem(progressOf(draft.ratings, targets));
    setFinishError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await retry();
      await assessments.finish(assessment.id);
      announce(`${assessmentKindLabels[assessment.kind]} finished and locked`);
    } catch (e) {
      setFinishError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    try {
      await assessments.discardDraft(assessment.id);
      navigate(`/growth/people/${assessment.personId}`);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };

  return (
    <>
      <div className="growth-status">
        <StatusBadge status="draft" />
        <span className="muted">Revision {assessment.revision}</span>
        <SaveIndicator state={state} />
        <span className="muted" aria-label="Progress">
          {progress.rated} of {progress.total} rated{progress.notApplicable ? ` · ${progress.notApplicable} not applicable` : ''}
        </span>
        <span className="spacer" />
        <Button variant="quiet" onPress={() => void discard()}>
          Discard draft
        </Button>
        <Button variant="primary" onPress={() => void finish()} isDisabled={busy}>
          Finish assessment
        </Button>
      </div>
      <SaveFailed state={state} retry={retry} />
      {finishError && (
        <p className="banner banner--error" role="alert">
          {finishError}
        </p>
      )}
      {targets.map((c) => (
        <CompetencyCard key={c.competency.id} c={c}>
          {c.targets.map((t) => (
            <RatingEditor
              key={t.key}
              target={t}
              label={t.text ?? c.competency.name}
              scale={c.scale}
              rating={byKey.get(t.key)}
              evidence={evidence}
              onChange={change(t.ref)}
            />
          ))}
        </CompetencyCard>
      ))}
      <section className="card section-card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <TextArea label="Overall comment" rows={4} value={draft.summary} onChange={(summary) => setDraft((d) => ({ ...d, summary }))} />
      </section>
      <section className="card section-card private-card" aria-labelledby="private-heading">
        <div className="private-title">
          <h2 id="private-heading" className="private-heading">
            <LockIcon size={16} /> Private notes
          </h2>
          <span className="private-label">Only you · never exported</span>
        </div>
        <TextArea label="Private notes" hideLabel rows={3} value={draft.privateNotes} onChange={(privateNotes) => setDraft((d) => ({ ...d, privateNotes }))} />
      </section>
    </>
  );
}
