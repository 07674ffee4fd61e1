import { memo, useState } from 'react';

import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { type BackupContext, backupErrorMessage, cancelRestore, type CheckedBackup, type Progress, restoreBackup, type RestoreResult } from './backup-actions';
import { countLabel, formatBytes, formatDay, formatWhen, reasonText } from './format';

type Step = { kind: 'confirm' } | { kind: 'restoring'; progress: Progress } | { kind: 'done'; result: RestoreResult } | { kind: 'failed'; message: string };

/**
 * Shows what a checked backup holds and asks before replacing anything; then restores with a
 * progress bar, and says what happened to the ladder files.
 */
export function RestoreDialog({ ctx, checked, onClose }: { ctx: BackupContext; checked: CheckedBackup; onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'confirm' });
  const { summary } = checked;

  const cancel = () => {
    void cancelRestore(ctx, checked.restoreId);
    onClose();
  };

  const restore = async () => {
    setStep({ kind: 'restoring', progress: { label: 'Backing up your current data and restoring…', fraction: 0 } });
    try {
      const result = await restoreBackup(ctx, checked, (progress) => setStep({ kind: 'restoring', progress }));
      setStep({ kind: 'done', result });
    } catch (e) {
      setStep({ kind: 'failed', message: backupErrorMessage(e, 'restore') });
    }
  };

  const closeable = step.kind !== 'restoring';
  return (
    <Dialog
      title={step.kind === 'done' ? 'Backup restored' : 'Restore this backup?'}
      isOpen
      onOpenChange={(open) => !open && closeable && (step.kind === 'done' ? location.reload() : cancel())}
    >
      {step.kind !== 'done' && <BackupSummary summary={summary} />}
      {step.kind === 'restoring' && <ProgressBar label={step.progress.label} fraction={step.progress.fraction} />}
      {step.kind === 'failed' && (
        <p className="banner banner--error" role="alert">
          {step.message}
        </p>
      )}
      {step.kind === 'done' && <RestoreReport result={step.result} />}
      <div className="dialog__actions">
        <span className="spacer" />
        {step.kind === 'done' ? (
          <Button variant="primary" autoFocus onPress={() => location.reload()}>
            Reload Trellis
          </Button>
        ) : (
          <>
            <Button variant="quiet" isDisabled={!closeable} onPress={cancel}>
              Cancel
            </Button>
            <Button variant="danger" isDisabled={!closeable} onPress={() => void restore()}>
              {step.kind === 'failed' ? 'Try again' : 'Replace my data with this backup'}
            </Button>
          </>
        )}
      </div>
    </Dialog>
  );
}

function RestoreReport({ result }: { result: RestoreResult }) {
  const { files } = result;
  return (
    <div className="restore-summary">
      <p>Your data is now as it was in the backup. Reload Trellis to see it.</p>
      <p className="muted">
        What was here before is saved as <code>{result.safetyBackup.file}</code> in the backups folder.
      </p>
      {(files.laddersAdded.length > 0 || files.laddersKeptApart.length > 0) && (
        <ul>
          {files.laddersAdded.length > 0 && <li>Ladder files added to your ladders folder: {files.laddersAdded.join(', ')}</li>}
          {files.laddersKeptApart.length > 0 && (
            <li>
              Changed since the backup, so left as they are: {files.laddersKeptApart.join(', ')}. The backup’s copies are in{' '}
              <code>{files.keptApartFolder}</code>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/**
 * What the backup holds. Memoised: the restore's progress re-renders the dialog many times, and
 * the dates and counts here are formatted by Intl on every render.
 */
const BackupSummary = memo(function BackupSummary({ summary }: { summary: CheckedBackup['summary'] }) {
  // The lock's key ring is said in its own line, not counted as data.
  const rows = summary.database.tables.filter((t) => t.rows > 0 && t.name !== 'keyring');
  return (
    <div className="restore-summary">
      <dl className="paths">
        <dt>File</dt>
        <dd>
          <code>{summary.file}</code> <span className="muted">· {formatBytes(summary.bytes)}</span>
        </dd>
        <dt>Made</dt>
        <dd>
          {formatWhen(summary.createdAt)} by Trellis {summary.appVersion} <span className="muted">({reasonText[summary.reason]})</span>
        </dd>
        <dt>Holds</dt>
        <dd>
          {rows.length > 0 ? rows.map((t) => countLabel(t.name, t.rows)).join(', ') : 'No people or notes'}
          {summary.ladderFiles > 0 && `; ${summary.ladderFiles} ladder ${summary.ladderFiles === 1 ? 'file' : 'files'}`}
          {summary.hasSettings && '; settings'}
        </dd>
        <dt>Lock</dt>
        <dd>
          {summary.lock.enabled ? 'Passphrase lock on: after restoring, Trellis asks for the passphrase this backup was made with' : 'No passphrase lock'}
        </dd>
        {summary.database.dataRange && (
          <>
            <dt>Dates</dt>
            <dd>
              {formatDay(summary.database.dataRange.from)} to {formatDay(summary.database.dataRange.to)}
            </dd>
          </>
        )}
      </dl>
      <p>
        Restoring <strong>replaces all people, notes and action items</strong> on this computer with the backup’s. Trellis first backs up what is here now (you
        can restore that backup to undo). Ladder files from the backup are added to your ladders folder; a file you have changed since is never overwritten, the
        backup’s copy is kept beside it in the data folder.
      </p>
    </div>
  );
});
