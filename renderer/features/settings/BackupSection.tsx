import { useCallback, useEffect, useMemo, useState } from 'react';

import type { BackupStatusDto } from '../../../shared/ipc/backup';
import type { AppInfo } from '../../../shared/ipc/contract';
import { useCurrentUser } from '../../app/current-user';
import { errorMessage } from '../../app/errors';
import { useMainAction, useMainCall } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { ProgressBar } from '../../ui/ProgressBar';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import {
  backupErrorMessage,
  backupStatus,
  checkBackup,
  type CheckedBackup,
  defaultBackupContext,
  openFolder,
  type Progress,
  writeBackup,
} from './backup-actions';
import { lastAutomaticBackupError } from './backup-schedule';
import { formatBytes, formatWhen, reasonText } from './format';
import { RestoreDialog } from './RestoreDialog';

/** Keeps the backup status fresh: loaded on open, reloaded after every backup or restore. */
function useBackupStatus() {
  const call = useMainCall();
  const ctx = useMemo(() => defaultBackupContext(call), [call]);
  const [status, setStatus] = useState<BackupStatusDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    backupStatus(ctx).then(setStatus, (e: unknown) => setError(backupErrorMessage(e, 'backup')));
  }, [ctx]);
  useEffect(reload, [reload]);
  return { ctx, status, error, reload };
}

function lastBackup(status: BackupStatusDto): string {
  const automatic = status.automatic[0];
  const exported = status.lastExport;
  if (!automatic && !exported) return 'None yet';
  if (automatic && (!exported || automatic.createdAt >= exported.at)) return `${formatWhen(automatic.createdAt)}, automatic (${reasonText[automatic.reason]})`;
  return `${formatWhen(exported!.at)}, exported to ${exported!.file}`;
}

/** Settings → Where your data lives, and Backups. */
export function DataAndBackups({ info }: { info: AppInfo }) {
  const saveSettings = useMainAction('settings:set');
  const { ctx, status, error, reload } = useBackupStatus();
  const { announce } = useStatus();
  // Backups are of the user's own database; the sample team has one of its own, which is open now.
  const inSample = useCurrentUser().sample !== null;
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checked, setChecked] = useState<CheckedBackup | null>(null);
  const [edited, setKeep] = useState<{ daily: string; weekly: string } | null>(null);
  const [keepErrors, setKeepErrors] = useState<{ daily?: string; weekly?: string }>({});
  const busy = progress !== null;
  const automaticError = lastAutomaticBackupError();
  const keep = edited ?? (status && { daily: String(status.keepDaily), weekly: String(status.keepWeekly) });

  const exportBackup = async () => {
    setProblem(null);
    setProgress({ label: 'Reading your data…', fraction: 0 });
    try {
      const written = await writeBackup(ctx, { kind: 'export' }, setProgress);
      if (written) announce(`Backup saved: ${written.file} (${formatBytes(written.bytes)})`);
    } catch (e) {
      setProblem(backupErrorMessage(e, 'backup'));
    } finally {
      setProgress(null);
      reload();
    }
  };

  const startRestore = async (source: { kind: 'chosen' } | { kind: 'automatic'; name: string }) => {
    setProblem(null);
    setProgress({ label: 'Checking the backup…', fraction: 0 });
    try {
      const result = await checkBackup(ctx, source, setProgress);
      if (result) setChecked(result);
    } catch (e) {
      setProblem(`Trellis will not restore this file. ${backupErrorMessage(e, 'restore')}`);
    } finally {
      setProgress(null);
    }
  };

  const saveKeep = async (which: 'daily' | 'weekly', text: string) => {
    const value = Number(text);
    const [min, max] = which === 'daily' ? [1, 60] : [0, 52];
    if (!Number.isInteger(value) || value < min || value > max) {
      setKeepErrors((e) => ({ ...e, [which]: `A whole number from ${min} to ${max}` }));
      return;
    }
    setKeepErrors((e) => ({ ...e, [which]: undefined }));
    try {
      await saveSettings.run(which === 'daily' ? { backupKeepDaily: value } : { backupKeepWeekly: value });
      announce('Saved');
      reload();
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };

  const open = (folder: 'data' | 'backups') => openFolder(ctx, folder).catch((e: unknown) => announce(errorMessage(e), 'error'));

  return (
    <>
      <section className="card settings-section" aria-labelledby="data-heading">
        <h2 id="data-heading">Where your data lives</h2>
        <p className="muted">Everything stays on this computer. Nothing is sent anywhere unless you export it.</p>
        {error && (
          <p className="banner banner--error" role="alert">
            {error}
          </p>
        )}
        <dl className="paths">
          <dt>Data folder</dt>
          <dd>
            <code>{info.paths.userData}</code>
            {status && <span className="muted"> · {formatBytes(status.dataBytes)}</span>}
          </dd>
          <dt>Backups go to</dt>
          <dd>
            <code>{status?.backupsFolder ?? '…'}</code>
            {status && (
              <span className="muted">
                {' '}
                · {status.automatic.length} {status.automatic.length === 1 ? 'backup' : 'backups'}, {formatBytes(status.backupsBytes)}
              </span>
            )}
          </dd>
          <dt>Last backup</dt>
          <dd>{status ? lastBackup(status) : '…'}</dd>
          <dt>Settings file</dt>
          <dd>
            <code>{info.paths.settings}</code>
          </dd>
          <dt>Ladders folder</dt>
          <dd>
            <code>{info.paths.ladders}</code>
          </dd>
        </dl>
        <div className="settings-actions">
          <Button size="small" onPress={() => void open('data')}>
            Open data folder
          </Button>
          <Button size="small" onPress={() => void open('backups')}>
            Open backups folder
          </Button>
        </div>
        <p className="muted small">
          Trellis {info.version} on {info.platform}
        </p>
      </section>

      <section className="card settings-section" aria-labelledby="backups-heading">
        <h2 id="backups-heading">Backups</h2>
        <p className="muted">
          A backup holds everything: people, 1:1 notes (private notes too), action items, your ladder files and settings. Trellis makes one every day you use
          it, and before every data update and every restore. Export one to keep a copy on another disk: it is as private as your notes.
        </p>
        {inSample && (
          <p className="banner banner--warning" role="note">
            You are trying the sample team. Backups hold your own data, which is not open now: leave the sample to export a backup or restore one. Trellis still
            backs up your own data every day meanwhile.
          </p>
        )}
        <div className="settings-actions">
          <Button variant="primary" isDisabled={busy || inSample} onPress={() => void exportBackup()}>
            Export backup…
          </Button>
          <Button isDisabled={busy || inSample} onPress={() => void startRestore({ kind: 'chosen' })}>
            Restore from backup…
          </Button>
        </div>
        {progress && <ProgressBar label={progress.label} fraction={progress.fraction} />}
        {problem && (
          <p className="banner banner--error" role="alert">
            {problem}
          </p>
        )}
        {automaticError && (
          <p className="banner banner--warning" role="alert">
            The last automatic backup failed: {automaticError}
          </p>
        )}
        {keep && (
          <div className="keep-fields">
            <TextField
              label="Daily backups kept"
              inputMode="numeric"
              value={keep.daily}
              onChange={(daily) => setKeep({ ...keep, daily })}
              onBlur={() => void saveKeep('daily', keep.daily)}
              error={keepErrors.daily}
            />
            <TextField
              label="Weekly backups kept"
              inputMode="numeric"
              value={keep.weekly}
              onChange={(weekly) => setKeep({ ...keep, weekly })}
              onBlur={() => void saveKeep('weekly', keep.weekly)}
              error={keepErrors.weekly}
            />
          </div>
        )}
        {status && status.automatic.length > 0 && (
          <>
            <h3 className="settings-subheading">Automatic backups</h3>
            <ul className="backup-list" aria-label="Automatic backups">
              {status.automatic.map((b) => (
                <li key={b.name}>
                  <span>
                    {formatWhen(b.createdAt)}{' '}
                    <span className="muted">
                      · {reasonText[b.reason]} · {formatBytes(b.bytes)}
                    </span>
                  </span>
                  <Button
                    size="small"
                    variant="quiet"
                    isDisabled={busy || inSample}
                    aria-label={`Restore the backup of ${formatWhen(b.createdAt)}`}
                    onPress={() => void startRestore({ kind: 'automatic', name: b.name })}
                  >
                    Restore…
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {checked && (
        <RestoreDialog
          ctx={ctx}
          checked={checked}
          onClose={() => {
            setChecked(null);
            reload();
          }}
        />
      )}
    </>
  );
}
