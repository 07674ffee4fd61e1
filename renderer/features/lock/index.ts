/** The passphrase lock: the gate before the app, and its section of Settings. */
export { LockGate, lockNow } from './LockGate';
export { LockSettings } from './LockSettings';
