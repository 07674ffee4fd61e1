import 'fake-indexeddb/auto';
import '../../support/browser-globals';

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { backupsToRemove } from '../../../electron/services/backup/rotation';
import { chunkText } from '../../../electron/services/backup/service';
import { TrellisDatabase } from '../../../renderer/db/database';
import { type BackupContext, cancelRestore, checkBackup, restoreBackup, writeBackup } from '../../../renderer/features/settings/backup-actions';
import { backupBeforeUpgrade } from '../../../renderer/features/settings/backup-schedule';
import { automaticBackupName, type BackupEntry, parseAutomaticBackupName } from '../../../shared/backup';
import { callerFor } from '../../support/backup-api';
import { createTestMain, type TestMain } from '../../support/main-context';

describe('rotation', () => {
  const entry = (iso: string, reason: BackupEntry['reason'] = 'daily'): BackupEntry => ({
    name: automaticBackupName(new Date(iso), reason),
    createdAt: new Date(iso).toISOString(),
    reason,
    bytes: 1,
  });
  const policy = { keepDaily: 7, keepWeekly: 4, keepSafety: 5 };

  it('keeps the newest of each of the last 7 days and of the last 4 weeks', () => {
    // Two backups a day at noon and 13:00 local time for 60 days.
    const entries: BackupEntry[] = [];
    for (let d = 0; d < 60; d++) {
      entries.push(entry(new Date(2026, 0, 1 + d, 12).toISOString()), entry(new Date(2026, 0, 1 + d, 13).toISOString()));
    }
    const removed = new Set(backupsToRemove(entries, policy));
    const kept = entries.filter((e) => !removed.has(e.name)).map((e) => new Date(e.createdAt));
    const days = kept.map((d) => `${d.getMonth() + 1}/${d.getDate()} ${d.getHours()}`);
    // Last 7 days (1 Mar back to 23 Feb), newest each; plus the newest of 3 earlier weeks (Sundays).
    expect(days).toEqual(expect.arrayContaining(['3/1 13', '2/28 13', '2/27 13', '2/26 13', '2/25 13', '2/24 13', '2/23 13']));
    expect(kept).toHaveLength(7 + 3);
    expect(kept.every((d) => d.getHours() === 13)).toBe(true);
  });

  it('always keeps the newest safety backups and the newest backup of all', () => {
    const safety = Array.from({ length: 8 }, (_, i) => entry(new Date(2025, 0, 1 + i).toISOString(), 'before-restore'));
    const removed = backupsToRemove([...safety, entry(new Date(2026, 5, 1).toISOString())], { keepDaily: 1, keepWeekly: 0, keepSafety: 5 });
    expect(removed).toEqual(
      safety
        .slice(0, 3)
        .map((e) => e.name)
        .reverse(),
    );
    expect(backupsToRemove([entry('2026-01-01T00:00:00Z')], { keepDaily: 1, keepWeekly: 0, keepSafety: 0 })).toEqual([]);
  });

  it('names carry date and reason, and other files are not backups', () => {
    const name = automaticBackupName(new Date('2026-01-31T10:22:03.120Z'), 'before-upgrade');
    expect(name).toBe('trellis-2026-01-31T10-22-03-120Z-before-upgrade.trellisbackup');
    expect(parseAutomaticBackupName(name)).toEqual({ createdAt: '2026-01-31T10:22:03.120Z', reason: 'before-upgrade' });
    expect(parseAutomaticBackupName('notes.trellisbackup')).toBeNull();
    expect(parseAutomaticBackupName(`../${name}`)).toBeNull();
  });

  it('chunks never split a surrogate pair', () => {
    const text = 'a😀b😀😀c';
    for (let size = 1; size < 6; size++) {
      const chunks = chunkText(text, Math.max(2, size));
      expect(chunks.join('')).toBe(text);
      for (const c of chunks) expect(c).toBe(new TextDecoder().decode(new TextEncoder().encode(c)));
    }
  });
});

describe('backup service through IPC', () => {
  let main: TestMain;
  let ctx: BackupContext;
  beforeEach(async () => {
    main = await createTestMain();
    const name = `service-${crypto.randomUUID()}`;
    ctx = { call: callerFor(main), databaseName: name, openWithCode: (n) => new TrellisDatabase(n) };
    await new TrellisDatabase(name).open().then((d) => d.close());
  });
  afterEach(async () => main.dispose());

  it('a daily backup is made once a day, atomically, into the backups folder', async () => {
    const first = await writeBackup(ctx, { kind: 'automatic', reason: 'daily' });
    expect(first?.file).toMatch(/^trellis-.*-daily\.trellisbackup$/);
    expect(await writeBackup(ctx, { kind: 'automatic', reason: 'daily' })).toBeNull();
    const names = await readdir(path.join(main.dataDir, 'backups'));
    expect(names).toEqual([first!.file]);
    const status = await main.dispatch('backup:status', undefined);
    expect(status).toMatchObject({ ok: true, value: { dailyDue: false, keepDaily: 7, keepWeekly: 4, automatic: [{ name: first!.file, reason: 'daily' }] } });
  });

  it('the daily backup waits while a restore is pending, and is made once it was cancelled', async () => {
    await writeBackup(ctx, { kind: 'export' });
    main.chooseOpenAnswers.push(main.savePaths[0]!);
    const checked = await checkBackup(ctx, { kind: 'chosen' });
    // The restore waits for the user's answer: no daily backup beside it.
    expect(await writeBackup(ctx, { kind: 'automatic', reason: 'daily' })).toBeNull();
    expect(await readdir(path.join(main.dataDir, 'backups')).catch(() => [])).toEqual([]);
    await cancelRestore(ctx, checked!.restoreId);
    const daily = await writeBackup(ctx, { kind: 'automatic', reason: 'daily' });
    expect(daily?.file).toMatch(/-daily\.trellisbackup$/);
  });

  it('the daily backup waits while another backup is being written, and is made once that ended', async () => {
    const begun = await main.dispatch('backup:begin', { kind: 'automatic', reason: 'before-upgrade' });
    const sessionId = (begun as { value: { sessionId: string } }).value.sessionId;
    expect(await writeBackup(ctx, { kind: 'automatic', reason: 'daily' })).toBeNull();
    await main.dispatch('backup:cancel', { sessionId });
    expect((await writeBackup(ctx, { kind: 'automatic', reason: 'daily' }))?.file).toMatch(/-daily\.trellisbackup$/);
  });

  it('a cancelled backup leaves no file, not even a temp file', async () => {
    const begun = await main.dispatch('backup:begin', { kind: 'automatic', reason: 'before-upgrade' });
    const sessionId = (begun as { value: { sessionId: string } }).value.sessionId;
    await main.dispatch('backup:append', { sessionId, chunk: '{"formatName":"dexie"' });
    expect((await readdir(path.join(main.dataDir, 'backups'))).some((n) => n.endsWith('.tmp'))).toBe(true);
    await main.dispatch('backup:cancel', { sessionId });
    expect(await readdir(path.join(main.dataDir, 'backups'))).toEqual([]);
  });

  it('restores ladders without overwriting: new files added, changed ones kept apart; settings except the folder', async () => {
    await mkdir(path.join(main.laddersDir, 'parts'), { recursive: true });
    await writeFile(path.join(main.laddersDir, 'team.yaml'), 'id: team\n');
    await writeFile(path.join(main.laddersDir, 'parts', 'scales.yaml'), 'scales: []\n');
    await writeFile(path.join(main.laddersDir, 'same.yaml'), 'same\n');
    await main.dispatch('settings:set', { theme: 'dark', backupKeepDaily: 10 });
    await writeBackup(ctx, { kind: 'export' });

    await writeFile(path.join(main.laddersDir, 'team.yaml'), 'id: team\n# my newer edit\n');
    await import('node:fs/promises').then((fs) => fs.rm(path.join(main.laddersDir, 'parts'), { recursive: true }));
    await main.dispatch('settings:set', { theme: 'light', backupKeepDaily: 3 });
    // The folder is set the only way it can be: the user picks it in main's dialog.
    main.chooseFolderAnswers.push(main.laddersDir);
    await main.dispatch('ladders:choose-folder', undefined);

    main.chooseOpenAnswers.push(main.savePaths[0]!);
    const checked = await checkBackup(ctx, { kind: 'chosen' });
    expect(checked?.summary.ladderFiles).toBe(3);
    // Main refuses to prepare a restore before the current data is backed up.
    expect(await main.dispatch('backup:restore-stage', { restoreId: checked!.restoreId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const result = await restoreBackup(ctx, checked!);
    expect(result.files.laddersAdded).toEqual(['parts/scales.yaml']);
    expect(result.files.laddersUnchanged).toBe(1);
    expect(result.files.laddersKeptApart).toEqual(['team.yaml']);
    expect(await readFile(path.join(main.laddersDir, 'team.yaml'), 'utf8')).toContain('my newer edit');
    expect(await readFile(path.join(result.files.keptApartFolder!, 'team.yaml'), 'utf8')).toBe('id: team\n');
    expect(await readFile(path.join(main.laddersDir, 'parts', 'scales.yaml'), 'utf8')).toBe('scales: []\n');
    expect(result.settings).toMatchObject({ theme: 'dark', backupKeepDaily: 10, laddersFolder: main.laddersDir });
    expect((await readdir(main.laddersDir, { recursive: true })).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('backs the stored database up before the code upgrades it, as stored, and only then', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const upgradeCtx = { ...ctx, databaseName: name };
    expect(await backupBeforeUpgrade(upgradeCtx)).toBe(false); // nothing stored yet
    const v1 = new Dexie(name);
    v1.version(1).stores({ people: 'id, name, email, managerId, updatedAt' });
    await v1
      .table('people')
      .add({ id: 'p1', name: 'Maya', managerId: null, archived: false, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
    v1.close();
    expect(await backupBeforeUpgrade(upgradeCtx)).toBe(true);
    const [file] = await readdir(path.join(main.dataDir, 'backups'));
    expect(file).toMatch(/-before-upgrade\.trellisbackup$/);
    const { unzipSync } = await import('fflate');
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(await readFile(path.join(main.dataDir, 'backups', file!)))['manifest.json']));
    expect(manifest.database).toMatchObject({ version: 1, tables: [{ name: 'people', rows: 1 }] });
    // The backup did not upgrade anything; opening with the code does.
    expect((await indexedDB.databases()).find((d) => d.name === name)?.version).toBe(10);
    const db = new TrellisDatabase(name);
    await db.open();
    db.close();
    expect(await backupBeforeUpgrade(upgradeCtx)).toBe(false);
  });

  it('opens only its own folders', async () => {
    expect(await main.dispatch('backup:open-folder', { folder: 'backups' })).toMatchObject({ ok: true });
    expect(await main.dispatch('backup:open-folder', { folder: main.dataDir })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(main.openedPaths).toEqual([path.join(main.dataDir, 'backups')]);
  });

  it('an export the user cancels writes nothing', async () => {
    const cancelled = await createTestMain({ chooseSavePath: async () => null });
    try {
      expect(await writeBackup({ ...ctx, call: callerFor(cancelled) }, { kind: 'export' })).toBeNull();
      expect(await readdir(cancelled.exportDir)).toEqual([]);
    } finally {
      await cancelled.dispose();
    }
  });
});
