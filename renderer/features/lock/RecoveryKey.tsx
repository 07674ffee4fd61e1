import { useState } from 'react';

import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';

/** The recovery key, shown once: print it or write it down; Trellis does not keep it. */
export function RecoveryKey({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [kept, setKept] = useState(false);
  return (
    <div className="recovery">
      <p>
        This recovery key opens your notes if you forget your passphrase. <strong>Trellis shows it only now</strong> and keeps no copy: print it or write it
        down, and keep it away from this computer.
      </p>
      <div className="recovery-sheet">
        <p className="recovery-sheet__title">Trellis recovery key</p>
        <output className="recovery-sheet__key" aria-label="Recovery key">
          {recoveryKey}
        </output>
        <p className="recovery-sheet__note">Without your passphrase and without this key, nobody — not even you — can read your encrypted notes.</p>
      </div>
      <div className="settings-actions">
        <Button onPress={() => window.print()}>Print…</Button>
      </div>
      <Checkbox isSelected={kept} onChange={setKept}>
        I have printed or written down my recovery key
      </Checkbox>
      <div className="dialog__actions">
        <span className="spacer" />
        <Button variant="primary" isDisabled={!kept} onPress={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
