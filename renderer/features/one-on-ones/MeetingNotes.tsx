import { useCallback, useState } from 'react';

import type { Meeting } from '../../../shared/domain/meetings';
import { useRepositories } from '../../app/data';
import type { UnsavedWrite } from '../../app/unsaved';
import type { NotesPatch } from '../../db/meetings';
import { cx } from '../../ui/cx';
import { LockIcon } from '../../ui/LockIcon';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { NotesEditor } from './NotesEditor';
import { SaveFailed } from './SaveFailed';
import { type SaveState, saveStateLabel, useAutosave } from './useAutosave';

interface Draft {
  sharedNotes: string;
  privateNotes: string;
  mood: string;
  energy: string;
  tags: string;
}

const draftOf = (m: Meeting): Draft => ({
  sharedNotes: m.sharedNotes,
  privateNotes: m.privateNotes,
  mood: m.mood ? String(m.mood) : '',
  energy: m.energy ? String(m.energy) : '',
  tags: m.tags.join(', '),
});

/** "growth, Q3 , growth" → ["growth", "Q3"]: trimmed, de-duplicated, empty ones dropped. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

const pulseOptions = [
  { id: '1', label: '1 · very low' },
  { id: '2', label: '2 · low' },
  { id: '3', label: '3 · okay' },
  { id: '4', label: '4 · good' },
  { id: '5', label: '5 · great' },
];

function patchOf(d: Draft): NotesPatch {
  return {
    sharedNotes: d.sharedNotes,
    privateNotes: d.privateNotes,
    mood: d.mood ? Number(d.mood) : undefined,
    energy: d.energy ? Number(d.energy) : undefined,
    tags: parseTags(d.tags),
  };
}

export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span
      className={cx('save-state', state.kind === 'error' && 'save-state--error')}
      role="status"
      aria-live="polite"
      aria-label={`Notes: ${saveStateLabel(state)}`}
    >
      <span aria-hidden="true">{state.kind === 'saved' ? '✓' : state.kind === 'error' ? '!' : '…'}</span>
      {saveStateLabel(state)}
    </span>
  );
}

/**
 * Shared notes, private notes, pulse and tags: edited locally and autosaved. The meeting is read
 * once on mount; what is typed always stays on screen, even when saving fails.
 */
export function MeetingNotes({ meeting, personName }: { meeting: Meeting; personName: string }) {
  const { meetings } = useRepositories();
  const [draft, setDraft] = useState<Draft>(() => draftOf(meeting));
  const save = useCallback((d: Draft) => meetings.saveNotes(meeting.id, patchOf(d)), [meetings, meeting.id]);
  const unsaved = useCallback(
    (d: Draft): UnsavedWrite => ({ kind: 'meeting-notes', key: `meeting-notes:${meeting.id}`, args: [meeting.id, patchOf(d)] }),
    [meeting.id],
  );
  const { state, retry } = useAutosave(draft, save, { unsaved });
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  return (
    <>
      <div className="notes-status">
        <SaveIndicator state={state} />
      </div>
      <SaveFailed state={state} retry={retry} />
      <section className="card section-card" aria-labelledby="shared-notes-heading">
        <NotesEditor
          label="Shared notes"
          heading={<h2 id="shared-notes-heading">Shared notes</h2>}
          value={draft.sharedNotes}
          onChange={set('sharedNotes')}
          revealTarget={`meeting:${meeting.id}:shared`}
          description="Markdown. Part of what you can share with the other person."
          placeholder="Decisions, context, what you agreed…"
        />
      </section>
      <section className="card section-card private-card" aria-labelledby="private-notes-heading">
        <NotesEditor
          label="Private notes"
          heading={
            <div className="private-title">
              <h2 id="private-notes-heading" className="private-heading">
                <LockIcon size={16} /> Private notes
              </h2>
              <span className="private-label">Only you · never shared</span>
            </div>
          }
          value={draft.privateNotes}
          onChange={set('privateNotes')}
          revealTarget={`meeting:${meeting.id}:private`}
          description={`Markdown. ${personName} never sees these, and exports leave them out unless you choose to include them.`}
          placeholder="Your own observations and reminders…"
        />
      </section>
      <section className="card section-card" aria-labelledby="pulse-heading">
        <h2 id="pulse-heading">Pulse and tags</h2>
        <div className="pulse-grid">
          <SelectField label="Mood" value={draft.mood || null} onChange={(v) => set('mood')(v ?? '')} empty="Not recorded" options={pulseOptions} />
          <SelectField label="Energy" value={draft.energy || null} onChange={(v) => set('energy')(v ?? '')} empty="Not recorded" options={pulseOptions} />
        </div>
        <TextField label="Tags" value={draft.tags} onChange={set('tags')} description="Separate tags with commas, e.g. growth, project-x" />
      </section>
    </>
  );
}
