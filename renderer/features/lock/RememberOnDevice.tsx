import { useMainQuery } from '../../app/useMain';
import type { LockService, LockStatus } from '../../db/lock/keyring';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { TextField } from '../../ui/TextField';
import { useDeviceStore } from './device-store';
import { usePassphraseAction } from './usePassphraseAction';

/** Settings › Passphrase lock › Remember on this device: the block and its dialog (the key kept by the system keychain). */
export function RememberOnDevice({ status, busy, onRemember, onForget }: { status: LockStatus; busy: boolean; onRemember: () => void; onForget: () => void }) {
  return (
    <div className="lock-remember" role="group" aria-labelledby="lock-remember-heading">
      <h3 id="lock-remember-heading">Remember on this device</h3>
      {status.remembered ? (
        <>
          <p>
            Remembered with {status.remembered.keychain} since {formatDate(status.remembered.since)}: Trellis opens without your passphrase when it starts on
            this computer. Lock now and locking after a while without use still ask for it.
          </p>
          <div className="settings-actions">
            <Button onPress={onForget} isDisabled={busy}>
              Forget on this device
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>Not remembered: Trellis asks for your passphrase every time it starts.</p>
          <div className="settings-actions">
            <Button onPress={onRemember} isDisabled={busy}>
              Remember on this device…
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

export function RememberDialog({ service, isOpen, onClose }: { service: LockService; isOpen: boolean; onClose: () => void }) {
  const support = useMainQuery('lock:device-support', undefined, { skip: !isOpen });
  const deviceStore = useDeviceStore();
  const { passphrase, setPassphrase, error, busy, submit, close } = usePassphraseAction(
    (passphrase) => service.rememberOnDevice(passphrase, deviceStore),
    'The key is remembered on this device',
    onClose,
  );
  return (
    <Dialog title="Remember on this device" isOpen={isOpen} onOpenChange={(o) => !o && close()}>
      {support.status === 'loading' && <p className="loading">Asking the system keychain…</p>}
      {support.status === 'error' && (
        <div className="dialog__form">
          <p className="banner banner--error" role="alert">
            {support.error}
          </p>
          <div className="dialog__actions">
            <span className="spacer" />
            <Button variant="primary" onPress={close}>
              Close
            </Button>
          </div>
        </div>
      )}
      {support.status === 'ready' && !support.value.available && (
        <div className="dialog__form">
          <p className="banner banner--warning" role="alert">
            Trellis will not remember the key on this computer. {support.value.reason}
          </p>
          <p>Your passphrase keeps protecting your notes; Trellis asks for it when it starts.</p>
          <div className="dialog__actions">
            <span className="spacer" />
            <Button variant="primary" onPress={close}>
              Close
            </Button>
          </div>
        </div>
      )}
      {support.status === 'ready' && support.value.available && (
        <AppForm onSubmit={submit} className="dialog__form">
          <p>
            Trellis will keep the key in {support.value.keychain} and open without asking for your passphrase when it starts. Anyone who can sign in to your
            account on this computer could then read your notes; a copy of your disk or of a backup alone still could not.
          </p>
          <TextField label="Passphrase" type="password" autoFocus value={passphrase} onChange={setPassphrase} error={error} autoComplete="current-password" />
          <FormActions submitLabel="Remember on this device" onCancel={close} isSubmitting={busy} />
        </AppForm>
      )}
    </Dialog>
  );
}
