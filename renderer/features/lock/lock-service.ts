import { useSyncExternalStore } from 'react';

import type { TrellisDatabase } from '../../db/database';
import { workerKdf } from '../../db/lock/kdf-worker-client';
import { LockService } from '../../db/lock/keyring';

const services = new WeakMap<TrellisDatabase, LockService>();

/** The one LockService of a database (Argon2id runs in a worker). */
export function lockServiceFor(db: TrellisDatabase): LockService {
  let service = services.get(db);
  if (!service) services.set(db, (service = new LockService(db, db.lock, workerKdf)));
  return service;
}

/** Re-renders when the key is set or forgotten; true while the data key is in memory. */
export function useUnlocked(db: TrellisDatabase): boolean {
  return useSyncExternalStore(
    (listener) => db.lock.subscribe(listener),
    () => db.lock.key !== null,
  );
}

export const idleChoices = [
  { id: '5', label: 'After 5 minutes without use' },
  { id: '15', label: 'After 15 minutes without use' },
  { id: '30', label: 'After 30 minutes without use' },
  { id: '60', label: 'After an hour without use' },
  { id: '0', label: 'Only when I lock it or quit' },
] as const;
export type IdleChoice = (typeof idleChoices)[number]['id'];
