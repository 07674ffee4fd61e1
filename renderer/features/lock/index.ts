/** The passphrase lock: the gate before the app, and its section of Settings. */
import { lazyPart } from '../../ui/lazy-part';

export { LockGate, lockNow } from './LockGate';

// The gate is on the first screen; its Settings section loads with Settings.
export const LockSettings = lazyPart(() => import('./LockSettings').then((m) => m.LockSettings));
