import { useCallback, useState } from 'react';

import type { Goal } from '../../../shared/domain/plans';
import { useRepositories } from '../../app/data';
import type { UnsavedWrite } from '../../app/unsaved';
import type { GoalTextPatch } from '../../db/goals';
import { LockIcon } from '../../ui/LockIcon';
import { TextArea } from '../../ui/TextArea';
import { SaveFailed, saveStateLabel, useAutosave } from '../one-on-ones';

/** The goal's description (shared) and the manager's private notes, autosaved as they are typed. */
export function GoalText({ goal }: { goal: Goal }) {
  const { goals } = useRepositories();
  const [draft, setDraft] = useState<GoalTextPatch>(() => ({ description: goal.description, privateNotes: goal.privateNotes }));
  const save = useCallback((d: GoalTextPatch) => goals.saveText(goal.id, d), [goals, goal.id]);
  const unsaved = useCallback((d: GoalTextPatch): UnsavedWrite => ({ kind: 'goal-text', key: `goal-text:${goal.id}`, args: [goal.id, d] }), [goal.id]);
  const { state, retry } = useAutosave(draft, save, { unsaved });
  return (
    <section className="card section-card" aria-labelledby="goal-text-heading">
      <div className="section-card__header">
        <h2 id="goal-text-heading">Notes</h2>
        <span
          className={state.kind === 'error' ? 'save-state save-state--error' : 'save-state'}
          role="status"
          aria-live="polite"
          aria-label={`Goal notes: ${saveStateLabel(state)}`}
        >
          <span aria-hidden="true">{state.kind === 'saved' ? '✓' : state.kind === 'error' ? '!' : '…'}</span>
          {saveStateLabel(state)}
        </span>
      </div>
      <SaveFailed state={state} retry={retry} />
      <TextArea
        label="Description"
        description="Shared with them: what success looks like, and how you will both know"
        value={draft.description}
        onChange={(description) => setDraft((d) => ({ ...d, description }))}
        rows={5}
      />
      <div className="private-card section-card">
        <span className="private-label">
          <LockIcon /> Private
        </span>
        <TextArea
          label="Your private notes"
          description="Only for you: never in an export or anything shared"
          value={draft.privateNotes}
          onChange={(privateNotes) => setDraft((d) => ({ ...d, privateNotes }))}
          rows={3}
        />
      </div>
    </section>
  );
}
