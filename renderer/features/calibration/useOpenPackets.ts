import { useState } from 'react';

import type { CalibrationSession } from '../../../shared/calibration';
import { openCandidates } from '../../../shared/packets';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usableLadders, useLadderList } from '../../app/useLadders';
import { useMainCall } from '../../app/useMain';
import { useStatus } from '../../ui/Status';

/**
 * "Open packets…": main's dialog gives the files; each is checked (hash, schema, signature,
 * ladder version) one at a time, so the window stays responsive, then all are kept in one go.
 */
export function useOpenPackets(session: CalibrationSession) {
  const { calibration } = useRepositories();
  const { announce } = useStatus();
  const call = useMainCall();
  const list = useLadderList();
  const [checking, setChecking] = useState<{ checked: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setError(null);
    try {
      const { files } = await call('packets:open-files');
      if (files.length === 0) return;
      const inUse = new Map(usableLadders(list.status === 'ready' ? list.value : undefined).map((l) => [l.id!, { hash: l.hash!, version: l.version ?? '' }]));
      setChecking({ checked: 0, total: files.length });
      const opened = await openCandidates(files, inUse, { onProgress: (checked, total) => setChecking({ checked, total }) });
      await calibration.addPackets(
        session.id,
        opened.map((o, i) => ({ fileName: o.fileName, text: files[i]!.text ?? null, fingerprint: o.fingerprint, flags: o.flags })),
      );
      announce(`${opened.length === 1 ? 'One packet' : `${opened.length} packets`} added to the session`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setChecking(null);
    }
  };
  return { open, checking, error, clearError: () => setError(null) };
}
