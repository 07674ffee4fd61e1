import './share.css';

import { useEffect, useState } from 'react';

import { notesExportFiles, type NotesExportInput } from '../../../shared/domain/markdown-export';
import type { Person } from '../../../shared/domain/person';
import { currentPerson } from '../../app/current-user';
import { type Repositories, useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog } from '../../ui/Dialog';
import { useStatus } from '../../ui/Status';

export const PRIVATE_EXPORT_WARNING = 'Private notes will be written to these files. Anyone who can read the folder can read them.';

/** The meetings and action items to export: one person's, or everyone's. */
async function loadNotes(repos: Repositories, person: Person | null): Promise<NotesExportInput> {
  const people = person ? [person] : await repos.people.list();
  const [meetings, items] = await Promise.all([
    person ? repos.meetings.forPerson(person.id) : repos.meetings.list(),
    Promise.all(people.map((p) => repos.actionItems.forPerson(p.id))),
  ]);
  return { people, meetings, actionItems: items.flat() };
}

export interface ExportNotesDialogProps {
  /** Whose notes; null for everyone's. */
  person: Person | null;
  onClose: () => void;
}

/**
 * "Export notes…": one Markdown file per meeting into a folder the user picks. Private notes
 * are left out unless the box is ticked AND the user confirms a second, explicit warning.
 */
export function ExportNotesDialog({ person, onClose }: ExportNotesDialogProps) {
  const repos = useRepositories();
  const { announce } = useStatus();
  const [input, setInput] = useState<NotesExportInput | null>(null);
  const [includePrivate, setIncludePrivate] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const exportFolder = useMainAction('files:export-folder');
  const busy = exportFolder.pending;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadNotes(repos, person).then(
      (loaded) => live && setInput(loaded),
      () => live && setError('Trellis could not read the notes to export. Try again.'),
    );
    return () => void (live = false);
  }, [repos, person]);

  const count = input?.meetings.length ?? 0;
  const whose = person ? `${person.name}’s` : 'everyone’s';

  const runExport = async () => {
    if (!input) return;
    setError(null);
    try {
      const files = notesExportFiles(input, { includePrivateNotes: includePrivate, user: await currentPerson(repos.people) });
      if (files.length === 0) {
        setConfirming(false);
        setError('There is nothing to export: none of these meetings belongs to a person Trellis knows.');
        return;
      }
      const result = await exportFolder.run({ title: `Export ${whose} notes`, files });
      if (!result.saved) {
        setConfirming(false);
        return;
      }
      announce(`Exported ${result.written.length} ${result.written.length === 1 ? 'file' : 'files'} to ${result.folder}`);
      onClose();
    } catch (e) {
      setConfirming(false);
      setError(errorMessage(e));
    }
  };

  const next = () => (includePrivate ? setConfirming(true) : void runExport());

  return (
    <Dialog title={person ? `Export notes of ${person.name}` : 'Export everyone’s notes'} isOpen onOpenChange={(open) => !open && onClose()}>
      {confirming ? (
        <>
          <p className="export-warning" role="alert">
            <strong>Include private notes?</strong>
            {PRIVATE_EXPORT_WARNING}
          </p>
          <div className="dialog__actions">
            <Button onPress={() => setConfirming(false)} autoFocus>
              Back
            </Button>
            <Button variant="danger" isDisabled={busy} onPress={() => void runExport()}>
              Export with private notes
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>
            {input === null
              ? 'Counting meetings…'
              : count === 0
                ? `There are no meetings to export yet.`
                : `${count} ${count === 1 ? 'meeting' : 'meetings'} as Markdown files, one per meeting, with the person, date, kind, mood and tags at the top of each. You choose the folder next.`}
          </p>
          <Checkbox isSelected={includePrivate} onChange={setIncludePrivate}>
            Include private notes
          </Checkbox>
          <p className="muted">Left unticked, the files hold the agenda, shared notes and action items only.</p>
          {error && (
            <p className="banner banner--error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <Button onPress={onClose}>Cancel</Button>
            <Button variant="primary" isDisabled={busy || count === 0} onPress={next}>
              Choose folder and export…
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}

/** The button that opens the dialog, for a person's page or the people list. */
export function ExportNotesButton({ person = null, label = 'Export notes…' }: { person?: Person | null; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onPress={() => setOpen(true)}>{label}</Button>
      {open && <ExportNotesDialog person={person} onClose={() => setOpen(false)} />}
    </>
  );
}
