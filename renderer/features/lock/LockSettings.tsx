import './lock.css';

import { useEffect, useState } from 'react';

import type { LockScope } from '../../../shared/evidence/at-rest';
import { useCurrentUser } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { replayUnsaved } from '../../app/unsaved';
import type { LockService, LockStatus } from '../../db/lock/keyring';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { useDeviceStore } from './device-store';
import { type IdleChoice, idleChoices, lockServiceFor } from './lock-service';
import { lockNow } from './LockGate';
import { lockErrorMessage } from './messages';
import { RecoveryKey } from './RecoveryKey';
import { RememberDialog, RememberOnDevice } from './RememberOnDevice';
import { usePassphraseAction } from './usePassphraseAction';

const scopes: { id: LockScope; label: string }[] = [
  { id: 'private', label: 'Private notes only' },
  { id: 'all-text', label: 'All note text: private and shared notes, agendas, action items, talking points, assessments' },
];

const scopeText: Record<LockScope, string> = {
  private: 'your private notes (of 1:1s and assessments)',
  'all-text': 'all note text (private and shared notes, agendas, action items, talking points, and assessments’ summaries, ratings and comments)',
};

type Open = null | 'on' | 'change' | 'off' | 'remember';

/** Settings → Passphrase lock. */
export function LockSettings() {
  const { sample } = useCurrentUser();
  if (sample) {
    // The sample is made-up data in a database of its own: the lock belongs to the user's own data.
    return (
      <section className="card settings-section" aria-labelledby="lock-heading">
        <h2 id="lock-heading">Passphrase lock</h2>
        <p>
          The passphrase lock protects your own data, not the sample team, which is made up and removed when you leave it. Leave the sample to turn the lock on
          or off or to change its settings. If your own data is locked, Trellis asks for your passphrase when you come back to it.
        </p>
      </section>
    );
  }
  return <OwnDataLockSettings />;
}

function OwnDataLockSettings() {
  const { db } = useRepositories();
  const service = lockServiceFor(db);
  const deviceStore = useDeviceStore();
  const { announce } = useStatus();
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = () => void service.keyRing().then((ring) => setStatus(service.status(ring)));
  useEffect(reload, [service]);

  const run = async (what: () => Promise<void>, done: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await what();
      announce(done);
    } catch (e) {
      setProblem(lockErrorMessage(e));
    } finally {
      setBusy(false);
      reload();
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="lock-heading">
      <h2 id="lock-heading">Passphrase lock</h2>
      {problem && (
        <p className="banner banner--error" role="alert">
          {problem}
        </p>
      )}
      {status && !status.enabled && (
        <>
          <p>
            Off. Anyone who can open your user account on this computer, or take its disk, can read your notes. With the lock on, Trellis encrypts them with a
            passphrase only you know and asks for it when it starts and after a while without use.
          </p>
          <div className="settings-actions">
            <Button variant="primary" onPress={() => setOpen('on')}>
              Turn on passphrase lock…
            </Button>
          </div>
        </>
      )}
      {status?.enabled && (
        <>
          <p>
            On. Trellis encrypts {scopeText[status.scope!]} on this computer and in backups, and asks for your passphrase when it starts
            {status.idleMinutes > 0 ? ` and after ${status.idleMinutes} minutes without use` : ''}.
          </p>
          <div className="settings-actions">
            <Button onPress={() => void lockNow(db)}>Lock now</Button>
            <Button onPress={() => setOpen('change')}>Change passphrase…</Button>
            <Button variant="danger" onPress={() => setOpen('off')}>
              Turn off lock…
            </Button>
          </div>
          <SelectField<IdleChoice>
            label="Lock automatically"
            value={String(status.idleMinutes) as IdleChoice}
            options={idleChoices}
            onChange={(v) => void run(() => service.setIdleMinutes(Number(v)), 'Saved')}
          />
          <SelectField<LockScope>
            label="Encrypt"
            value={status.scope}
            options={scopes}
            onChange={(scope) =>
              void run(() => service.changeScope(scope), scope === 'all-text' ? 'All note text is encrypted' : 'Only private notes are encrypted')
            }
          />
          <RememberOnDevice
            status={status}
            busy={busy}
            onRemember={() => setOpen('remember')}
            onForget={() => void run(() => service.forgetOnDevice(deviceStore), 'The key is no longer remembered on this device')}
          />
          {busy && <p className="loading">Working…</p>}
        </>
      )}
      <WhatIsProtected />
      <TurnOnDialog service={service} isOpen={open === 'on'} onClose={() => (setOpen(null), reload())} />
      <ChangePassphraseDialog service={service} isOpen={open === 'change'} onClose={() => setOpen(null)} />
      <TurnOffDialog service={service} isOpen={open === 'off'} onClose={() => (setOpen(null), reload())} />
      <RememberDialog service={service} isOpen={open === 'remember'} onClose={() => (setOpen(null), reload())} />
    </section>
  );
}

function WhatIsProtected() {
  return (
    <details className="lock-facts">
      <summary>What the lock protects, and what it does not</summary>
      <ul>
        <li>
          <strong>Protected</strong>: the text you chose, in the database on this computer and in every backup made while the lock is on (AES-256-GCM; the key
          is derived from your passphrase with Argon2id, 64 MiB and 3 passes). The key is only in memory while Trellis is unlocked.
        </li>
        <li>
          <strong>Not encrypted</strong>: names of people and teams, meeting dates and kinds, due dates, templates, ladders (files in your ladders folder),
          settings. Someone with your disk can see whom you meet and when, not what you wrote.
        </li>
        <li>
          <strong>Search</strong> finds encrypted text only while Trellis is unlocked: its index is built in memory from the decrypted notes, is never written
          to disk (the index Trellis saves to start faster is deleted when the lock is turned on), and is thrown away the moment Trellis locks or quits, then
          built again after you unlock (search is incomplete for a while meanwhile).
        </li>
        <li>
          <strong>Typing not yet saved</strong> is not kept on disk while the lock is on: if Trellis crashes within a second of typing, that second is lost
          rather than stored in the clear. Locking and quitting save it first.
        </li>
        <li>
          <strong>Files you export</strong> (notes, calendars, packets) are written in the clear: they are meant to be read. Private notes never go into them.
        </li>
        <li>
          <strong>Window titles and notifications</strong> never show note text.
        </li>
        <li>
          <strong>Forgotten passphrase</strong>: only the recovery key shown when you turned the lock on can open your notes. Without both, nobody can — Trellis
          included.
        </li>
        <li>
          <strong>Restoring a backup</strong> brings back the passphrase it was made with.
        </li>
        <li>
          <strong>Remember on this device</strong> keeps the key in your operating system’s keychain, so Trellis opens without the passphrase when it starts.
          Then anyone who can sign in to your account on this computer can open your notes; a stolen disk or a backup file alone still cannot. Trellis refuses
          it where the keychain is no protection (on Linux without GNOME Keyring or KWallet). Lock now and the idle lock still ask for the passphrase.
        </li>
      </ul>
    </details>
  );
}

function TurnOnDialog({ service, isOpen, onClose }: { service: LockService; isOpen: boolean; onClose: () => void }) {
  const repos = useRepositories();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [scope, setScope] = useState<LockScope>('private');
  const [idle, setIdle] = useState<IdleChoice>('15');
  const [errors, setErrors] = useState<{ passphrase?: string; repeat?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const close = () => {
    setPassphrase('');
    setRepeat('');
    setErrors({});
    setRecoveryKey(null);
    onClose();
  };
  const submit = async () => {
    if (passphrase !== repeat) return setErrors({ repeat: 'The two passphrases are not the same.' });
    setBusy(true);
    setErrors({});
    try {
      const { recoveryKey } = await service.enable(passphrase, scope, Number(idle));
      // Typing kept in localStorage from before (a save that failed at the last start) would stay
      // there in the clear: it is written into the now encrypted database and dropped.
      await replayUnsaved(repos).catch(() => {});
      setRecoveryKey(recoveryKey);
    } catch (e) {
      const message = lockErrorMessage(e);
      setErrors(/passphrase of at least/.test(message) ? { passphrase: message } : { form: message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={recoveryKey ? 'The lock is on: your recovery key' : 'Turn on passphrase lock'}
      isOpen={isOpen}
      onOpenChange={(o) => !o && !recoveryKey && close()}
    >
      {recoveryKey ? (
        <RecoveryKey recoveryKey={recoveryKey} onDone={close} />
      ) : (
        <AppForm onSubmit={submit} formError={errors.form} className="dialog__form">
          <TextField
            label="Passphrase"
            type="password"
            autoFocus
            value={passphrase}
            onChange={setPassphrase}
            error={errors.passphrase}
            description="At least 8 characters; a few unrelated words are easy to remember and hard to guess"
            autoComplete="new-password"
          />
          <TextField label="Repeat the passphrase" type="password" value={repeat} onChange={setRepeat} error={errors.repeat} autoComplete="new-password" />
          <RadioGroupField label="Encrypt" options={scopes} value={scope} onChange={setScope} />
          <SelectField<IdleChoice> label="Lock automatically" value={idle} options={idleChoices} onChange={setIdle} />
          {busy && <p className="loading">Encrypting your notes…</p>}
          <FormActions submitLabel="Turn on lock" onCancel={close} isSubmitting={busy} />
        </AppForm>
      )}
    </Dialog>
  );
}

function ChangePassphraseDialog({ service, isOpen, onClose }: { service: LockService; isOpen: boolean; onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; repeat?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const { announce } = useStatus();
  const close = () => {
    setCurrent('');
    setNext('');
    setRepeat('');
    setErrors({});
    onClose();
  };
  const submit = async () => {
    if (next !== repeat) return setErrors({ repeat: 'The two passphrases are not the same.' });
    setBusy(true);
    setErrors({});
    try {
      await service.changePassphrase(current, next);
      announce('Passphrase changed');
      close();
    } catch (e) {
      const message = lockErrorMessage(e);
      if (/passphrase is not right/.test(message)) setErrors({ current: message });
      else if (/passphrase of at least/.test(message)) setErrors({ next: message });
      else setErrors({ form: message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Change passphrase" isOpen={isOpen} onOpenChange={(o) => !o && close()}>
      <AppForm onSubmit={submit} formError={errors.form} className="dialog__form">
        <p>Your notes stay as they are: only the key that opens them is wrapped again, so this is instant. Your recovery key keeps working.</p>
        <TextField label="Current passphrase" type="password" autoFocus value={current} onChange={setCurrent} error={errors.current} />
        <TextField label="New passphrase" type="password" value={next} onChange={setNext} error={errors.next} autoComplete="new-password" />
        <TextField label="Repeat the new passphrase" type="password" value={repeat} onChange={setRepeat} error={errors.repeat} autoComplete="new-password" />
        <FormActions submitLabel="Change passphrase" onCancel={close} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}

function TurnOffDialog({ service, isOpen, onClose }: { service: LockService; isOpen: boolean; onClose: () => void }) {
  const deviceStore = useDeviceStore();
  const form = usePassphraseAction((passphrase) => service.disable(passphrase, deviceStore), 'The lock is off: your notes are no longer encrypted', onClose);
  return (
    <Dialog title="Turn off passphrase lock" isOpen={isOpen} onOpenChange={(o) => !o && form.close()}>
      <AppForm onSubmit={form.submit} className="dialog__form">
        <p>Your notes will be stored without encryption again, on this computer and in new backups. Backups made with the lock on stay encrypted.</p>
        <TextField label="Passphrase" type="password" autoFocus value={form.passphrase} onChange={form.setPassphrase} error={form.error} />
        <FormActions submitLabel="Turn off lock" onCancel={form.close} isSubmitting={form.busy} />
      </AppForm>
    </Dialog>
  );
}
