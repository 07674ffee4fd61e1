import { useEffect, useState } from 'react';

import type { Repositories } from './data';
import { errorMessage } from './errors';
import { addStartupNotice } from './StartupNotices';
import { replayUnsaved } from './unsaved';

/** Once per page load, even when React mounts twice. */
let replaying: Promise<void> | null = null;

/**
 * Writes typing kept when the page last went away (renderer/app/unsaved.ts) before any screen
 * reads the database, so the notes show as they were typed. What cannot be written yet is kept
 * for the next start and the user is told.
 */
export function ReplayUnsaved({ repos, children }: { repos: Repositories; children: React.ReactNode }) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    replaying ??= replayUnsaved(repos).then(
      ({ failed }) => {
        if (failed.length === 0) return;
        addStartupNotice({
          id: 'unsaved-replay',
          severity: 'warning',
          title: 'Some notes from before Trellis last closed are not saved yet',
          message: `${errorMessage(failed[0]!.error)} They are kept on this computer and Trellis tries again at the next start.`,
        });
      },
      () => {},
    );
    void replaying.then(() => live && setDone(true));
    return () => {
      live = false;
    };
  }, [repos]);
  return done ? children : <p className="loading">Opening your data…</p>;
}
