import { atRestPolicies, type LockScope } from '../../../shared/evidence/at-rest';
import type { TrellisDatabase } from '../database';
import { durable } from '../durable';
import {
  DecryptError,
  decryptValue,
  deviceKek,
  encryptValue,
  type Envelope,
  fromBase64,
  importDataKey,
  newDataKeyBytes,
  newDeviceSecret,
  newRecoveryKey,
  randomBytes,
  recoveryKek,
  toBase64,
  unwrapDataKey,
  wrapDataKey,
  type Wrapped,
  WrongSecretError,
} from './crypto';
import { DEFAULT_KDF, type Kdf, type KdfParams } from './kdf-params';
import type { LockState } from './middleware';

/**
 * The key ring: one row in the `keyring` table (Dexie version 4), present only while the lock is
 * on. It travels with the data in backups, so a restored database opens with the passphrase it
 * had. It never holds a key in the clear: the data key is stored twice, wrapped by the
 * passphrase's Argon2id key and by the recovery key's HKDF key.
 */
export interface KeyRing {
  id: 'lock';
  format: 1;
  scope: LockScope;
  /** Minutes without input before Trellis locks itself; 0 = never. */
  idleMinutes: number;
  passphrase: Wrapped & { kdf: KdfParams };
  recovery: Wrapped & { salt: string };
  /**
   * "Remember on this device": the data key wrapped a third time, by a random secret that main
   * keeps under the system keychain (never in this database or a backup). `id` names that secret
   * in main's file; a backup restored elsewhere carries this wrapping but not the secret.
   */
  device?: Wrapped & { id: string; salt: string; keychain: string; since: string };
  /** A known text under the data key: an unwrapped key that does not open it is a damaged key ring. */
  dataCheck: Envelope;
  createdAt: string;
  changedAt: string;
}

export const KEYRING_ID = 'lock';
const DATA_CHECK = 'trellis data key check';
const DATA_CHECK_CONTEXT = 'trellis/keyring/data-check';

export const MIN_PASSPHRASE_LENGTH = 8;

export class PassphraseTooShortError extends Error {
  constructor() {
    super(`Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    this.name = 'PassphraseTooShortError';
  }
}

type LockDb = TrellisDatabase;

export interface LockStatus {
  enabled: boolean;
  unlocked: boolean;
  scope: LockScope | null;
  idleMinutes: number;
  /** Which keychain remembers the key on this device, and since when; null when it is not remembered. */
  remembered: { keychain: string; since: string } | null;
}

/** Main's side of "Remember on this device" (the lock IPC domain); injected so the service stays free of IPC. */
export interface DeviceSecretStore {
  remember(id: string, secret: string): Promise<{ keychain: string }>;
  recall(id: string): Promise<{ secret: string | null; reason: string | null }>;
  forget(id: string): Promise<unknown>;
}

/**
 * Everything the lock does to the database: turn it on or off (rewriting the protected fields in
 * one transaction), unlock, change the passphrase (one row written: the data is not touched),
 * recover with the recovery key.
 */
export class LockService {
  constructor(
    private readonly db: LockDb,
    private readonly state: LockState,
    private readonly kdf: Kdf,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async keyRing(): Promise<KeyRing | undefined> {
    return this.db.keyring.get(KEYRING_ID);
  }

  /** Reads the key ring and sets the layer's scope: run once at start, before any screen reads. */
  async load(): Promise<LockStatus> {
    const ring = await this.keyRing();
    this.state.set({ key: this.state.key, scope: ring?.scope ?? null });
    return this.status(ring);
  }

  status(ring: KeyRing | undefined): LockStatus {
    return {
      enabled: !!ring,
      unlocked: !ring || this.state.key !== null,
      scope: ring?.scope ?? null,
      idleMinutes: ring?.idleMinutes ?? 0,
      remembered: ring?.device ? { keychain: ring.device.keychain, since: ring.device.since } : null,
    };
  }

  private async passphraseKek(passphrase: string, kdf: KdfParams) {
    return this.kdf(passphrase, kdf);
  }

  private async checkedKey(raw: Uint8Array<ArrayBuffer>, ring: KeyRing): Promise<CryptoKey> {
    const key = await importDataKey(raw);
    const check = await decryptValue(key, ring.dataCheck, DATA_CHECK_CONTEXT).catch(() => null);
    if (check !== DATA_CHECK) throw new DecryptError('The lock’s key ring is damaged: the key it holds does not match your data.');
    return key;
  }

  /** Unlocks with the passphrase. A wrong one throws WrongSecretError and changes nothing. */
  async unlock(passphrase: string): Promise<void> {
    const ring = await this.requireRing();
    const raw = await unwrapDataKey(await this.passphraseKek(passphrase, ring.passphrase.kdf), ring.passphrase, 'passphrase');
    const key = await this.checkedKey(raw, ring);
    raw.fill(0);
    this.state.set({ key, scope: ring.scope });
  }

  /**
   * "Remember on this device": after checking the passphrase, wraps the data key with a new random
   * secret and hands the secret to main, which keeps it under the system keychain (refusing where
   * that is no protection). The key ring row is written only once main has it; if that write
   * fails main forgets it again. A secret remembered before is replaced.
   */
  async rememberOnDevice(passphrase: string, store: DeviceSecretStore): Promise<void> {
    const ring = await this.requireRing();
    const raw = await unwrapDataKey(await this.passphraseKek(passphrase, ring.passphrase.kdf), ring.passphrase, 'passphrase');
    try {
      await this.checkedKey(raw, ring);
      const secret = newDeviceSecret();
      const salt = randomBytes(16);
      const wrapped = await wrapDataKey(await deviceKek(secret, salt), raw, 'device');
      const id = toBase64(randomBytes(18)).replace(/\+/g, '-').replace(/\//g, '_');
      const { keychain } = await store.remember(id, secret);
      const stamp = this.now().toISOString();
      try {
        await this.db.keyring.put({ ...ring, device: { ...wrapped, id, salt: toBase64(salt), keychain, since: stamp }, changedAt: stamp });
      } catch (error) {
        await store.forget(id).catch(() => {});
        throw error;
      }
      if (ring.device) await store.forget(ring.device.id).catch(() => {});
      this.state.changed();
    } finally {
      raw.fill(0);
    }
  }

  /**
   * Unlocks with the secret main remembered, if it has one for this key ring. Answers whether it
   * did, or why not (no secret kept; the keychain no longer protects it; a secret that does not
   * open this key ring, e.g. after restoring another machine's backup).
   */
  async unlockWithDevice(store: DeviceSecretStore): Promise<{ unlocked: true } | { unlocked: false; reason: string | null }> {
    const ring = await this.requireRing();
    if (!ring.device) return { unlocked: false, reason: null };
    const { secret, reason } = await store.recall(ring.device.id);
    if (!secret) return { unlocked: false, reason };
    let raw: Uint8Array<ArrayBuffer>;
    try {
      raw = await unwrapDataKey(await deviceKek(secret, fromBase64(ring.device.salt)), ring.device, 'device');
    } catch {
      return { unlocked: false, reason: 'The key remembered on this device does not open this data.' };
    }
    try {
      const key = await this.checkedKey(raw, ring);
      this.state.set({ key, scope: ring.scope });
      return { unlocked: true };
    } finally {
      raw.fill(0);
    }
  }

  /** Stops remembering the key: the wrapping leaves the key ring and main deletes the secret. */
  async forgetOnDevice(store: DeviceSecretStore): Promise<void> {
    const ring = await this.requireRing();
    if (!ring.device) return;
    const { device, ...rest } = ring;
    await this.db.keyring.put({ ...rest, changedAt: this.now().toISOString() });
    await store.forget(device.id);
    this.state.changed();
  }

  /** Forgets the key (the app then reloads, so nothing decrypted stays on screen or in memory). */
  lock(): void {
    this.state.set({ key: null, scope: this.state.scope });
  }

  private async wrapPassphrase(raw: Uint8Array<ArrayBuffer>, passphrase: string): Promise<KeyRing['passphrase']> {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new PassphraseTooShortError();
    const kdf: KdfParams = { ...DEFAULT_KDF, salt: toBase64(randomBytes(16)) };
    return { kdf, ...(await wrapDataKey(await this.passphraseKek(passphrase, kdf), raw, 'passphrase')) };
  }

  private async wrapRecovery(raw: Uint8Array<ArrayBuffer>): Promise<{ recovery: KeyRing['recovery']; recoveryKey: string }> {
    const recoveryKey = newRecoveryKey();
    const salt = randomBytes(16);
    return { recoveryKey, recovery: { salt: toBase64(salt), ...(await wrapDataKey(await recoveryKek(recoveryKey, salt), raw, 'recovery')) } };
  }

  /**
   * Turns the lock on: a new data key, wrapped by the passphrase and a new recovery key, and every
   * protected field of every table encrypted, all in ONE transaction (strict durability): if
   * anything fails, the data stays exactly as it was, in the clear, and the lock stays off.
   * Returns the recovery key, to be shown once.
   */
  async enable(passphrase: string, scope: LockScope, idleMinutes: number): Promise<{ recoveryKey: string }> {
    if (await this.keyRing()) throw new Error('The lock is already on.');
    const raw = newDataKeyBytes();
    const stamp = this.now().toISOString();
    const { recovery, recoveryKey } = await this.wrapRecovery(raw);
    const key = await importDataKey(raw);
    const ring: KeyRing = {
      id: KEYRING_ID,
      format: 1,
      scope,
      idleMinutes,
      passphrase: await this.wrapPassphrase(raw, passphrase),
      recovery,
      dataCheck: await encryptValue(key, DATA_CHECK, DATA_CHECK_CONTEXT),
      createdAt: stamp,
      changedAt: stamp,
    };
    raw.fill(0);
    await this.rewrite({ key, scope }, async (db) => {
      await db.keyring.put(ring);
    });
    return { recoveryKey };
  }

  /** Changes which fields are encrypted (private notes only, or all note text): rewrites them, one transaction. */
  async changeScope(scope: LockScope): Promise<void> {
    const ring = await this.requireRing();
    const key = this.requireKey();
    await this.rewrite({ key, scope }, async (db) => {
      await db.keyring.put({ ...ring, scope, changedAt: this.now().toISOString() });
    });
  }

  /** Turns the lock off after checking the passphrase: every field decrypted, the key ring deleted, one transaction. */
  async disable(passphrase: string, store?: DeviceSecretStore): Promise<void> {
    const ring = await this.requireRing();
    const raw = await unwrapDataKey(await this.passphraseKek(passphrase, ring.passphrase.kdf), ring.passphrase, 'passphrase');
    const key = await this.checkedKey(raw, ring);
    raw.fill(0);
    await this.rewrite({ key, scope: null }, async (db) => {
      await db.keyring.delete(KEYRING_ID);
    });
    if (ring.device) await store?.forget(ring.device.id).catch(() => {});
  }

  /**
   * Changes the passphrase: the data key is unwrapped with the current one and wrapped with the
   * new one, and the key ring is written as one row. No record is re-encrypted, so it is instant
   * and a failure leaves the old passphrase working.
   */
  async changePassphrase(current: string, next: string): Promise<void> {
    const ring = await this.requireRing();
    const raw = await unwrapDataKey(await this.passphraseKek(current, ring.passphrase.kdf), ring.passphrase, 'passphrase');
    await this.checkedKey(raw, ring);
    const passphrase = await this.wrapPassphrase(raw, next);
    raw.fill(0);
    await this.db.keyring.put({ ...ring, passphrase, changedAt: this.now().toISOString() });
  }

  /**
   * The forgotten passphrase: the recovery key unwraps the data key, a new passphrase is set and
   * a new recovery key made (the old one is used up). Returns the new recovery key.
   */
  async recover(recoveryKey: string, nextPassphrase: string): Promise<{ recoveryKey: string }> {
    const ring = await this.requireRing();
    let raw: Uint8Array<ArrayBuffer>;
    try {
      raw = await unwrapDataKey(await recoveryKek(recoveryKey, fromBase64(ring.recovery.salt)), ring.recovery, 'recovery');
    } catch (error) {
      if (error instanceof WrongSecretError) throw new WrongRecoveryKeyError();
      throw error;
    }
    const key = await this.checkedKey(raw, ring);
    const passphrase = await this.wrapPassphrase(raw, nextPassphrase);
    const fresh = await this.wrapRecovery(raw);
    raw.fill(0);
    await this.db.keyring.put({ ...ring, passphrase, recovery: fresh.recovery, changedAt: this.now().toISOString() });
    this.state.set({ key, scope: ring.scope });
    return { recoveryKey: fresh.recoveryKey };
  }

  async setIdleMinutes(idleMinutes: number): Promise<void> {
    const ring = await this.requireRing();
    await this.db.keyring.put({ ...ring, idleMinutes });
    this.state.changed();
  }

  private async requireRing(): Promise<KeyRing> {
    const ring = await this.keyRing();
    if (!ring) throw new Error('The lock is off.');
    return ring;
  }

  private requireKey(): CryptoKey {
    if (!this.state.key) throw new Error('Unlock Trellis first.');
    return this.state.key;
  }

  /**
   * Rewrites every protected row of every table under `next` (the encryption layer reads what is
   * stored, whatever it is, and writes under the new scope), plus `also`, in one transaction with
   * strict durability. On failure the layer's state goes back to what it was.
   */
  private async rewrite(next: { key: CryptoKey; scope: LockScope | null }, also: (db: LockDb) => Promise<void>): Promise<void> {
    const before = { key: this.state.key, scope: this.state.scope };
    // The same database through its strict-durability connection (same lock state: same name).
    const db = durable(this.db);
    const tables = db.tables.filter((t) => t.name in atRestPolicies && t.name !== 'keyring');
    this.state.set(next);
    try {
      await db.transaction('rw', [...tables, db.keyring], async () => {
        for (const table of tables) {
          const policy = atRestPolicies[table.name as keyof typeof atRestPolicies];
          if (policy.private.length + policy.noteText.length === 0) continue;
          const keys = await table.toCollection().primaryKeys();
          for (let i = 0; i < keys.length; i += 500) {
            const rows = await table.bulkGet(keys.slice(i, i + 500));
            await table.bulkPut(rows.filter((r) => r !== undefined));
          }
        }
        await also(db);
      });
    } catch (error) {
      this.state.set(before);
      throw error;
    }
    // Listeners read the key ring again now that it is committed (the lock gate's idle timer, the journal).
    this.state.changed();
  }
}

export class WrongRecoveryKeyError extends Error {
  constructor() {
    super('That recovery key is not right.');
    this.name = 'WrongRecoveryKeyError';
  }
}
