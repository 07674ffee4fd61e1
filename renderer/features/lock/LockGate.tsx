import { useEffect, useState } from 'react';

import { flushAll } from '../../app/flush';
import { setKeepUnsavedAllowed } from '../../app/unsaved';
import type { TrellisDatabase } from '../../db/database';
import type { LockStatus } from '../../db/lock/keyring';
import { forgetRenderedMarkdown } from '../../ui/markdown-kept';
import { clearLockedByUser, lockedByUser, markLockedByUser, useDeviceStore } from './device-store';
import { lockServiceFor, useUnlocked } from './lock-service';
import { LockScreen } from './LockScreen';

/**
 * Locks Trellis: pending autosaves are written first (with the key still in memory), then the
 * key is forgotten and the window reloads, so no decrypted text stays in React state, caches or
 * the live queries' memory.
 */
export async function lockNow(db: TrellisDatabase): Promise<void> {
  await flushAll();
  markLockedByUser();
  lockServiceFor(db).lock();
  window.location.reload();
}

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks after `minutes` without input (0: never). */
function useIdleLock(db: TrellisDatabase, minutes: number) {
  useEffect(() => {
    if (minutes <= 0) return;
    let last = Date.now();
    const seen = () => {
      last = Date.now();
    };
    for (const e of activity) window.addEventListener(e, seen, { passive: true, capture: true });
    const timer = window.setInterval(
      () => {
        if (Date.now() - last >= minutes * 60_000) void lockNow(db);
      },
      Math.min(30_000, minutes * 15_000),
    );
    return () => {
      for (const e of activity) window.removeEventListener(e, seen, { capture: true });
      window.clearInterval(timer);
    };
  }, [db, minutes]);
}

/**
 * Renders the app only when its data can be read: with the lock on, the lock screen comes first.
 * Nothing below it reads the database before the key is in memory.
 */
export function LockGate({ db, children }: { db: TrellisDatabase; children: React.ReactNode }) {
  const service = lockServiceFor(db);
  const deviceStore = useDeviceStore();
  const unlocked = useUnlocked(db);
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The lock screen stays until it says so (after a recovery it shows the new recovery key first).
  const [showLockScreen, setShowLockScreen] = useState(false);
  // Why the key remembered on this device did not open Trellis this time (shown on the lock screen).
  const [deviceNotice, setDeviceNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const read = () =>
      service.keyRing().then(
        (ring) => live && setStatus(service.status(ring)),
        () => {},
      );
    const open = async (): Promise<LockStatus> => {
      const s = await service.load();
      if (!s.enabled || s.unlocked || !s.remembered || lockedByUser()) return s;
      const outcome = await service.unlockWithDevice(deviceStore).catch((e: unknown) => ({
        unlocked: false as const,
        reason: e instanceof Error ? e.message : String(e),
      }));
      if (!outcome.unlocked && outcome.reason) setDeviceNotice(`Trellis could not use the key remembered on this device: ${outcome.reason}`);
      return service.status(await service.keyRing());
    };
    open().then(
      (s) => {
        if (!live) return;
        setStatus(s);
        setShowLockScreen(s.enabled && !s.unlocked);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    const stop = db.lock.subscribe(() => {
      // Locked: the notes drawn while unlocked are not kept, rendered, in memory.
      if (!db.lock.key) forgetRenderedMarkdown();
      void read();
    });
    return () => {
      live = false;
      stop();
    };
  }, [db, service, deviceStore]);

  // Typing kept in localStorage on unload would sit there in the clear: with the lock on it is not
  // kept. Asked of the encryption layer at that moment (its scope is set the instant the lock is
  // turned on), not of React state, which follows a render later.
  useEffect(() => setKeepUnsavedAllowed(() => db.lock.scope === null), [db]);
  const enabled = status?.enabled ?? false;
  useIdleLock(db, enabled && unlocked ? status!.idleMinutes : 0);

  if (error)
    return (
      <main className="page">
        <p className="banner banner--error" role="alert">
          Trellis could not read its lock settings: {error}
        </p>
      </main>
    );
  if (!status) return <p className="loading">Opening your data…</p>;
  if (status.enabled && (!unlocked || showLockScreen)) {
    return (
      <LockScreen
        service={service}
        notice={deviceNotice}
        onUnlocked={() => {
          clearLockedByUser();
          setShowLockScreen(false);
        }}
      />
    );
  }
  return children;
}
