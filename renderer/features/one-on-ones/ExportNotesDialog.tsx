import './share.css';

import { useEffect, useRef, useState } from 'react';

import type { Person } from '../../../shared/domain/person';
import { currentPerson } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainCall } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { useStatus } from '../../ui/Status';
import { countNotes, ExportCancelled, type ExportProgress, streamNotesExport } from './export-notes';

export interface ExportNotesDialogProps {
  /** Whose notes; null for everyone's. */
  person: Person | null;
  onClose: () => void;
}

type Step = { kind: 'choose' } | { kind: 'exporting'; folder: string; progress: ExportProgress } | { kind: 'finishing'; folder: string };

/**
 * "Export notes…": one Markdown file per meeting into a folder the user picks in main's dialog,
 * streamed in bounded chunks with a progress bar and Cancel; main stages the files and moves them
 * into the folder only when all are written, so a cancel or a failure leaves nothing there.
 * Private notes never leave the machine: the files are built from shareable() meetings.
 */
export function ExportNotesDialog({ person, onClose }: ExportNotesDialogProps) {
  const repos = useRepositories();
  const call = useMainCall();
  const { announce } = useStatus();
  const [count, setCount] = useState<number | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    countNotes(repos, person).then(
      (n) => live && setCount(n),
      () => live && setError('Trellis could not read the notes to export. Try again.'),
    );
    return () => void (live = false);
  }, [repos, person]);

  // Closing the dialog mid-export cancels it.
  useEffect(() => () => running.current?.abort(), []);

  const whose = person ? `${person.name}’s` : 'everyone’s';
  const busy = step.kind === 'exporting' || step.kind === 'finishing';

  const runExport = async () => {
    setError(null);
    setNotice(null);
    const begun = await call('files:export-begin', { title: `Export ${whose} notes`, kind: 'markdown' }).catch((e: unknown) => {
      setError(errorMessage(e));
      return null;
    });
    if (!begun?.started) {
      setStep({ kind: 'choose' });
      return;
    }
    const { exportId, folder } = begun;
    const controller = new AbortController();
    running.current = controller;
    setStep({ kind: 'exporting', folder, progress: { done: 0, total: count ?? 0 } });
    try {
      const sent = await streamNotesExport({
        repos,
        person,
        user: await currentPerson(repos.people),
        signal: controller.signal,
        send: async (files) => void (await call('files:export-chunk', { exportId, files })),
        onProgress: (progress) => !controller.signal.aborted && setStep({ kind: 'exporting', folder, progress }),
      });
      if (sent === 0) {
        await call('files:export-cancel', { exportId });
        setStep({ kind: 'choose' });
        setError('There is nothing to export: none of these meetings belongs to a person Trellis knows.');
        return;
      }
      setStep({ kind: 'finishing', folder });
      const result = await call('files:export-commit', { exportId });
      running.current = null;
      announce(`Exported ${result.count} ${result.count === 1 ? 'file' : 'files'} to ${result.folder}`);
      onClose();
    } catch (e) {
      running.current = null;
      // main drops an export whose chunk or commit failed; after any other failure, or a cancel, it is told to.
      await call('files:export-cancel', { exportId }).catch(() => {});
      setStep({ kind: 'choose' });
      if (e instanceof ExportCancelled) setNotice(`Export cancelled. Nothing was written to ${folder}.`);
      else setError(errorMessage(e));
    }
  };

  const next = () => void runExport();

  return (
    <Dialog title={person ? `Export notes of ${person.name}` : 'Export everyone’s notes'} isOpen onOpenChange={(open) => !open && onClose()}>
      {busy ? (
        <>
          {step.kind === 'exporting' ? (
            <ProgressBar
              label={`Writing ${step.progress.done} of ${step.progress.total} ${step.progress.total === 1 ? 'meeting' : 'meetings'}`}
              fraction={step.progress.total === 0 ? 0 : step.progress.done / step.progress.total}
            />
          ) : (
            <ProgressBar label="Moving the files into place" fraction={1} />
          )}
          <p className="muted">Into {step.folder}. Nothing appears there until every file is written.</p>
          <div className="dialog__actions">
            <Button onPress={() => running.current?.abort()} isDisabled={step.kind === 'finishing'} autoFocus>
              Cancel export
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>
            {count === null
              ? 'Counting meetings…'
              : count === 0
                ? `There are no meetings to export yet.`
                : `${count} ${count === 1 ? 'meeting' : 'meetings'} as Markdown files, one per meeting, with the person, date, kind, mood and tags at the top of each. You choose the folder next.`}
          </p>
          <p className="muted">
            The files hold the agenda, shared notes and action items. Private notes are never exported: they stay in Trellis (and in its backups).
          </p>
          {notice && (
            <p className="banner" role="status">
              {notice}
            </p>
          )}
          {error && (
            <p className="banner banner--error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <Button onPress={onClose}>Cancel</Button>
            <Button variant="primary" isDisabled={!count} onPress={next}>
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
