/**
 * The passphrase lock's cryptography, all WebCrypto: AES-256-GCM for records and for wrapping the
 * data key, SHA-256 for the key-check value, HKDF for the recovery key. No key or passphrase is
 * ever stored or logged; the working data key is a non-extractable CryptoKey held in memory.
 */

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What an encrypted field holds instead of its value. */
export interface Envelope {
  /** Marks the object as ours, with the format version. */
  $lock: 1;
  /** 12-byte IV, base64: fresh for every encryption. */
  iv: string;
  /** AES-GCM ciphertext with its 16-byte tag, base64. */
  ct: string;
}

export function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && (value as { $lock?: unknown }).$lock === 1 && typeof (value as Envelope).iv === 'string';
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** A ciphertext that does not decrypt: tampered, cut, or under another key. */
export class DecryptError extends Error {
  constructor(message = 'This encrypted text is damaged or belongs to another key.') {
    super(message);
    this.name = 'DecryptError';
  }
}

const aes = (iv: Uint8Array<ArrayBuffer>, context: string): AesGcmParams => ({ name: 'AES-GCM', iv, additionalData: encoder.encode(context), tagLength: 128 });

/**
 * Encrypts any JSON value. `context` (table, field, record key) is authenticated with it, so a
 * ciphertext moved to another record or field is refused rather than shown in the wrong place.
 */
export async function encryptValue(key: CryptoKey, value: unknown, context: string): Promise<Envelope> {
  const iv = randomBytes(12);
  const ct = new Uint8Array(await subtle().encrypt(aes(iv, context), key, encoder.encode(JSON.stringify(value))));
  return { $lock: 1, iv: toBase64(iv), ct: toBase64(ct) };
}

export async function decryptValue(key: CryptoKey, envelope: Envelope, context: string): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(aes(fromBase64(envelope.iv), context), key, fromBase64(envelope.ct));
  } catch {
    throw new DecryptError();
  }
  return JSON.parse(decoder.decode(plain)) as unknown;
}

/** A fresh random 256-bit data key, as raw bytes (only while it is being wrapped). */
export function newDataKeyBytes(): Uint8Array<ArrayBuffer> {
  return randomBytes(32);
}

/** The working key: AES-256-GCM, not extractable, for records only. */
export function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A key-encryption key (from the passphrase or the recovery key): raw bytes and what it stores. */
export interface Wrapped {
  /** First 16 bytes of SHA-256("trellis key check" ‖ KEK), base64: tells a wrong secret from damage. */
  check: string;
  /** The data key encrypted under the KEK (AES-256-GCM). */
  key: Envelope;
}

async function keyCheck(kek: Uint8Array<ArrayBuffer>): Promise<string> {
  const label = encoder.encode('trellis key check');
  const both = new Uint8Array(label.length + kek.length);
  both.set(label);
  both.set(kek, label.length);
  return toBase64(new Uint8Array(await subtle().digest('SHA-256', both)).subarray(0, 16));
}

const kekKey = (kek: Uint8Array<ArrayBuffer>) => subtle().importKey('raw', kek, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

export async function wrapDataKey(kek: Uint8Array<ArrayBuffer>, dataKey: Uint8Array<ArrayBuffer>, label: string): Promise<Wrapped> {
  if (kek.length !== 32) throw new Error('A key-encryption key has 32 bytes.');
  return { check: await keyCheck(kek), key: await encryptValue(await kekKey(kek), toBase64(dataKey), `trellis/keyring/${label}`) };
}

/** The wrong secret: nothing is changed. */
export class WrongSecretError extends Error {
  constructor() {
    super('That passphrase is not right.');
    this.name = 'WrongSecretError';
  }
}

/** The raw data key, or WrongSecretError when the KEK does not match its check value, or DecryptError when it matches but the key ring is damaged. */
export async function unwrapDataKey(kek: Uint8Array<ArrayBuffer>, wrapped: Wrapped, label: string): Promise<Uint8Array<ArrayBuffer>> {
  if ((await keyCheck(kek)) !== wrapped.check) throw new WrongSecretError();
  const raw = await decryptValue(await kekKey(kek), wrapped.key, `trellis/keyring/${label}`);
  if (typeof raw !== 'string') throw new DecryptError('The key ring is damaged.');
  const bytes = fromBase64(raw);
  if (bytes.length !== 32) throw new DecryptError('The key ring is damaged.');
  return bytes;
}

/**
 * Recovery keys: 200 random bits, shown as 8 groups of 5 letters and digits (Crockford base32,
 * no I, L, O or U), e.g. `7HQ2X-…`. High entropy, so HKDF (no slow KDF) turns one into a KEK.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryKey(): string {
  const chars = [...randomBytes(40)].map((b) => alphabet[b & 31]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** The canonical form of what the user typed: case, spaces and dashes do not matter; O→0, I/L→1. */
export function normalizeRecoveryKey(text: string): string | null {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== 40 || [...cleaned].some((c) => !alphabet.includes(c))) return null;
  return cleaned.match(/.{5}/g)!.join('-');
}

export async function recoveryKek(recoveryKey: string, salt: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const normalized = normalizeRecoveryKey(recoveryKey);
  if (!normalized) throw new WrongSecretError();
  const base = await subtle().importKey('raw', encoder.encode(normalized), 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode('trellis recovery key') }, base, 256);
  return new Uint8Array(bits);
}

/**
 * "Remember on this device": 256 random bits that main keeps under the system keychain. Like the
 * recovery key it is high-entropy, so HKDF (with its own label) turns it into a KEK.
 */
export function newDeviceSecret(): string {
  return toBase64(randomBytes(32));
}

export async function deviceKek(secret: string, salt: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = fromBase64(secret);
  if (bytes.length !== 32) throw new WrongSecretError();
  const base = await subtle().importKey('raw', bytes, 'HKDF', false, ['deriveBits']);
  bytes.fill(0);
  const bits = await subtle().deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode('trellis device key') }, base, 256);
  return new Uint8Array(bits);
}
