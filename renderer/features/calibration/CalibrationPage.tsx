import './calibration.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';

import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { FormActions } from '../../ui/FormActions';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';

/** The committee's sessions, newest first; each keeps its opened packets, decisions and log. */
export default function CalibrationPage() {
  const { calibration } = useRepositories();
  const sessions = useLiveQuery(() => calibration.listSessions(), [calibration]);
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title="Calibration"
      subtitle="Sessions where a committee reads the packets managers sent, anonymised, and records its decisions beside each proposal."
      actions={
        <Button variant="primary" onPress={() => setCreating(true)}>
          New session…
        </Button>
      }
    >
      {sessions === undefined ? (
        <p className="loading">Loading…</p>
      ) : sessions.length === 0 ? (
        <EmptyState icon="⚖" title="No calibration sessions" action={<Button onPress={() => setCreating(true)}>Start a session…</Button>}>
          <p>A session holds the packets you open, the committee’s decisions and a log of every decision, change and name shown.</p>
        </EmptyState>
      ) : (
        <ul className="plain-list calibration-sessions" aria-label="Calibration sessions">
          {sessions.map((s) => (
            <li key={s.id} className="card calibration-sessions__item">
              <Link href={`/calibration/${s.id}`}>{s.name}</Link>
              <span className="muted">
                {s.scope ? `${s.scope} · ` : ''}changed {formatDateTime(s.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {creating && <NewSessionDialog onClose={() => setCreating(false)} />}
    </Page>
  );
}

function NewSessionDialog({ onClose }: { onClose: () => void }) {
  const { calibration } = useRepositories();
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [scope, setScope] = useState('');
  const [errors, setErrors] = useState<{ name?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!name.trim()) return setErrors({ name: 'Name the session' });
    setBusy(true);
    try {
      const session = await calibration.createSession({ name, scope });
      onClose();
      navigate(`/calibration/${session.id}`);
    } catch (e) {
      setErrors({ form: errorMessage(e) });
      setBusy(false);
    }
  };
  return (
    <Dialog title="New calibration session" isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm onSubmit={submit} formError={errors.form} aria-label="New calibration session">
        <TextField label="Name" value={name} onChange={setName} error={errors.name} isRequired autoFocus />
        <TextField label="Scope" description="What the committee calibrates, e.g. “Senior engineers, second half of 2026”." value={scope} onChange={setScope} />
        <FormActions submitLabel="Start session" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}
