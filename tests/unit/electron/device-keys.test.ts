import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createDeviceKeys } from '../../../electron/services/device-keys';
import { AppError } from '../../../shared/ipc/result';
import { createFakeKeychain, type StorageBackend } from '../../support/fake-keychain';
import { call, createTestMain, type TestMain } from '../../support/main-context';

const secret = () => randomBytes(32).toString('base64');
const ID = 'AbCdEfGhIjKlMnOpQrStUvWx';

const dirs: string[] = [];
async function folder() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trellis-device-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('which machines may remember the key', () => {
  const on = (platform: string, backend: StorageBackend = 'gnome_libsecret', available = true) =>
    createDeviceKeys({ keychain: createFakeKeychain({ backend, available }), platform, userDataDir: '/nowhere' }).support();

  it('refuses Linux’s basic_text store and says why', () => {
    const answer = on('linux', 'basic_text');
    expect(answer.available).toBe(false);
    expect(answer.reason).toMatch(/basic_text/);
    expect(answer.reason).toMatch(/fixed password that is the same on every computer/);
  });
  it('refuses a Linux store it does not know, and a keyring that is not running', () => {
    expect(on('linux', 'unknown')).toMatchObject({ available: false, reason: expect.stringMatching(/does not know/) });
    expect(on('linux', 'kwallet5', false)).toMatchObject({ available: false, reason: expect.stringMatching(/KWallet 5 is not available/) });
  });
  it('accepts GNOME Keyring and KWallet on Linux, the Keychain on macOS, DPAPI on Windows', () => {
    expect(on('linux', 'gnome_libsecret')).toEqual({ available: true, reason: null, keychain: 'the GNOME keyring (libsecret)' });
    expect(on('linux', 'kwallet6').keychain).toBe('KWallet 6');
    // On other systems Electron has no backend question to ask.
    expect(on('darwin', 'basic_text').keychain).toBe('the macOS Keychain');
    expect(on('win32').keychain).toMatch(/DPAPI/);
    expect(on('darwin', 'unknown', false).available).toBe(false);
  });
  it('without a keychain at all, nothing is remembered', () => {
    expect(createDeviceKeys({ keychain: null, platform: 'linux', userDataDir: '/nowhere' }).support().available).toBe(false);
  });
});

describe('the device secret on disk', () => {
  it('is kept sealed by the keychain, recalled, and forgotten', async () => {
    const dir = await folder();
    const keychain = createFakeKeychain();
    const keys = createDeviceKeys({ keychain, platform: 'linux', userDataDir: dir });
    const s = secret();
    expect(await keys.remember(ID, s)).toEqual({ keychain: 'the GNOME keyring (libsecret)' });
    const onDisk = await readFile(path.join(dir, 'device-keys.json'), 'utf8');
    expect(onDisk).not.toContain(s);
    expect(onDisk).not.toContain(Buffer.from(s).toString('base64'));
    expect(await keys.recall(ID)).toEqual({ secret: s, reason: null });
    expect(await keys.recall('SomeOtherIdOfSixteen')).toEqual({ secret: null, reason: null });
    expect(await keys.forget(ID)).toEqual({ forgotten: true });
    expect(await keys.recall(ID)).toEqual({ secret: null, reason: null });
    expect(await keys.forget(ID)).toEqual({ forgotten: false });
  });

  it('refuses to remember under basic_text, and writes nothing', async () => {
    const dir = await folder();
    const keys = createDeviceKeys({ keychain: createFakeKeychain({ backend: 'basic_text' }), platform: 'linux', userDataDir: dir });
    await expect(keys.remember(ID, secret())).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/basic_text/) });
    await expect(readFile(path.join(dir, 'device-keys.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('does not hand back a secret once the keychain no longer protects it, or after it was reset', async () => {
    const dir = await folder();
    const keychain = createFakeKeychain();
    const keys = createDeviceKeys({ keychain, platform: 'linux', userDataDir: dir });
    await keys.remember(ID, secret());
    keychain.backend = 'basic_text';
    expect(await keys.recall(ID)).toMatchObject({ secret: null, reason: expect.stringMatching(/basic_text/) });
    keychain.backend = 'kwallet5';
    expect(await keys.recall(ID)).toMatchObject({ secret: null, reason: expect.stringMatching(/remembered with the GNOME keyring/) });
    keychain.backend = 'gnome_libsecret';
    keychain.reset();
    expect(await keys.recall(ID)).toMatchObject({ secret: null, reason: expect.stringMatching(/could not open the remembered key/) });
  });

  it('a damaged file costs only the convenience, and the next save replaces it', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'device-keys.json'), '{"format": 1, "keys": [tru');
    const keys = createDeviceKeys({ keychain: createFakeKeychain(), platform: 'linux', userDataDir: dir });
    expect(await keys.recall(ID)).toEqual({ secret: null, reason: null });
    const s = secret();
    await keys.remember(ID, s);
    expect(await keys.recall(ID)).toEqual({ secret: s, reason: null });
  });

  it('keeps at most 16 secrets, dropping the oldest', async () => {
    const dir = await folder();
    let t = Date.UTC(2026, 0, 1);
    const keys = createDeviceKeys({ keychain: createFakeKeychain(), platform: 'linux', userDataDir: dir, now: () => new Date((t += 1000)) });
    const ids = Array.from({ length: 17 }, (_, i) => `device-key-number-${String(i).padStart(2, '0')}`);
    for (const id of ids) await keys.remember(id, secret());
    expect((await keys.recall(ids[0]!)).secret).toBeNull();
    expect((await keys.recall(ids[16]!)).secret).not.toBeNull();
  });

  it('reports a folder it cannot write to as a plain message', async () => {
    const dir = await folder();
    const keys = createDeviceKeys({ keychain: createFakeKeychain(), platform: 'linux', userDataDir: path.join(dir, 'missing', 'deeper') });
    const failure = await keys.remember(ID, secret()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toMatch(/device-keys\.json/);
  });
});

describe('the lock IPC domain, through the handler table', () => {
  let main: TestMain;
  afterEach(async () => main.dispose());

  it('remembers and recalls; an id that is a path, or a secret that is not 32 bytes, is refused before anything runs', async () => {
    main = await createTestMain();
    expect(await call(main, 'lock:device-support')).toEqual({ ok: true, value: { available: true, reason: null, keychain: 'the GNOME keyring (libsecret)' } });
    const s = secret();
    expect(await call(main, 'lock:remember', { id: ID, secret: s })).toEqual({ ok: true, value: { keychain: 'the GNOME keyring (libsecret)' } });
    expect(await call(main, 'lock:recall', { id: ID })).toEqual({ ok: true, value: { secret: s, reason: null } });
    for (const id of ['../../etc/passwd', 'short', `${'a'.repeat(65)}`]) {
      expect(await main.dispatch('lock:recall', { id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await main.dispatch('lock:remember', { id: ID, secret: 'c2hvcnQ=' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await main.dispatch('lock:remember', { id: ID, secret: s, path: '/tmp/x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    main.keychain.backend = 'basic_text';
    expect(await call(main, 'lock:remember', { id: ID, secret: secret() })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(main, 'lock:forget', { id: ID })).toEqual({ ok: true, value: { forgotten: true } });
  });
});
