/**
 * Argon2id (RFC 9106) turns the passphrase into the key-encryption key. The parameters are stored
 * with the key ring so a later Trellis may raise them for new passphrases and still open old ones.
 * Defaults: 64 MiB of memory, 3 passes, 1 lane (RFC 9106's second recommended option), 32 bytes
 * out, 16-byte random salt. They take about a second on a laptop, and a guess costs as much.
 */
export interface KdfParams {
  name: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** base64 */
  salt: string;
}

export const DEFAULT_KDF = { name: 'argon2id', memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

/** The floor below which a stored key ring is refused (a tampered file must not weaken the KDF). */
export const MIN_KDF = { memoryKiB: 64 * 1024, iterations: 3 } as const;

export type Kdf = (passphrase: string, params: KdfParams) => Promise<Uint8Array<ArrayBuffer>>;
