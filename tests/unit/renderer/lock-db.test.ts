import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';

import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { durable } from '../../../renderer/db/durable';
import { isEnvelope, WrongSecretError } from '../../../renderer/db/lock/crypto';
import { argon2Kdf } from '../../../renderer/db/lock/kdf';
import { type DeviceSecretStore, LockService, WrongRecoveryKeyError } from '../../../renderer/db/lock/keyring';
import { LockedError } from '../../../renderer/db/lock/middleware';
import type { Meeting } from '../../../shared/domain/meetings';
import { atRestPolicies, encryptedFieldsOf, privacyPolicies } from '../../../shared/evidence';
import { createDatabaseAt } from '../../support/schema-history';

type Fixture = Record<'people' | 'teams' | 'relationships' | 'series' | 'meetings' | 'actionItems' | 'talkingPoints' | 'templates', { id: string }[]>;
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v2-one-team.json', import.meta.url), 'utf8')) as Fixture;
const CANARY = 'CANARY-7f3a';

/** The database as version 3 of Trellis left it (the schema of versions 1–3 exactly as declared), with a canary in every protected field. */
async function createV3Database(name: string) {
  const tables = structuredClone(fixture) as unknown as Record<string, Record<string, unknown>[]>;
  for (const m of tables.meetings!) {
    m.privateNotes = `${String(m.privateNotes)} ${CANARY} private`;
    m.sharedNotes = `${String(m.sharedNotes)} ${CANARY} shared`;
  }
  for (const t of [...tables.actionItems!, ...tables.talkingPoints!]) t.text = `${String(t.text)} ${CANARY}`;
  await createDatabaseAt(name, [1, 2, 3], tables);
  return tables;
}

/** Every row of every table, read straight from IndexedDB (no schema, no middleware), as JSON text. */
async function rawDump(name: string): Promise<string> {
  const raw = new Dexie(name, { addons: [] });
  await raw.open();
  const out: Record<string, unknown[]> = {};
  for (const t of raw.tables) out[t.name] = await t.toArray();
  raw.close();
  return JSON.stringify(out);
}

function setup(name = `lock-${crypto.randomUUID()}`) {
  const db = new TrellisDatabase(name);
  const lock = new LockService(db, db.lock, argon2Kdf);
  return { db, lock, repos: createRepositories(db), name };
}

describe('the passphrase lock on a database from version 3', () => {
  it('encrypts every protected field, reads back the same, and locks, unlocks, re-wraps, recovers and turns off', async () => {
    const name = `lock-v3-${crypto.randomUUID()}`;
    const original = await createV3Database(name);
    expect(await rawDump(name)).toContain(CANARY);
    const { db, lock, repos } = setup(name);
    expect(await lock.load()).toMatchObject({ enabled: false, unlocked: true });
    expect(db.verno).toBeGreaterThanOrEqual(4);

    const { recoveryKey } = await lock.enable('correct horse battery', 'all-text', 15);
    const stored = await rawDump(name);
    expect(stored).not.toContain(CANARY);
    const rawMeeting = JSON.parse(stored).meetings[0] as Record<string, unknown>;
    expect(isEnvelope(rawMeeting.privateNotes) && isEnvelope(rawMeeting.sharedNotes) && isEnvelope(rawMeeting.agenda)).toBe(true);
    // What is not protected stays readable (indexes need it).
    expect(rawMeeting.date).toBe((original.meetings!.find((m) => m.id === rawMeeting.id) as Meeting).date);
    // Through the app, every record is exactly as before.
    expect(await db.meetings.toArray()).toEqual(expect.arrayContaining(original.meetings!.map((m) => expect.objectContaining(m))));
    expect((await db.talkingPoints.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...original.talkingPoints!].sort((a, b) => String(a.id).localeCompare(String(b.id))),
    );

    lock.lock();
    await expect(db.meetings.toArray()).rejects.toThrow(LockedError);
    await expect(db.meetings.put({ ...(original.meetings![0] as Meeting), privateNotes: 'typed while locked' })).rejects.toThrow(LockedError);

    // A wrong passphrase changes nothing.
    await expect(lock.unlock('wrong horse battery')).rejects.toThrow(WrongSecretError);
    expect(await rawDump(name)).toBe(stored);
    await lock.unlock('correct horse battery');
    expect((await repos.meetings.get(original.meetings![0]!.id as string))?.privateNotes).toContain(CANARY);

    // Changing the passphrase rewrites the key ring only: every record stays byte for byte.
    await lock.changePassphrase('correct horse battery', 'new staple passphrase');
    const after = JSON.parse(await rawDump(name)) as Record<string, unknown[]>;
    const before = JSON.parse(stored) as Record<string, unknown[]>;
    for (const table of Object.keys(before)) if (table !== 'keyring') expect(after[table], table).toEqual(before[table]);
    expect(after.keyring).not.toEqual(before.keyring);
    lock.lock();
    await expect(lock.unlock('correct horse battery')).rejects.toThrow(WrongSecretError);

    // Forgotten passphrase: the recovery key opens it and sets a new one; the recovery key is then used up.
    await expect(lock.recover('0000000000000000000000000000000000000000', 'third passphrase')).rejects.toThrow(WrongRecoveryKeyError);
    const next = await lock.recover(recoveryKey.toLowerCase(), 'third passphrase');
    expect(next.recoveryKey).not.toBe(recoveryKey);
    expect((await repos.meetings.get(original.meetings![0]!.id as string))?.privateNotes).toContain(CANARY);
    lock.lock();
    await expect(lock.recover(recoveryKey, 'fourth passphrase')).rejects.toThrow(WrongRecoveryKeyError);
    await lock.unlock('third passphrase');

    // Turning it off decrypts everything again.
    await expect(lock.disable('not it at all')).rejects.toThrow(WrongSecretError);
    await lock.disable('third passphrase');
    expect(await lock.load()).toMatchObject({ enabled: false });
    const plain = JSON.parse(await rawDump(name)) as Record<string, Record<string, unknown>[]>;
    expect(plain.keyring).toEqual([]);
    expect(plain.meetings!.find((m) => m.id === original.meetings![0]!.id)).toEqual(original.meetings![0]);
    db.close();
  });

  it('private notes only: shared notes stay in the clear, private notes never', async () => {
    const name = `lock-private-${crypto.randomUUID()}`;
    await createV3Database(name);
    const { db, lock } = setup(name);
    await lock.enable('correct horse battery', 'private', 0);
    const stored = JSON.parse(await rawDump(name)) as Record<string, Record<string, unknown>[]>;
    for (const m of stored.meetings!) {
      expect(isEnvelope(m.privateNotes)).toBe(true);
      expect(String(m.sharedNotes)).toContain(CANARY);
    }
    expect(JSON.stringify(stored.meetings!.map((m) => m.privateNotes))).not.toContain(CANARY);
    db.close();
  });
});

describe('the lock while the app is used', () => {
  it('autosaves, starts and deletes meetings in read-then-write transactions; nothing typed reaches IndexedDB in the clear', async () => {
    const { db, lock, repos, name } = setup();
    await lock.enable('correct horse battery', 'all-text', 0);
    const alex = await repos.people.create({ name: 'Alex' });
    const first = await repos.meetings.start({ personId: alex.id, seriesId: null, kind: 'one-on-one', date: '2026-03-02' });
    await repos.meetings.addAgendaItem(first.id, `agenda ${CANARY}`, 'me');
    await repos.meetings.saveNotes(first.id, { privateNotes: `private ${CANARY}`, sharedNotes: `shared ${CANARY}` });
    await repos.talkingPoints.queue(alex.id, `queued ${CANARY}`, '2026-03-05');
    // The next meeting carries the unfinished agenda item over and takes the queue, in one transaction.
    const second = await repos.meetings.start({ personId: alex.id, seriesId: null, kind: 'one-on-one', date: '2026-03-09' });
    expect(second.agenda.map((a) => a.text)).toEqual([`agenda ${CANARY}`, `queued ${CANARY}`]);
    expect((await repos.meetings.get(first.id))?.privateNotes).toBe(`private ${CANARY}`);
    expect(await rawDump(name)).not.toContain(CANARY);
    // Cursor reads (filters) are decrypted too.
    expect((await db.meetings.filter((m) => m.privateNotes.includes(CANARY)).toArray()).map((m) => m.id)).toEqual([first.id]);
    await repos.meetings.remove(second.id);
    expect(await db.meetings.count()).toBe(1);
    db.close();
  });

  it('every kind of cursor read (reverse with a limit, each, first, modify, keys) gives plain values with the lock on', async () => {
    const { db, lock, repos, name } = setup();
    await lock.enable('correct horse battery', 'all-text', 0);
    const alex = await repos.people.create({ name: 'Alex' });
    const ids: string[] = [];
    for (const day of ['2026-03-02', '2026-03-09', '2026-03-16']) {
      const m = await repos.meetings.start({ personId: alex.id, seriesId: null, kind: 'one-on-one', date: day });
      await repos.meetings.saveNotes(m.id, { privateNotes: `private ${day} ${CANARY}`, sharedNotes: `shared ${day}` });
      ids.push(m.id);
    }
    expect(await rawDump(name)).not.toContain(CANARY);
    const range = () => db.meetings.where('[personId+date]').between([alex.id, Dexie.minKey], [alex.id, Dexie.maxKey]);
    // A values cursor (IndexedDB's getAll cannot go backwards).
    expect((await range().reverse().limit(2).toArray()).map((m) => m.privateNotes)).toEqual([`private 2026-03-16 ${CANARY}`, `private 2026-03-09 ${CANARY}`]);
    expect(
      (
        await range()
          .reverse()
          .filter((m) => m.privateNotes.includes('03-02'))
          .first()
      )?.id,
    ).toBe(ids[0]);
    const seen: string[] = [];
    await range().each((m) => void seen.push(m.privateNotes));
    expect(seen).toEqual(['2026-03-02', '2026-03-09', '2026-03-16'].map((d) => `private ${d} ${CANARY}`));
    // Read, change and write back in one transaction: decrypted on the way up, encrypted on the way down.
    await range().modify((m) => void (m.privateNotes = `${m.privateNotes} edited`));
    expect((await db.meetings.get(ids[2]!))?.privateNotes).toBe(`private 2026-03-16 ${CANARY} edited`);
    expect(await rawDump(name)).not.toContain(CANARY);
    // Key cursors carry no value: they pass the layer untouched.
    expect(await range().reverse().primaryKeys()).toEqual([...ids].reverse());
    // Locked, a cursor that meets an encrypted row fails as a read does, and changes nothing.
    lock.lock();
    await expect(range().reverse().limit(1).toArray()).rejects.toBeInstanceOf(LockedError);
    db.close();
  });

  it('assessments: private notes always; summary, comments and ratings with all note text', async () => {
    const { db, lock, repos, name } = setup();
    const alex = await repos.people.create({ name: 'Alex' });
    const draft = await repos.assessments.create({
      personId: alex.id,
      kind: 'manager',
      ladder: { ladderId: 'support', version: '1.0.0', hash: 'a'.repeat(64) },
      trackId: 'ic',
      levelId: 'S2',
      period: { from: '2026-07-01', to: '2026-12-31' },
    });
    const rating = {
      ref: { ladderId: 'support', competencyId: 'code', levelId: 'S2', criterionId: 'code-s2-a' },
      value: 'skilled',
      comment: `comment ${CANARY}`,
      evidence: [{ type: 'url' as const, url: 'https://example.com/pr/1', title: `evidence ${CANARY}` }],
    };
    const saved = await repos.assessments.saveDraft(draft.id, { ratings: [rating], summary: `summary ${CANARY}`, privateNotes: `private ${CANARY}` });

    await lock.enable('correct horse battery', 'private', 0);
    let raw = JSON.parse(await rawDump(name)) as Record<string, Record<string, unknown>[]>;
    expect(isEnvelope(raw.assessments![0]!.privateNotes)).toBe(true);
    expect(String(raw.assessments![0]!.summary)).toContain(CANARY);

    await lock.changeScope('all-text');
    const stored = await rawDump(name);
    expect(stored).not.toContain(CANARY);
    raw = JSON.parse(stored) as Record<string, Record<string, unknown>[]>;
    const row = raw.assessments![0]!;
    expect(isEnvelope(row.summary) && isEnvelope(row.ratings) && isEnvelope(row.privateNotes)).toBe(true);
    // Whose, when and against what stays readable: the indexes need it.
    expect(row).toMatchObject({ personId: alex.id, date: '2026-12-31', competencyIds: ['code'], chainId: draft.id });
    expect(await repos.assessments.get(draft.id)).toEqual(saved);
    expect((await repos.assessments.forPerson(alex.id)).map((a) => a.summary)).toEqual([`summary ${CANARY}`]);
    // A finished one reopened as a new revision (read, then written, in one transaction) stays encrypted.
    await repos.assessments.finish(draft.id);
    const next = await repos.assessments.reopen(draft.id);
    expect(next.ratings).toEqual(saved.ratings);
    expect(await rawDump(name)).not.toContain(CANARY);
    db.close();
  });

  it('records of any shape round-trip through the lock (property)', async () => {
    const { db, lock } = setup();
    await lock.enable('correct horse battery', 'all-text', 0);
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.string(),
        fc.array(fc.record({ id: fc.uuid(), text: fc.string({ minLength: 1 }), done: fc.boolean() })),
        async (priv, shared, agenda) => {
          const row = {
            id: crypto.randomUUID(),
            personId: 'p',
            seriesId: null,
            kind: 'one-on-one',
            date: '2026-01-01',
            agenda,
            sharedNotes: shared,
            privateNotes: priv,
            tags: [],
            createdAt: 'x',
            updatedAt: 'x',
          };
          await db.meetings.put(row as unknown as Meeting);
          expect(await db.meetings.get(row.id)).toEqual(row);
        },
      ),
      { numRuns: 60 },
    );
    db.close();
  });

  it('a failure while turning the lock on leaves every row as it was and the lock off', async () => {
    const name = `lock-fail-${crypto.randomUUID()}`;
    await createV3Database(name);
    const { db, lock } = setup(name);
    await db.open();
    const before = await rawDump(name);
    const strict = durable(db);
    const fail = () => {
      throw new Error('disk full');
    };
    strict.talkingPoints.hook('creating', fail);
    strict.talkingPoints.hook('updating', fail);
    await expect(lock.enable('correct horse battery', 'all-text', 0)).rejects.toThrow('disk full');
    expect(await rawDump(name)).toBe(before);
    expect(await lock.load()).toMatchObject({ enabled: false, unlocked: true });
    expect(db.lock.scope).toBeNull();
    db.close();
    strict.close();
  });
});

/** Main's keychain-backed store, as the lock IPC domain offers it: a map, recording calls. */
function deviceStore(options: { refuse?: string } = {}) {
  const kept = new Map<string, string>();
  const calls: string[] = [];
  const store: DeviceSecretStore = {
    remember: async (id, secret) => {
      calls.push('remember');
      if (options.refuse) throw new Error(options.refuse);
      kept.set(id, secret);
      return { keychain: 'the GNOME keyring (libsecret)' };
    },
    recall: async (id) => (calls.push('recall'), { secret: kept.get(id) ?? null, reason: null }),
    forget: async (id) => (calls.push('forget'), kept.delete(id)),
  };
  return { store, kept, calls };
}

describe('remember on this device', () => {
  it('a remembered key opens the data without the passphrase, survives a passphrase change, and is forgotten on request and when the lock goes off', async () => {
    const { db, lock, repos, name } = setup();
    await repos.people.create({ name: 'Alex Rivera' });
    await lock.enable('correct horse battery', 'all-text', 0);
    const device = deviceStore();

    // The passphrase is checked first: a wrong one asks main for nothing and changes nothing.
    const before = await rawDump(name);
    await expect(lock.rememberOnDevice('wrong horse battery', device.store)).rejects.toThrow(WrongSecretError);
    expect(device.calls).toEqual([]);
    expect(await rawDump(name)).toBe(before);

    await lock.rememberOnDevice('correct horse battery', device.store);
    expect(device.kept.size).toBe(1);
    const [secret] = [...device.kept.values()];
    const ring = await lock.keyRing();
    expect(ring?.device).toMatchObject({ id: [...device.kept.keys()][0], keychain: 'the GNOME keyring (libsecret)' });
    // The database (and so every backup) holds the wrapping, never the secret.
    expect(await rawDump(name)).not.toContain(secret!);
    expect((await lock.load()).remembered).toMatchObject({ keychain: 'the GNOME keyring (libsecret)' });

    lock.lock();
    expect(await lock.unlockWithDevice(device.store)).toEqual({ unlocked: true });
    expect(await repos.people.list()).toEqual([expect.objectContaining({ name: 'Alex Rivera' })]);

    // Remembering again replaces the secret: the old one is forgotten in main.
    await lock.rememberOnDevice('correct horse battery', device.store);
    expect(device.kept.size).toBe(1);
    expect([...device.kept.values()][0]).not.toBe(secret);

    await lock.changePassphrase('correct horse battery', 'new staple passphrase');
    lock.lock();
    expect(await lock.unlockWithDevice(device.store)).toEqual({ unlocked: true });

    await lock.forgetOnDevice(device.store);
    expect(device.kept.size).toBe(0);
    expect((await lock.keyRing())?.device).toBeUndefined();
    lock.lock();
    expect(await lock.unlockWithDevice(device.store)).toEqual({ unlocked: false, reason: null });
    await lock.unlock('new staple passphrase');

    await lock.rememberOnDevice('new staple passphrase', device.store);
    await lock.disable('new staple passphrase', device.store);
    expect(device.kept.size).toBe(0);
    db.close();
  });

  it('a secret that does not open this key ring (another machine’s, or damaged) leaves it locked and says so; main refusing writes nothing', async () => {
    const { db, lock, name } = setup();
    await lock.enable('correct horse battery', 'private', 0);
    const device = deviceStore();
    await lock.rememberOnDevice('correct horse battery', device.store);
    const [id] = [...device.kept.keys()];
    device.kept.set(id!, Buffer.alloc(32, 1).toString('base64'));
    lock.lock();
    expect(await lock.unlockWithDevice(device.store)).toEqual({ unlocked: false, reason: 'The key remembered on this device does not open this data.' });
    expect(db.lock.key).toBeNull();

    await lock.unlock('correct horse battery');
    await lock.forgetOnDevice(device.store);
    const before = await rawDump(name);
    await expect(lock.rememberOnDevice('correct horse battery', deviceStore({ refuse: 'basic_text is no protection' }).store)).rejects.toThrow(/basic_text/);
    expect(await rawDump(name)).toBe(before);
    db.close();
  });
});

describe('the per-table policy', () => {
  it('every table says which fields the lock encrypts; none of them is indexed or the key', () => {
    const db = new TrellisDatabase(`policy-${crypto.randomUUID()}`);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(atRestPolicies).sort());
    expect(Object.keys(atRestPolicies).sort()).toEqual(Object.keys(privacyPolicies).sort());
    for (const table of db.tables) {
      const indexed = [table.schema.primKey, ...table.schema.indexes].flatMap((i) => (Array.isArray(i.keyPath) ? i.keyPath : [i.keyPath ?? '']));
      for (const field of encryptedFieldsOf(table.name, 'all-text')) expect(indexed, `${table.name}.${field}`).not.toContain(field);
    }
    // Every private field of the export policy is encrypted whenever the lock is on.
    for (const [table, p] of Object.entries(privacyPolicies)) for (const f of p.privateFields) expect(encryptedFieldsOf(table, 'private')).toContain(f);
  });
});
