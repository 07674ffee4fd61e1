import { useCallback, useState } from 'react';

import { type Candidate, type Decision, type DecisionOutcome, decisionOutcomes, outcomeLabels } from '../../../shared/calibration';
import { summaryFields } from '../../../shared/packets';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import type { UnsavedWrite } from '../../app/unsaved';
import type { DecisionTextPatch } from '../../db/calibration';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { TextArea } from '../../ui/TextArea';
import { SaveFailed, type SaveState, saveStateLabel, useAutosave } from '../one-on-ones';
import type { Reading } from './reading';

function SaveIndicator({ state, label }: { state: SaveState; label: string }) {
  return (
    <span
      className={state.kind === 'error' ? 'save-state save-state--error' : 'save-state'}
      role="status"
      aria-live="polite"
      aria-label={`${label}: ${saveStateLabel(state)}`}
    >
      <span aria-hidden="true">{state.kind === 'saved' ? '✓' : state.kind === 'error' ? '!' : '…'}</span>
      {saveStateLabel(state)}
    </span>
  );
}

/** One candidate: the manager's proposal as sent, beside the committee's decision, rationale and open questions (autosaved). */
export function DecisionCard({
  candidate,
  decision,
  reading,
  onReveal,
  drafts,
}: {
  candidate: Candidate;
  decision: Decision;
  reading: Reading;
  onReveal: () => void;
  /**
   * The text last typed in each card of the list. A card scrolled out of view is taken out of the
   * DOM (its pending text is saved then); drawn again, it starts from what was typed, not from a
   * stored row that may not have caught up yet.
   */
  drafts: Map<string, DecisionTextPatch>;
}) {
  const { calibration } = useRepositories();
  const content = candidate.content!;
  const name = reading.name(candidate);
  const [text, setTextState] = useState<DecisionTextPatch>(
    () => drafts.get(decision.id) ?? { rationale: decision.rationale, openQuestions: decision.openQuestions },
  );
  const setText = (next: (t: DecisionTextPatch) => DecisionTextPatch) =>
    setTextState((t) => {
      const value = next(t);
      drafts.set(decision.id, value);
      return value;
    });
  const save = useCallback((p: DecisionTextPatch) => calibration.saveDecisionText(decision.id, p), [calibration, decision.id]);
  const unsaved = useCallback(
    (p: DecisionTextPatch): UnsavedWrite => ({ kind: 'calibration-decision', key: `calibration-decision:${decision.id}`, args: [decision.id, p] }),
    [decision.id],
  );
  const { state, retry } = useAutosave(text, save, { unsaved });
  const [changing, setChanging] = useState<DecisionOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The summary is drawn when someone opens it: seven anonymised texts per card are not free.
  const [summaryOpen, setSummaryOpen] = useState(false);
  const headingId = `decision-${candidate.packet.id}`;

  const choose = async (outcome: DecisionOutcome) => {
    setError(null);
    if (decision.outcome === outcome) return;
    if (decision.outcome !== null) return setChanging(outcome);
    try {
      await retry();
      await calibration.setOutcome(decision.id, outcome, '', text);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <article className="card section-card calibration-decision" aria-labelledby={headingId}>
      <div className="section-card__header">
        <h3 id={headingId}>{name}</h3>
        {!reading.shown(candidate) && (
          <Button size="small" variant="quiet" aria-label={`Show the name of ${name}`} onPress={onReveal}>
            Show name
          </Button>
        )}
        <span className="spacer" />
        <SaveIndicator state={state} label={`Decision on ${name}`} />
      </div>
      <SaveFailed state={state} retry={retry} />
      <dl className="calibration-decision__facts">
        <dt>Manager’s proposal</dt>
        <dd>
          <strong>{content.target.levelTitle}</strong> on {content.target.trackName}
          {content.target.currentLevelTitle ? `, from ${content.target.currentLevelTitle}` : ''}
        </dd>
        <dt>Manager</dt>
        <dd>{reading.manager(candidate)}</dd>
        <dt>Team</dt>
        <dd>{reading.team(candidate)}</dd>
        <dt>Committee’s decision</dt>
        <dd>
          {decision.outcome ? `${outcomeLabels[decision.outcome]} (recorded ${formatDateTime(decision.decidedAt ?? decision.updatedAt)})` : 'Not decided yet'}
        </dd>
      </dl>
      <details className="calibration-packet" onToggle={(e) => setSummaryOpen(e.currentTarget.open)}>
        <summary>Read the packet’s summary</summary>
        {summaryOpen && (
          <dl className="calibration-decision__facts">
            {summaryFields.map((f) => (
              <div key={f.key} style={{ display: 'contents' }}>
                <dt>{f.label}</dt>
                <dd className="calibration-summary">{content.summary[f.key].trim() ? reading.text(candidate, content.summary[f.key]) : '—'}</dd>
              </div>
            ))}
          </dl>
        )}
      </details>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <RadioGroupField<DecisionOutcome>
        label={`Decision on ${name}`}
        options={decisionOutcomes.map((o) => ({ id: o, label: outcomeLabels[o] }))}
        value={decision.outcome}
        onChange={(o) => void choose(o)}
      />
      <div className="calibration-decision__fields">
        <TextArea label="Rationale" rows={3} value={text.rationale} onChange={(rationale) => setText((t) => ({ ...t, rationale }))} />
        <TextArea label="Open questions" rows={3} value={text.openQuestions} onChange={(openQuestions) => setText((t) => ({ ...t, openQuestions }))} />
      </div>
      {changing && decision.outcome && (
        <ChangeDialog
          name={name}
          from={decision.outcome}
          to={changing}
          onClose={() => setChanging(null)}
          onChange={async (reason) => {
            await retry();
            await calibration.setOutcome(decision.id, changing, reason, text);
            setChanging(null);
          }}
        />
      )}
    </article>
  );
}

function ChangeDialog({
  name,
  from,
  to,
  onClose,
  onChange,
}: {
  name: string;
  from: DecisionOutcome;
  to: DecisionOutcome;
  onClose: () => void;
  onChange: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) return setErrors({ reason: 'Say why the decision changes' });
    setBusy(true);
    try {
      await onChange(reason);
    } catch (e) {
      setErrors({ form: errorMessage(e) });
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Change the decision on ${name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm onSubmit={submit} formError={errors.form} aria-label="Change the decision">
        <p>
          From <strong>{outcomeLabels[from]}</strong> to <strong>{outcomeLabels[to]}</strong>. The reason is kept in the session log with the time.
        </p>
        <TextArea label="Reason for the change" rows={3} value={reason} onChange={setReason} error={errors.reason} isRequired autoFocus />
        <FormActions submitLabel="Change decision" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}
