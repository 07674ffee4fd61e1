import { useState } from 'react';

import type { UserRole } from '../../shared/settings';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { useStatus } from '../ui/Status';
import { useCurrentUser } from './current-user';
import { errorMessage } from './errors';
import { leaveSampleTeam, openSampleTeam } from './sample-session';

/** "Try with a sample team": builds the sample database and starts the app on it. */
export function TrySampleTeamButton({ role, onBeforeOpen }: { role: UserRole; onBeforeOpen?: () => boolean }) {
  const [busy, setBusy] = useState(false);
  const { announce } = useStatus();
  const open = async () => {
    if (onBeforeOpen && !onBeforeOpen()) return;
    setBusy(true);
    announce('Building the sample team…');
    try {
      await openSampleTeam(role);
    } catch (e) {
      setBusy(false);
      announce(errorMessage(e, 'Trellis could not build the sample team. Your own data was not changed.'), 'error');
    }
  };
  return (
    <Button onPress={() => void open()} isDisabled={busy}>
      {busy ? 'Building the sample team…' : 'Try with a sample team'}
    </Button>
  );
}

/** "Leave the sample", after a confirmation: everything in the sample goes, the user's own data comes back. */
export function LeaveSampleButton({ variant = 'default' }: { variant?: 'default' | 'primary' }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button variant={variant} onPress={() => setConfirming(true)}>
        Leave the sample
      </Button>
      <Dialog title="Leave the sample team?" isOpen={confirming} onOpenChange={setConfirming}>
        <p>The sample team and anything you changed in it are removed. Trellis opens your own data again, exactly as you left it.</p>
        <div className="dialog__actions">
          <Button onPress={() => setConfirming(false)}>Stay in the sample</Button>
          <Button
            variant="primary"
            isDisabled={busy}
            onPress={() => {
              setBusy(true);
              void leaveSampleTeam();
            }}
          >
            Leave and remove the sample
          </Button>
        </div>
      </Dialog>
    </>
  );
}

/** Above every screen while the sample is open: it cannot be mistaken for the user's own data. */
export function SampleBanner() {
  const { sample } = useCurrentUser();
  if (!sample) return null;
  return (
    <section className="sample-banner" aria-label="Sample data">
      <p>
        <strong>Sample team.</strong> Everything here is made up, and your own data is not touched.
      </p>
      <LeaveSampleButton variant="primary" />
    </section>
  );
}
