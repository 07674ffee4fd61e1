import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { errorMessage } from '../../app/errors';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { type SaveState, saveStateLabel } from '../one-on-ones';

/** The saved state of an autosaving editor, announced politely: "Win: Saved". */
export function SaveIndicator({ state, what }: { state: SaveState; what: string }) {
  return (
    <span
      className={state.kind === 'error' ? 'save-state save-state--error' : 'save-state'}
      role="status"
      aria-live="polite"
      aria-label={`${what}: ${saveStateLabel(state)}`}
    >
      <span aria-hidden="true">{state.kind === 'saved' ? '✓' : state.kind === 'error' ? '!' : '…'}</span>
      {saveStateLabel(state)}
    </span>
  );
}

/**
 * Asks before deleting: the title names what, the text says what goes with it. The dialog stays
 * open with the reason when the delete fails; Cancel is where focus starts.
 */
export function ConfirmDelete({
  title,
  confirmLabel,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} isOpen onOpenChange={(open) => !open && onClose()}>
      {children}
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <span className="spacer" />
        <Button variant="quiet" onPress={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" onPress={() => void confirm()} isDisabled={busy}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}

/**
 * The record an editor opens, read once: the editor owns the text from then on (a live copy
 * would overwrite typing). Undefined while reading; null when it does not exist, or once it is
 * deleted (here or in another window) while open.
 */
export function useRecordToEdit<T>(read: () => Promise<T | undefined>, deps: unknown[]): T | null | undefined {
  const live = useLiveQuery(async () => (await read()) ?? null, deps);
  const [loaded, setLoaded] = useState<T | null | undefined>(undefined);
  if (loaded === undefined && live !== undefined) setLoaded(live);
  return live === null ? null : loaded;
}
