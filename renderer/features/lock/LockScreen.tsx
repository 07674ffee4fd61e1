import './lock.css';

import { useState } from 'react';

import type { LockService } from '../../db/lock/keyring';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { LockIcon } from '../../ui/LockIcon';
import { TextField } from '../../ui/TextField';
import { lockErrorMessage } from './messages';
import { RecoveryKey } from './RecoveryKey';

/** What shows instead of the app while Trellis is locked: nothing of the data is read until the passphrase unlocks it. */
export function LockScreen({ service, notice, onUnlocked }: { service: LockService; notice?: string | null; onUnlocked: () => void }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  return (
    <main className="lock-screen" aria-labelledby="lock-heading">
      <div className="lock-screen__card card">
        <LockIcon />
        <h1 id="lock-heading">{newRecoveryKey ? 'Your new recovery key' : 'Trellis is locked'}</h1>
        {notice && !newRecoveryKey && (
          <p className="banner banner--warning" role="status">
            {notice}
          </p>
        )}
        {newRecoveryKey ? (
          <RecoveryKey recoveryKey={newRecoveryKey} onDone={onUnlocked} />
        ) : mode === 'passphrase' ? (
          <PassphraseForm service={service} onUnlocked={onUnlocked} onForgot={() => setMode('recovery')} />
        ) : (
          <RecoveryForm service={service} onRecovered={setNewRecoveryKey} onBack={() => setMode('passphrase')} />
        )}
      </div>
    </main>
  );
}

function PassphraseForm({ service, onUnlocked, onForgot }: { service: LockService; onUnlocked: () => void; onForgot: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!passphrase) return setError('Type your passphrase.');
    setBusy(true);
    setError(undefined);
    try {
      await service.unlock(passphrase);
      onUnlocked();
    } catch (e) {
      setError(lockErrorMessage(e));
      setBusy(false);
    }
  };
  return (
    <AppForm onSubmit={submit} aria-label="Unlock Trellis" className="lock-form">
      <p>Your notes are encrypted on this computer. Type your passphrase to open them.</p>
      <TextField label="Passphrase" type="password" autoFocus value={passphrase} onChange={setPassphrase} error={error} autoComplete="current-password" />
      <div className="lock-form__actions">
        <Button variant="quiet" onPress={onForgot}>
          Forgot your passphrase?
        </Button>
        <span className="spacer" />
        <Button variant="primary" type="submit" isDisabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </Button>
      </div>
    </AppForm>
  );
}

function RecoveryForm({ service, onRecovered, onBack }: { service: LockService; onRecovered: (key: string) => void; onBack: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ key?: string; next?: string; repeat?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (next !== repeat) return setErrors({ repeat: 'The two passphrases are not the same.' });
    setBusy(true);
    setErrors({});
    try {
      onRecovered((await service.recover(recoveryKey, next)).recoveryKey);
    } catch (e) {
      const message = lockErrorMessage(e);
      setErrors(/passphrase of at least/.test(message) ? { next: message } : { key: message });
      setBusy(false);
    }
  };
  return (
    <AppForm onSubmit={submit} aria-label="Unlock with your recovery key" className="lock-form">
      <p>
        Type the recovery key you printed when you turned the lock on, and choose a new passphrase. Without your passphrase or that key nobody can read your
        encrypted notes, Trellis included: there is no other way in.
      </p>
      <TextField label="Recovery key" value={recoveryKey} onChange={setRecoveryKey} error={errors.key} autoComplete="off" spellCheck="false" />
      <TextField label="New passphrase" type="password" value={next} onChange={setNext} error={errors.next} autoComplete="new-password" />
      <TextField label="Repeat the new passphrase" type="password" value={repeat} onChange={setRepeat} error={errors.repeat} autoComplete="new-password" />
      <div className="lock-form__actions">
        <Button variant="quiet" onPress={onBack}>
          Use my passphrase
        </Button>
        <span className="spacer" />
        <Button variant="primary" type="submit" isDisabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock and set passphrase'}
        </Button>
      </div>
    </AppForm>
  );
}
