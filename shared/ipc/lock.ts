/**
 * IPC schemas of the lock domain: "Remember on this device" for the passphrase lock. The renderer
 * makes a random device secret that wraps the data key (a third wrapping in the key ring, beside
 * the passphrase and the recovery key); main keeps that secret encrypted by the operating
 * system's keychain (Electron `safeStorage`) in a file of its own inside Trellis's data folder.
 * `contract.ts` merges them.
 *
 * No operation takes a path: the file is main's own, and `id` is a random token naming the entry
 * in it, never joined to a path.
 */
import { z } from 'zod';

import { noInput } from './operation';

export const deviceKeyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a device key id');
/** 32 random bytes, base64. */
export const deviceSecretSchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a device secret');

export const deviceSupportSchema = z.object({
  /** Whether the keychain can protect a secret on this machine. */
  available: z.boolean(),
  /** Why not, in words for the user; null when available. */
  reason: z.string().nullable(),
  /** The keychain in use, in words ("GNOME keyring", "macOS Keychain"…). */
  keychain: z.string().nullable(),
});
export type DeviceSupport = z.output<typeof deviceSupportSchema>;

export const lockContract = {
  /** Can this machine remember the key safely? On Linux the `basic_text` backend cannot. */
  'lock:device-support': { input: noInput, output: deviceSupportSchema },
  /** Keeps the device secret, encrypted by the keychain; refused (code 'conflict') where the keychain is no protection. */
  'lock:remember': {
    input: z.object({ id: deviceKeyIdSchema, secret: deviceSecretSchema }).strict(),
    output: z.object({ keychain: z.string() }),
  },
  /** The device secret kept for `id`, or null with the reason (none kept, keychain changed or no longer protects it). */
  'lock:recall': {
    input: z.object({ id: deviceKeyIdSchema }).strict(),
    output: z.object({ secret: deviceSecretSchema.nullable(), reason: z.string().nullable() }),
  },
  /** Deletes the device secret kept for `id` (no error when there is none). */
  'lock:forget': {
    input: z.object({ id: deviceKeyIdSchema }).strict(),
    output: z.object({ forgotten: z.boolean() }),
  },
} as const;

export const lockEventContract = {} as const;
