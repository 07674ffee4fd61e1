import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  DecryptError,
  decryptValue,
  encryptValue,
  fromBase64,
  importDataKey,
  newDataKeyBytes,
  newRecoveryKey,
  normalizeRecoveryKey,
  randomBytes,
  recoveryKek,
  toBase64,
  unwrapDataKey,
  wrapDataKey,
  WrongSecretError,
} from '../../../renderer/db/lock/crypto';
import { argon2Kdf, DEFAULT_KDF } from '../../../renderer/db/lock/kdf';

const params = () => ({ ...DEFAULT_KDF, salt: toBase64(randomBytes(16)) });

describe('record encryption (AES-256-GCM)', () => {
  it('round-trips any JSON value of a record, with a fresh IV each time', async () => {
    const key = await importDataKey(newDataKeyBytes());
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.string(), async (value, context) => {
        const a = await encryptValue(key, value, context);
        const b = await encryptValue(key, value, context);
        expect(a.iv).not.toBe(b.iv);
        expect(fromBase64(a.iv)).toHaveLength(12);
        // JSON drops -0's sign; everything else comes back as it went in.
        expect(await decryptValue(key, a, context)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });

  it('never stores the text in the clear', async () => {
    const key = await importDataKey(newDataKeyBytes());
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 12 }), async (text) => {
        const envelope = await encryptValue(key, `CANARY ${text}`, 'meetings/privateNotes/1');
        expect(JSON.stringify(envelope)).not.toContain('CANARY');
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a tampered ciphertext, IV or context, and another key', async () => {
    const key = await importDataKey(newDataKeyBytes());
    const envelope = await encryptValue(key, 'my private note', 'trellis/meetings/privateNotes/"m1"');
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const bytes = fromBase64(envelope.ct);
        bytes[at % bytes.length]! ^= flip;
        await expect(decryptValue(key, { ...envelope, ct: toBase64(bytes) }, 'trellis/meetings/privateNotes/"m1"')).rejects.toThrow(DecryptError);
      }),
      { numRuns: 50 },
    );
    const iv = fromBase64(envelope.iv);
    iv[0]! ^= 1;
    await expect(decryptValue(key, { ...envelope, iv: toBase64(iv) }, 'trellis/meetings/privateNotes/"m1"')).rejects.toThrow(DecryptError);
    // Moved to another record: refused, never shown there.
    await expect(decryptValue(key, envelope, 'trellis/meetings/privateNotes/"m2"')).rejects.toThrow(DecryptError);
    const other = await importDataKey(newDataKeyBytes());
    await expect(decryptValue(other, envelope, 'trellis/meetings/privateNotes/"m1"')).rejects.toThrow(DecryptError);
    // Cut short.
    await expect(decryptValue(key, { ...envelope, ct: envelope.ct.slice(0, 8) }, 'trellis/meetings/privateNotes/"m1"')).rejects.toThrow(DecryptError);
  });
});

describe('wrapping the data key', () => {
  it('Argon2id: the same passphrase and salt give the same key, another passphrase or salt another', async () => {
    const p = params();
    const a = await argon2Kdf('correct horse battery', p);
    expect(a).toHaveLength(32);
    expect(await argon2Kdf('correct horse battery', p)).toEqual(a);
    expect(await argon2Kdf('correct horse batterY', p)).not.toEqual(a);
    expect(await argon2Kdf('correct horse battery', params())).not.toEqual(a);
  });

  it('refuses key derivation weaker than 64 MiB and 3 passes (a tampered key ring)', async () => {
    await expect(argon2Kdf('pw', { ...params(), memoryKiB: 1024 })).rejects.toThrow(/weaker/);
    await expect(argon2Kdf('pw', { ...params(), iterations: 1 })).rejects.toThrow(/weaker/);
  });

  it('round-trips; a wrong passphrase is told apart from a damaged key ring', async () => {
    const raw = newDataKeyBytes();
    const p = params();
    const wrapped = await wrapDataKey(await argon2Kdf('correct horse battery', p), raw, 'passphrase');
    expect(JSON.stringify(wrapped)).not.toContain(toBase64(raw));
    expect(await unwrapDataKey(await argon2Kdf('correct horse battery', p), wrapped, 'passphrase')).toEqual(raw);
    await expect(unwrapDataKey(await argon2Kdf('wrong horse battery', p), wrapped, 'passphrase')).rejects.toThrow(WrongSecretError);
    const damaged = fromBase64(wrapped.key.ct);
    damaged[3]! ^= 0x40;
    await expect(
      unwrapDataKey(await argon2Kdf('correct horse battery', p), { ...wrapped, key: { ...wrapped.key, ct: toBase64(damaged) } }, 'passphrase'),
    ).rejects.toThrow(DecryptError);
  });

  it('re-wrapping under a new passphrase keeps the same data key, so records still open', async () => {
    const raw = newDataKeyBytes();
    const key = await importDataKey(raw);
    const record = await encryptValue(key, { note: 'kept' }, 'ctx');
    const first = await wrapDataKey(await argon2Kdf('first passphrase', params()), raw, 'passphrase');
    const p2 = params();
    const second = await wrapDataKey(await argon2Kdf('second passphrase', p2), raw, 'passphrase');
    expect(second.key.ct).not.toBe(first.key.ct);
    const again = await importDataKey(await unwrapDataKey(await argon2Kdf('second passphrase', p2), second, 'passphrase'));
    expect(await decryptValue(again, record, 'ctx')).toEqual({ note: 'kept' });
  });

  it('recovery keys: 40 characters in 8 groups, typed loosely, unwrap the same key', async () => {
    const recovery = newRecoveryKey();
    expect(recovery).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(normalizeRecoveryKey(recovery.toLowerCase().replace(/-/g, ' '))).toBe(recovery);
    expect(normalizeRecoveryKey('too short')).toBeNull();
    const salt = randomBytes(16);
    const raw = newDataKeyBytes();
    const wrapped = await wrapDataKey(await recoveryKek(recovery, salt), raw, 'recovery');
    expect(await unwrapDataKey(await recoveryKek(` ${recovery.toLowerCase()} `, salt), wrapped, 'recovery')).toEqual(raw);
    await expect(unwrapDataKey(await recoveryKek(newRecoveryKey(), salt), wrapped, 'recovery')).rejects.toThrow(WrongSecretError);
  });
});
