import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import type { DeviceSupport } from '../../shared/ipc/lock';
import { AppError } from '../../shared/ipc/result';
import { errorCode, fileError, writeFileAtomic } from './atomic-write';

/**
 * The operating system's keychain as Electron's `safeStorage` offers it (main.ts passes the real
 * one; tests a recording fake typed by Electron's definitions). Only what this module uses.
 */
export interface Keychain {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which password store Chromium picked. */
  getSelectedStorageBackend?(): string;
}

/**
 * On Linux Chromium falls back to `basic_text` when it finds no keyring (no desktop session, an
 * unknown desktop, `--password-store=basic`): the "encryption" then uses a fixed password that is
 * the same on every machine, so anyone with the file has the secret. That is not protection, and
 * a remembered key there would quietly undo the passphrase lock: refuse it.
 */
const linuxKeychains: Record<string, string | null> = {
  basic_text: null,
  unknown: null,
  gnome_libsecret: 'the GNOME keyring (libsecret)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
};

const platformKeychain: Record<string, string> = {
  darwin: 'the macOS Keychain',
  win32: 'Windows (DPAPI, your Windows account)',
};

const fileSchema = z.object({
  format: z.literal(1),
  /** id → the secret encrypted by the keychain, base64; which keychain encrypted it. */
  keys: z.record(z.string(), z.object({ sealed: z.string(), keychain: z.string(), savedAt: z.string() })),
});
type DeviceKeyFile = z.output<typeof fileSchema>;

/** A handful of databases at most (your own, a restored copy): more means something is wrong. */
const MAX_KEYS = 16;

export interface DeviceKeys {
  support(): DeviceSupport;
  remember(id: string, secret: string): Promise<{ keychain: string }>;
  recall(id: string): Promise<{ secret: string | null; reason: string | null }>;
  forget(id: string): Promise<{ forgotten: boolean }>;
}

export function createDeviceKeys(options: { keychain: Keychain | null; platform: string; userDataDir: string; now?: () => Date }): DeviceKeys {
  const file = path.join(options.userDataDir, 'device-keys.json');
  const now = options.now ?? (() => new Date());

  const support = (): DeviceSupport => {
    const keychain = options.keychain;
    if (!keychain) return { available: false, reason: 'This copy of Trellis has no access to a system keychain.', keychain: null };
    if (options.platform === 'linux') {
      const backend = keychain.getSelectedStorageBackend?.() ?? 'unknown';
      const name = linuxKeychains[backend];
      if (name === null || name === undefined) {
        return {
          available: false,
          keychain: null,
          reason:
            backend === 'basic_text'
              ? 'No keyring was found on this desktop, so the system would store the key with a fixed password that is the same on every computer (Electron’s “basic_text” store). Anyone with a copy of your files could unlock Trellis, so it will not remember the key. Start Trellis in a desktop session with GNOME Keyring or KWallet to use this.'
              : `Trellis does not know the keyring this desktop uses (“${backend}”), so it cannot tell whether the key would be protected and will not remember it.`,
        };
      }
      if (!keychain.isEncryptionAvailable())
        return { available: false, keychain: null, reason: `${capital(name)} is not available right now (is it locked or not running?).` };
      return { available: true, reason: null, keychain: name };
    }
    if (!keychain.isEncryptionAvailable()) return { available: false, keychain: null, reason: 'The system keychain is not available right now.' };
    return { available: true, reason: null, keychain: platformKeychain[options.platform] ?? 'the system keychain' };
  };

  const read = async (): Promise<DeviceKeyFile> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { format: 1, keys: {} };
      throw new AppError('io', `Trellis could not read ${file} (${errorCode(error) || 'unknown error'}).`);
    }
    try {
      return fileSchema.parse(JSON.parse(text));
    } catch {
      // A damaged file only costs the convenience: the passphrase still unlocks. It is replaced on the next save.
      return { format: 1, keys: {} };
    }
  };

  const write = async (data: DeviceKeyFile) => {
    try {
      await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
    } catch (error) {
      throw error instanceof AppError ? error : fileError(error, file, 'save');
    }
  };

  return {
    support,
    async remember(id, secret) {
      const state = support();
      if (!state.available || !state.keychain || !options.keychain) throw new AppError('conflict', state.reason ?? 'The system keychain is not available.');
      const sealed = options.keychain.encryptString(secret).toString('base64');
      const data = await read();
      const keys = Object.entries({ ...data.keys, [id]: { sealed, keychain: state.keychain, savedAt: now().toISOString() } })
        .sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt))
        .slice(0, MAX_KEYS);
      await write({ format: 1, keys: Object.fromEntries(keys) });
      return { keychain: state.keychain };
    },
    async recall(id) {
      const entry = (await read()).keys[id];
      if (!entry) return { secret: null, reason: null };
      const state = support();
      // The keychain went away or fell back to basic_text since: do not trust what it gives back.
      if (!state.available || !options.keychain) return { secret: null, reason: state.reason };
      if (state.keychain !== entry.keychain)
        return { secret: null, reason: `The key was remembered with ${entry.keychain}, but this session uses ${state.keychain}.` };
      try {
        const secret = options.keychain.decryptString(Buffer.from(entry.sealed, 'base64'));
        return /^[A-Za-z0-9+/]{43}=$/.test(secret) ? { secret, reason: null } : { secret: null, reason: 'The remembered key is damaged.' };
      } catch {
        return { secret: null, reason: `${capital(state.keychain)} could not open the remembered key (was the keyring reset?).` };
      }
    },
    async forget(id) {
      const data = await read();
      if (!(id in data.keys)) return { forgotten: false };
      const { [id]: _gone, ...keys } = data.keys;
      await write({ format: 1, keys });
      return { forgotten: true };
    },
  };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
