import 'fake-indexeddb/auto';
import '../../support/browser-globals';

import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { type BackupContext, checkBackup, restoreBackup, writeBackup } from '../../../renderer/features/settings/backup-actions';
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
});
