import type { lockContract } from '../../shared/ipc/lock';
import type { DeviceKeys } from '../services/device-keys';
import type { DomainHandlers } from './dispatch';

/** "Remember on this device": the device secret kept under the system keychain (services/device-keys.ts). */
export function createLockHandlers(keys: DeviceKeys): DomainHandlers<typeof lockContract> {
  return {
    'lock:device-support': () => keys.support(),
    'lock:remember': ({ id, secret }) => keys.remember(id, secret),
    'lock:recall': ({ id }) => keys.recall(id),
    'lock:forget': ({ id }) => keys.forget(id),
  };
}
