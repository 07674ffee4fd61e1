import { useMemo } from 'react';

import { useMainCall } from '../../app/useMain';
import type { DeviceSecretStore } from '../../db/lock/keyring';

/** Main's keychain-backed store of the device secret (the lock IPC domain). */
export function useDeviceStore(): DeviceSecretStore {
  const call = useMainCall();
  return useMemo(
    () => ({
      remember: (id, secret) => call('lock:remember', { id, secret }),
      recall: (id) => call('lock:recall', { id }),
      forget: (id) => call('lock:forget', { id }),
    }),
    [call],
  );
}

/**
 * A remembered key opens Trellis when it starts, not after the user locked it: "Lock now" and the
 * idle lock mean "ask for the passphrase". The mark lives in this window's sessionStorage, so it
 * survives the reload that locking does and is gone when Trellis quits.
 */
const LOCKED_BY_USER = 'trellis.lock.locked-by-user';

export function markLockedByUser(): void {
  try {
    sessionStorage.setItem(LOCKED_BY_USER, '1');
  } catch {
    // No sessionStorage: the remembered key may open Trellis again after a reload — a convenience lost, nothing exposed beyond what remembering allows.
  }
}

export function lockedByUser(): boolean {
  try {
    return sessionStorage.getItem(LOCKED_BY_USER) === '1';
  } catch {
    return false;
  }
}

export function clearLockedByUser(): void {
  try {
    sessionStorage.removeItem(LOCKED_BY_USER);
  } catch {
    // Nothing to clear.
  }
}
