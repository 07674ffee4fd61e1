import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useLocation } from 'wouter';

import type { CalibrationSession } from '../../../shared/calibration';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';

/** A new name for the session; the log keeps the old one. */
export function RenameSessionDialog({ session, onClose }: { session: CalibrationSession; onClose: () => void }) {
  const { calibration } = useRepositories();
  const { announce } = useStatus();
  const [name, setName] = useState(session.name);
  const [errors, setErrors] = useState<{ name?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!name.trim()) return setErrors({ name: 'Name the session' });
    setBusy(true);
    try {
      const renamed = await calibration.renameSession(session.id, name);
      if (renamed.name !== session.name) announce(`Session renamed to ${renamed.name}`);
      onClose();
    } catch (e) {
      setErrors({ form: errorMessage(e) });
      setBusy(false);
    }
  };
  return (
    <Dialog title="Rename the session" isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm onSubmit={submit} formError={errors.form} aria-label="Rename the session">
        <TextField label="Name" value={name} onChange={setName} error={errors.name} isRequired autoFocus description="The session log keeps the old name." />
        <FormActions submitLabel="Rename" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Confirms before deleting a session: what goes with it is said in numbers, and it cannot be undone. */
export function DeleteSessionDialog({ session, onClose }: { session: CalibrationSession; onClose: () => void }) {
  const { calibration } = useRepositories();
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const size = useLiveQuery(() => calibration.sessionSize(session.id), [calibration, session.id]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await calibration.removeSession(session.id);
      announce(`Deleted the session ${session.name}`);
      onClose();
      navigate('/calibration');
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title="Delete this session?" isOpen onOpenChange={(open) => !open && onClose()}>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {size === undefined ? (
        <p className="loading">Counting what the session holds…</p>
      ) : (
        <>
          <p>
            “{session.name}” is deleted with everything in it: the {count(size.packets, 'packet', 'packets')} as opened, the committee’s decisions (
            {count(size.decided, 'candidate', 'candidates')} decided, with their rationale and open questions) and the session log (
            {count(size.logEntries, 'entry', 'entries')}). The packet files on disk and the signing keys you trusted stay.
          </p>
          <p>
            <strong>This cannot be undone.</strong> Export the decisions first if HR needs them.
          </p>
        </>
      )}
      <div className="dialog__actions">
        <span className="spacer" />
        <Button variant="quiet" onPress={onClose} autoFocus>
          Keep it
        </Button>
        <Button variant="danger" onPress={() => void remove()} isDisabled={busy || size === undefined}>
          Delete session
        </Button>
      </div>
    </Dialog>
  );
}
