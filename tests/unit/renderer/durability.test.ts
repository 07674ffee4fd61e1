import 'fake-indexeddb/auto';
import '../../support/browser-globals';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { errorMessage } from '../../../renderer/app/errors';
import { restoreDatabase } from '../../../renderer/db/backup';
import { TrellisDatabase } from '../../../renderer/db/database';
import { durable } from '../../../renderer/db/durable';
import { checkBackup, writeBackup } from '../../../renderer/features/settings/backup-actions';
import { detectMapping } from '../../../shared/domain/people-csv';
import { parseCsv } from '../../../shared/domain/people-csv-file';
import { callerFor } from '../../support/backup-api';
import { createTestMain, type TestMain } from '../../support/main-context';

/** Records the durability every read-write transaction asked IndexedDB for. */
function recordDurability() {
  const seen: { stores: string[]; durability: string | undefined }[] = [];
  const original = IDBDatabase.prototype.transaction;
  const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, stores, mode, options) {
    if (mode === 'readwrite') seen.push({ stores: [...(typeof stores === 'string' ? [stores] : stores)].sort(), durability: options?.durability });
    return original.call(this, stores, mode, options);
  });
  return { seen, restore: () => spy.mockRestore() };
}

const csv = (rows: number) => ['name,email', ...Array.from({ length: rows }, (_, i) => `Person ${i},p${i}@example.com`)].join('\n');

describe('durable bulk writes', () => {
  let main: TestMain;
  beforeEach(async () => {
    main = await createTestMain();
  });
  afterEach(async () => main.dispose());

  it('the CSV import writes in one strict transaction', async () => {
    const repos = createRepositories(new TrellisDatabase(`strict-import-${crypto.randomUUID()}`));
    const table = parseCsv(csv(50));
    const record = recordDurability();
    try {
      await repos.people.importCsv(table, detectMapping(table.headers));
    } finally {
      record.restore();
    }
    expect(record.seen).toEqual([{ stores: ['people', 'teams'], durability: 'strict' }]);
    expect(await repos.people.list()).toHaveLength(50);
  });

  it('an import that fails half-way (an error inside the transaction) leaves the people as they were', async () => {
    const db = new TrellisDatabase(`halfway-import-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    await repos.people.create({ name: 'Maya Okafor', email: 'maya@example.com' });
    const before = await db.people.toArray();
    let rows = 0;
    // The write path of the import: fail on the 120th of 200 rows, as a full disk would.
    durable(db).people.hook('creating', () => {
      if (++rows === 120) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const table = parseCsv(csv(200));
    const failure = await repos.people.importCsv(table, detectMapping(table.headers)).catch((e: unknown) => e);
    expect(rows).toBe(120);
    expect(errorMessage(failure)).toMatch(/disk is full/);
    expect(await db.people.toArray()).toEqual(before);
  });

  it('a restore writes in one strict transaction over every table', async () => {
    const name = `strict-restore-${crypto.randomUUID()}`;
    const ctx = { call: callerFor(main), databaseName: name, openWithCode: (n: string) => new TrellisDatabase(n) };
    await createRepositories(new TrellisDatabase(name)).people.create({ name: 'Alex', email: 'alex@example.com' });
    await writeBackup(ctx, { kind: 'export' });
    main.chooseOpenAnswers.push(main.savePaths[0]!);
    const checked = await checkBackup(ctx, { kind: 'chosen' });
    const record = recordDurability();
    try {
      await restoreDatabase(name, checked!.parsed, { openWithCode: ctx.openWithCode });
    } finally {
      record.restore();
    }
    const all = new TrellisDatabase('probe').tables.map((t) => t.name).sort();
    expect(record.seen).toEqual([{ stores: all, durability: 'strict' }]);
  });
});
