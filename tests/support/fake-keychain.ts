import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type * as Electron from 'electron';

/** The Linux password stores Chromium may pick (what `getSelectedStorageBackend` answers). */
export type StorageBackend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;

/**
 * A stand-in for Electron's `safeStorage`, typed by Electron's own definitions. It really
 * encrypts (AES-256-GCM under a key only this instance holds, as an OS keychain would), so what
 * main writes to disk is unreadable without it; a test picks the backend (e.g. `basic_text`),
 * makes it unavailable, or drops its key (a keyring reset). Calls are recorded.
 */
export interface FakeKeychain extends Pick<Electron.SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'> {
  backend: StorageBackend;
  available: boolean;
  calls: string[];
  reset(): void;
}

export function createFakeKeychain(options: { backend?: StorageBackend; available?: boolean } = {}): FakeKeychain {
  let key = randomBytes(32);
  const calls: string[] = [];
  const keychain: FakeKeychain = {
    backend: options.backend ?? ('gnome_libsecret' as StorageBackend),
    available: options.available ?? true,
    calls,
    /** Forgets the keychain's own key, as when the user resets their keyring: what was sealed no longer opens. */
    reset() {
      key = randomBytes(32);
    },
    isEncryptionAvailable() {
      calls.push('isEncryptionAvailable');
      return keychain.available;
    },
    getSelectedStorageBackend() {
      calls.push('getSelectedStorageBackend');
      return keychain.backend;
    },
    encryptString(plainText: string) {
      calls.push('encryptString');
      if (!keychain.available) throw new Error('Encryption is not available.');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted: Buffer) {
      calls.push('decryptString');
      if (!keychain.available) throw new Error('Decryption is not available.');
      const iv = encrypted.subarray(3, 15);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(encrypted.subarray(15, 31));
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
    },
  };
  return keychain;
}
