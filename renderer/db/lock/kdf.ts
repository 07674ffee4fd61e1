// The Argon2 code itself, apart from its parameters (kdf-params.ts): only the KDF worker and tests load it.
import { argon2id } from 'hash-wasm';

import { type Kdf, MIN_KDF } from './kdf-params';

export { DEFAULT_KDF, type Kdf, type KdfParams, MIN_KDF } from './kdf-params';

/** Runs here (in a worker in the app, directly in tests). */
export const argon2Kdf: Kdf = async (passphrase, params) => {
  if (params.name !== 'argon2id' || params.memoryKiB < MIN_KDF.memoryKiB || params.iterations < MIN_KDF.iterations) {
    throw new Error('The key ring asks for weaker key derivation than Trellis allows.');
  }
  const salt = Uint8Array.from(atob(params.salt), (c) => c.charCodeAt(0));
  const out = await argon2id({
    password: passphrase.normalize('NFC'),
    salt,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return new Uint8Array(out);
};
