import { type ExchangeEnvelope, type ExchangeSignature, sha256Hex, signedPart } from '../evidence/exchange';

/**
 * Ed25519 signatures through WebCrypto, which Chromium (137+, so Electron 45's) and Node 20 both
 * have: no library needed. The private key is kept as PKCS#8 (base64) in the local data; the
 * public key travels inside every signed file, with its sha256 fingerprint for people to compare.
 */
export interface SigningKeyPair {
  /** base64 of the raw 32-byte public key. */
  publicKey: string;
  /** base64 of the PKCS#8 private key: never leaves the machine (privacy policy `signingKeys`). */
  privateKey: string;
  fingerprint: string;
}

const subtle = () => globalThis.crypto.subtle;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** sha256 of the raw public key, in hex. */
export async function fingerprintOf(publicKeyBase64: string): Promise<string> {
  return hex(await subtle().digest('SHA-256', fromBase64(publicKeyBase64)));
}

export async function generateSigningKey(): Promise<SigningKeyPair> {
  const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = toBase64(new Uint8Array(await subtle().exportKey('raw', pair.publicKey)));
  const privateKey = toBase64(new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey)));
  return { publicKey, privateKey, fingerprint: await fingerprintOf(publicKey) };
}

/** Signs the same canonical bytes the sha256 covers. */
export async function signEnvelope(envelope: ExchangeEnvelope, key: Pick<SigningKeyPair, 'publicKey' | 'privateKey'>): Promise<ExchangeEnvelope> {
  const privateKey = await subtle().importKey('pkcs8', fromBase64(key.privateKey), { name: 'Ed25519' }, false, ['sign']);
  const bytes = new TextEncoder().encode(signedPart(envelope));
  const value = toBase64(new Uint8Array(await subtle().sign({ name: 'Ed25519' }, privateKey, bytes)));
  const signature: ExchangeSignature = { algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: await fingerprintOf(key.publicKey), value };
  return { ...envelope, signature };
}

export type SignatureCheck = { status: 'unsigned' } | { status: 'valid'; fingerprint: string } | { status: 'invalid'; message: string };

/** Checks a file's signature against the public key it carries (who that key belongs to is the reader's question). */
export async function checkSignature(envelope: ExchangeEnvelope): Promise<SignatureCheck> {
  const sig = envelope.signature;
  if (!sig) return { status: 'unsigned' };
  try {
    if ((await fingerprintOf(sig.publicKey)) !== sig.fingerprint)
      return { status: 'invalid', message: 'The fingerprint does not belong to the public key in the file.' };
    const key = await subtle().importKey('raw', fromBase64(sig.publicKey), { name: 'Ed25519' }, false, ['verify']);
    const ok = await subtle().verify({ name: 'Ed25519' }, key, fromBase64(sig.value), new TextEncoder().encode(signedPart(envelope)));
    return ok
      ? { status: 'valid', fingerprint: sig.fingerprint }
      : { status: 'invalid', message: 'The signature does not match the content: the file was changed after it was signed.' };
  } catch {
    return { status: 'invalid', message: 'The signature or its public key is malformed.' };
  }
}

/** A fingerprint as people compare it: groups of four, first 32 hex digits. */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 32).match(/.{4}/g) ?? []).join(' ');
}

export { sha256Hex };

/** The stored signing key (Dexie `signingKeys`, one row `id: 'packets'`). */
export interface SigningKeyRow extends SigningKeyPair {
  id: string;
  createdAt: string;
}
