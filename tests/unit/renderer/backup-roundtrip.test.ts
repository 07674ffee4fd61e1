import 'fake-indexeddb/auto';
import '../../support/browser-globals';

import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { IpcCallError } from '../../../renderer/app/ipc';
import { TrellisDatabase } from '../../../renderer/db/database';
import { type BackupContext, checkBackup, type Progress, restoreBackup, writeBackup } from '../../../renderer/features/settings/backup-actions';
import { callerFor } from '../../support/backup-api';
import { createTestMain, type TestMain } from '../../support/main-context';

let main: TestMain;
let ctx: BackupContext;
let name: string;

beforeEach(async () => {
  main = await createTestMain();
  name = `backup-${crypto.randomUUID()}`;
  ctx = { call: callerFor(main), databaseName: name, openWithCode: (n) => new TrellisDatabase(n) };
});
afterEach(async () => main.dispose());

async function dump(db: TrellisDatabase) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

describe('backup and restore', () => {
  it('exports, then restores the old data after changes', async () => {
    const db = new TrellisDatabase(name);
    const repos = createRepositories(db);
    const alex = await repos.people.create({ name: 'Alex Rivera', email: 'alex@example.com' });
    const team = await repos.teams.create('Payments');
    const meeting = await repos.meetings.start({ personId: alex.id, seriesId: null, kind: 'one-on-one', date: '2026-01-10' });
    await repos.meetings.saveNotes(meeting.id, { sharedNotes: 'We talked about growth', privateNotes: 'secret' });
    await repos.actionItems.add(meeting.id, { text: 'Write the RFC', owner: 'them' });
    const before = await dump(db);
    const written = await writeBackup(ctx, { kind: 'export' });
    expect(written).not.toBeNull();
    expect(main.savePaths).toHaveLength(1);
    await repos.people.update(alex.id, { name: 'Changed', email: 'alex@example.com' });
    await repos.teams.remove(team.id);
    await repos.people.create({ name: 'New Person', email: 'new@example.com' });

    main.chooseOpenAnswers.push(main.savePaths[0]!);
    const checked = await checkBackup(ctx, { kind: 'chosen' });
    expect(checked?.summary.database.tables.find((t) => t.name === 'people')?.rows).toBe(1);
    expect(checked?.summary.database.dataRange).toEqual({ from: expect.any(String), to: expect.any(String) });
    const result = await restoreBackup(ctx, checked!);
    expect(result.safetyBackup.file).toMatch(/before-restore/);
    expect(await dump(db)).toEqual(before);
    const backups = await readdir(path.join(main.dataDir, 'backups'));
    expect(backups.filter((n) => n.endsWith('.trellisbackup'))).toHaveLength(1);
    db.close();
  });

  /** Data, a backup of it, then other data: what a restore of that backup replaces. */
  async function backupThenChange() {
    const db = new TrellisDatabase(name);
    const repos = createRepositories(db);
    const alex = await repos.people.create({ name: 'Alex Rivera', email: 'alex@example.com' });
    const meeting = await repos.meetings.start({ personId: alex.id, seriesId: null, kind: 'one-on-one', date: '2026-01-10' });
    await repos.meetings.saveNotes(meeting.id, { sharedNotes: 'In the backup', privateNotes: 'secret' });
    const backedUp = await dump(db);
    await writeBackup(ctx, { kind: 'export' });
    await repos.people.update(alex.id, { name: 'Alex after the backup', email: 'alex@example.com' });
    await repos.people.create({ name: 'Added later', email: 'later@example.com' });
    await repos.meetings.saveNotes(meeting.id, { sharedNotes: 'Typed after the backup', privateNotes: 'newer secret' });
    const current = await dump(db);
    main.chooseOpenAnswers.push(main.savePaths[0]!);
    const checked = await checkBackup(ctx, { kind: 'chosen' });
    return { db, backedUp, current, checked: checked! };
  }

  it('the backup made before a restore holds the data as it was, and restoring it undoes the restore', async () => {
    const { db, backedUp, current, checked } = await backupThenChange();
    const result = await restoreBackup(ctx, checked);
    expect(await dump(db)).toEqual(backedUp);

    const safety = await checkBackup(ctx, { kind: 'automatic', name: result.safetyBackup.file });
    expect(safety?.summary.reason).toBe('before-restore');
    expect(safety?.summary.database.tables.find((t) => t.name === 'people')?.rows).toBe(2);
    await restoreBackup(ctx, safety!);
    expect(await dump(db)).toEqual(current);
    db.close();
  });

  it('the restore commits only once main has saved the backup of the current data', async () => {
    const { db, backedUp, current, checked } = await backupThenChange();
    const call = ctx.call;
    let readDuringFinish: Promise<unknown> | null = null;
    let blocked = false;
    const slowCtx: BackupContext = {
      ...ctx,
      call: (async (channel: string, input?: unknown) => {
        if (channel === 'backup:finish') {
          // Another connection's read waits while the restore's transaction is still open.
          const other = new TrellisDatabase(name);
          readDuringFinish = other.people.orderBy('id').toArray();
          blocked = await Promise.race([readDuringFinish.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 150))]);
          // A slow disk: main takes a while to save the backup.
          await new Promise((r) => setTimeout(r, 100));
        }
        return (call as (c: string, i?: unknown) => Promise<unknown>)(channel, input);
      }) as BackupContext['call'],
    };
    const result = await restoreBackup(slowCtx, checked);
    expect(blocked).toBe(true);
    expect(await readDuringFinish).toEqual(backedUp.people);
    expect(await dump(db)).toEqual(backedUp);
    const safety = await checkBackup(ctx, { kind: 'automatic', name: result.safetyBackup.file });
    expect(safety?.summary.database.tables.find((t) => t.name === 'people')?.rows).toBe(current.people!.length);
    db.close();
  });

  it('a backup of the current data that cannot be saved stops the restore: the data stays as it was', async () => {
    const { db, current, checked } = await backupThenChange();
    const call = ctx.call;
    const fullDisk: BackupContext = {
      ...ctx,
      call: (async (channel: string, input?: unknown) => {
        if (channel === 'backup:finish') throw new IpcCallError('io', 'The disk is full: the backups folder could not be written.');
        return (call as (c: string, i?: unknown) => Promise<unknown>)(channel, input);
      }) as BackupContext['call'],
    };
    await expect(restoreBackup(fullDisk, checked)).rejects.toThrow('The disk is full');
    expect(await dump(db)).toEqual(current);
    // No half file, no safety backup, and the restore was given up in main.
    expect((await readdir(path.join(main.dataDir, 'backups'))).filter((n) => !n.endsWith('.trellisbackup') || n.includes('before-restore'))).toEqual([]);
    expect(await main.dispatch('backup:restore-stage', { restoreId: checked.restoreId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    db.close();
  });

  it('reports progress at most once per percent of each step, in order, and ends restored', async () => {
    const { db, checked } = await backupThenChange();
    const seen: Progress[] = [];
    await restoreBackup(ctx, checked, (p) => seen.push(p));
    expect(seen.at(-1)).toEqual({ label: 'Restored', fraction: 1 });
    const keys = seen.map((p) => `${p.label}|${Math.floor(p.fraction * 100)}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.fraction).toBeGreaterThanOrEqual(seen[i - 1]!.fraction);
    db.close();
  });
});
