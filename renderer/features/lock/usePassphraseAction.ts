import { useState } from 'react';

import { useStatus } from '../../ui/Status';
import { lockErrorMessage } from './messages';

/**
 * The state of a lock dialog that asks for the passphrase and does one thing with it (turn the
 * lock off, remember the key): typing, the error in the lock's words, busy, and a close that
 * forgets what was typed.
 */
export function usePassphraseAction(action: (passphrase: string) => Promise<void>, done: string, onClose: () => void) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const { announce } = useStatus();
  const close = () => {
    setPassphrase('');
    setError(undefined);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await action(passphrase);
      announce(done);
      close();
    } catch (e) {
      setError(lockErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { passphrase, setPassphrase, error, busy, submit, close };
}
