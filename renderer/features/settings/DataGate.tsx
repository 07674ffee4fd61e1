import { useEffect, useState } from 'react';

import { useMainCall } from '../../app/useMain';
import { defaultBackupContext } from './backup-context';
import { backupErrorMessage } from './backup-errors';
import { backupBeforeUpgrade, startDailyBackups } from './backup-schedule';

type GateState = { kind: 'checking' } | { kind: 'ready' } | { kind: 'failed'; message: string };

let started = false;

/**
 * Renders the app only once the data is safe to open: when this Trellis is about to upgrade the
 * stored database, it is backed up first (as stored). A failed backup stops here with the
 * reason; the user may try again or go on without it. Starts the daily backups afterwards.
 */
export function DataGate({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const call = useMainCall();

  useEffect(() => {
    let live = true;
    const ctx = defaultBackupContext(call);
    backupBeforeUpgrade(ctx).then(
      () => live && setState({ kind: 'ready' }),
      (error: unknown) => live && setState({ kind: 'failed', message: backupErrorMessage(error, 'backup') }),
    );
    return () => {
      live = false;
    };
  }, [attempt, call]);

  useEffect(() => {
    if (state.kind !== 'ready' || started) return;
    started = true;
    startDailyBackups(defaultBackupContext(call));
  }, [state.kind, call]);

  if (state.kind === 'ready') return children;
  if (state.kind === 'checking') return <p className="loading">Opening your data…</p>;
  return (
    <main className="page">
      <div className="banner banner--error" role="alert">
        <h1>Trellis could not back up your data before updating it</h1>
        <p>This version of Trellis stores your data in a newer format, and backs it up before converting it. The backup failed: {state.message}</p>
        <p>Your data has not been changed.</p>
      </div>
      <div className="settings-actions">
        {/* Plain buttons: this screen comes before the app, so it keeps the design system's code out of the first load. */}
        <button
          className="btn btn--primary"
          onClick={() => {
            setState({ kind: 'checking' });
            setAttempt((n) => n + 1);
          }}
        >
          Try again
        </button>
        <button className="btn" onClick={() => setState({ kind: 'ready' })}>
          Update without a backup
        </button>
      </div>
    </main>
  );
}
