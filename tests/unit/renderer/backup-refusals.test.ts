import 'fake-indexeddb/auto';
import '../../support/browser-globals';

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { type BackupContext, checkBackup, writeBackup } from '../../../renderer/features/settings/backup-actions';
import { callerFor } from '../../support/backup-api';
import { writeArchive } from '../../support/backup-files';
import { createTestMain, type TestMain } from '../../support/main-context';

let main: TestMain;
let ctx: BackupContext;
let good: Buffer;
let files: Record<string, Uint8Array>;

beforeAll(async () => {
  main = await createTestMain();
  const name = `refusals-${crypto.randomUUID()}`;
  ctx = { call: callerFor(main), databaseName: name, openWithCode: (n) => new TrellisDatabase(n) };
  const db = new TrellisDatabase(name);
  await createRepositories(db).people.create({ name: 'Alex Rivera', email: 'alex@example.com' });
  db.close();
  await writeBackup(ctx, { kind: 'export' });
  good = await readFile(main.savePaths[0]!);
  const { unzipSync } = await import('fflate');
  files = unzipSync(good);
});
afterAll(async () => main.dispose());

async function refusal(data: Uint8Array | string, name = `case-${crypto.randomUUID()}.trellisbackup`): Promise<string> {
  const file = path.join(main.exportDir, name);
  await writeFile(file, data);
  main.chooseOpenAnswers.push(file);
  try {
    await checkBackup(ctx, { kind: 'chosen' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the backup was accepted');
}

const manifest = () => JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown> & { parts: { path: string; sha256: string }[] };
const rebuild = (parts: Record<string, string | Uint8Array>) => writeArchive(path.join(main.dataDir, 'crafted'), `${crypto.randomUUID()}.trellisbackup`, parts);

describe('backups Trellis refuses, with the reason', () => {
  it('accepts the good file', async () => {
    main.chooseOpenAnswers.push(main.savePaths[0]!);
    expect((await checkBackup(ctx, { kind: 'chosen' }))?.summary.database.tables.find((t) => t.name === 'people')?.rows).toBe(1);
  });

  it('foreign files: empty, random bytes, JSON, another zip', async () => {
    expect(await refusal('')).toMatch(/empty/);
    expect(await refusal(new Uint8Array(2000).map((_, i) => (i * 7919) % 251))).toMatch(/not a Trellis backup/);
    expect(await refusal('{"formatName":"dexie"}')).toMatch(/JSON file, not a Trellis backup/);
    expect(await refusal(zipSync({ 'notes.txt': new TextEncoder().encode('hello') }))).toMatch(/zip archive, but not a Trellis backup/);
    expect(await rebuildRefusal({ 'notes.txt': 'hello' })).toMatch(/not a Trellis backup: it has no manifest/);
  });

  it('truncated files', async () => {
    expect(await refusal(good.subarray(0, good.length - 10))).toMatch(/incomplete/);
    expect(await refusal(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/incomplete/);
    expect(await refusal(good.subarray(0, 100))).toMatch(/incomplete/);
  });

  it('corrupt files', async () => {
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 3)]! ^= 0x20;
    expect(await refusal(flipped)).toMatch(/damaged/);
  });

  it('a part that does not match its checksum, a missing part, an unlisted file, an unsafe path', async () => {
    const m = manifest();
    const wrongHash = { ...m, parts: m.parts.map((p) => (p.path === 'database.json' ? { ...p, sha256: createHash('sha256').update('x').digest('hex') } : p)) };
    expect(await rebuildRefusal({ ...files, 'manifest.json': JSON.stringify(wrongHash) })).toMatch(/database\.json does not match its checksum/);
    const { 'database.json': _db, ...withoutDb } = files;
    expect(await rebuildRefusal(withoutDb)).toMatch(/database\.json is missing/);
    expect(await rebuildRefusal({ ...files, 'extra.bin': 'x' })).toMatch(/does not list/);
    const evil = {
      ...m,
      parts: [...m.parts, { path: 'ladders/../../evil.yaml', kind: 'ladder', bytes: 1, sha256: createHash('sha256').update('x').digest('hex') }],
    };
    expect(await rebuildRefusal({ ...files, 'manifest.json': JSON.stringify(evil), 'ladders/../../evil.yaml': 'x' })).toMatch(/unsafe name/);
  });

  it('files from a newer Trellis', async () => {
    const m = manifest();
    const newerFormat = { ...m, formatVersion: 2, app: { name: 'Trellis', version: '9.0.0', platform: 'linux' } };
    expect(await rebuildRefusal({ ...files, 'manifest.json': JSON.stringify(newerFormat) })).toMatch(/made by a newer Trellis \(9\.0\.0\)\. Update Trellis/);
    const newerData = { ...m, app: { name: 'Trellis', version: '3.1.0', platform: 'linux' }, database: { ...(m.database as object), version: 99 } };
    expect(await rebuildRefusal({ ...files, 'manifest.json': JSON.stringify(newerData) })).toMatch(/newer Trellis \(3\.1\.0\).*format 99/);
  });

  it('a manifest that does not match the data inside', async () => {
    const m = manifest() as { database: { tables: { name: string; rows: number }[] } } & ReturnType<typeof manifest>;
    const lying = { ...m, database: { ...m.database, tables: m.database.tables.map((t) => (t.name === 'people' ? { ...t, rows: 5 } : t)) } };
    expect(await rebuildRefusal({ ...files, 'manifest.json': JSON.stringify(lying) })).toMatch(/table people does not match its manifest/);
  });

  it('reads only what main offers: a name outside its own backups folder is refused', async () => {
    const answer = await main.dispatch('backup:inspect', { name: '../exports/x.trellisbackup', databaseVersion: 2, databaseName: 'trellis' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const path = await main.dispatch('backup:inspect', { name: main.savePaths[0], databaseVersion: 2, databaseName: 'trellis' });
    expect(path).toMatchObject({ ok: false });
  });

  it('nothing is written while refusing', async () => {
    expect((await readdir(main.laddersDir).catch(() => [])).filter((n) => n.includes('restore'))).toEqual([]);
    expect(await readdir(path.join(main.dataDir, 'backups')).catch(() => [])).toEqual([]);
  });
});

async function rebuildRefusal(parts: Record<string, string | Uint8Array>) {
  const file = await rebuild(parts);
  return refusal(await readFile(file));
}
