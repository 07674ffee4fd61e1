import 'fake-indexeddb/auto';
import '../../support/browser-globals';

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { restoreDatabase } from '../../../renderer/db/backup';
import { TrellisDatabase } from '../../../renderer/db/database';
import { type BackupContext, checkBackup, restoreBackup, writeBackup } from '../../../renderer/features/settings/backup-actions';
import { callerFor } from '../../support/backup-api';
import { createTestMain, type TestMain } from '../../support/main-context';

let main: TestMain;
beforeAll(async () => {
  main = await createTestMain();
});
afterAll(async () => main.dispose());

const context = (databaseName: string, open: (n: string) => Dexie = (n) => new TrellisDatabase(n)): BackupContext => ({
  call: callerFor(main),
  databaseName,
  openWithCode: open,
});

async function dump(db: Dexie): Promise<Record<string, unknown[]>> {
  if (!db.isOpen()) await db.open();
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

/**
 * Field names as stored data has them: identifiers, as every zod schema of the app names its
 * fields. Names of Object.prototype ("toString", "constructor"…) are left out: typeson, the
 * export library's type encoder, looks revivers up on a plain object and fails on them, and no
 * schema of the app uses them (tests/unit/shared/stored-fields.test.ts keeps it so).
 */
const prototypeNames = new Set(Object.getOwnPropertyNames(Object.prototype));
const fieldName = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,11}$/).filter((k) => !prototypeNames.has(k) && k !== 'id');
/**
 * JSON as the app stores it (what goes through JSON unchanged: no -0, no undefined). Objects
 * with an empty property name are left out: the app never makes them, and the export library's
 * type encoder (typeson) reads `{"": [...]}` as a special array.
 */
const value = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
  .filter((v) => !JSON.stringify(v).includes('"":'));
const text = fc.string({ unit: 'binary', maxLength: 80 });

/** Rows for every table of the schema, with values in the indexed fields so indexes are exercised. */
function dataSet(db: Dexie) {
  const tables = db.tables.map((t) => {
    const indexed = [...new Set(t.schema.indexes.flatMap((i) => (Array.isArray(i.keyPath) ? i.keyPath : [i.keyPath])).filter((k): k is string => !!k))];
    const row = fc.record({
      id: fc.uuid(),
      extra: fc.dictionary(fieldName, value, { maxKeys: 4 }),
      indexed: fc.record(Object.fromEntries(indexed.map((k) => [k, fc.oneof(text, fc.integer())])), { requiredKeys: [] }),
      note: text,
    });
    const rows = fc
      .uniqueArray(row, { selector: (r) => r.id, maxLength: 6 })
      .map((rs) => rs.map((r) => ({ ...r.extra, ...r.indexed, note: r.note, id: r.id })));
    return [t.name, rows] as const;
  });
  return fc.record(Object.fromEntries(tables)) as fc.Arbitrary<Record<string, Record<string, unknown>[]>>;
}

describe('backup round trip (property)', () => {
  it('random data in every table → backup → restore into an empty database → the same data', async () => {
    const probe = new TrellisDatabase('probe');
    await fc.assert(
      fc.asyncProperty(dataSet(probe), async (data) => {
        const source = `source-${crypto.randomUUID()}`;
        const db = new TrellisDatabase(source);
        await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.bulkAdd(data[t.name] ?? []))));
        const before = await dump(db);
        db.close();
        const written = await writeBackup(context(source), { kind: 'export' });
        const file = path.join(main.exportDir, written!.file);

        const target = `target-${crypto.randomUUID()}`;
        const empty = new TrellisDatabase(target);
        await empty.open();
        empty.close();
        main.chooseOpenAnswers.push(file);
        const checked = await checkBackup(context(target), { kind: 'chosen' });
        await restoreBackup(context(target), checked!);
        const restored = new TrellisDatabase(target);
        expect(await dump(restored)).toEqual(before);
        restored.close();
      }),
      { numRuns: 10 },
    );
  }, 300_000);

  it('restore onto other data (some rows equal, some changed, some extra) → exactly the backup', async () => {
    const probe = new TrellisDatabase('probe');
    await fc.assert(
      fc.asyncProperty(dataSet(probe), dataSet(probe), fc.integer({ min: 0, max: 6 }), async (data, other, keep) => {
        const source = `source-${crypto.randomUUID()}`;
        const db = new TrellisDatabase(source);
        await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.bulkAdd(data[t.name] ?? []))));
        const before = await dump(db);
        db.close();
        const written = await writeBackup(context(source), { kind: 'export' });

        // The data on screen since: the first rows of each table as they were, the next ones
        // edited (a field added, which also changes the order of their fields), others new.
        const target = `target-${crypto.randomUUID()}`;
        const now = new TrellisDatabase(target);
        await now.transaction('rw', now.tables, () =>
          Promise.all(
            now.tables.map((t) => {
              const rows = data[t.name] ?? [];
              const edited = rows.slice(keep, keep + 2).map((r) => ({ editedAt: 'later', ...r, note: `${String(r.note)}!` }));
              return t.bulkAdd([...rows.slice(0, keep), ...edited, ...(other[t.name] ?? [])]);
            }),
          ),
        );
        now.close();
        main.chooseOpenAnswers.push(path.join(main.exportDir, written!.file));
        const checked = await checkBackup(context(target), { kind: 'chosen' });
        await restoreBackup(context(target), checked!);
        const restored = new TrellisDatabase(target);
        expect(await dump(restored)).toEqual(before);
        // Field order too: what is stored is what the backup holds, not only an equal object.
        const stored = await dump(restored);
        for (const [name, rows] of Object.entries(before)) expect(JSON.stringify(stored[name])).toBe(JSON.stringify(rows));
        restored.close();
      }),
      { numRuns: 10 },
    );
  }, 300_000);

  it('a table added to the schema is backed up and restored with no change to the backup code', async () => {
    const next = new TrellisDatabase('probe').verno + 1;
    class WithWidgets extends TrellisDatabase {
      constructor(name: string) {
        super(name);
        this.version(next).stores({ widgets: 'id, name' });
      }
    }
    const name = `widgets-${crypto.randomUUID()}`;
    const db = new WithWidgets(name);
    await db.table('widgets').bulkAdd([
      { id: 'w1', name: 'Gear', size: 3 },
      { id: 'w2', name: 'Cog', tags: ['a'] },
    ]);
    await db
      .table('people')
      .add({ id: 'p1', name: 'Alex', managerId: null, archived: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    db.close();
    const written = await writeBackup(
      context(name, (n) => new WithWidgets(n)),
      { kind: 'export' },
    );
    const file = path.join(main.exportDir, written!.file);
    const manifestTables = (await checkManifest(file)).database.tables.map((t: { name: string }) => t.name);
    expect(manifestTables).toContain('widgets');

    const target = `widgets-target-${crypto.randomUUID()}`;
    main.chooseOpenAnswers.push(file);
    const ctx = context(target, (n) => new WithWidgets(n));
    await new WithWidgets(target).open().then((d) => d.close());
    await restoreBackup(ctx, (await checkBackup(ctx, { kind: 'chosen' }))!);
    const restored = new WithWidgets(target);
    expect(await restored.table('widgets').orderBy('id').toArray()).toEqual([
      { id: 'w1', name: 'Gear', size: 3 },
      { id: 'w2', name: 'Cog', tags: ['a'] },
    ]);
    restored.close();
  });
});

async function checkManifest(file: string) {
  const { unzipSync } = await import('fflate');
  return JSON.parse(new TextDecoder().decode(unzipSync(await readFile(file))['manifest.json'])) as { database: { tables: { name: string }[] } };
}

describe('any change to a backup file is caught before anything is written', () => {
  it('single-byte changes, truncations and reordered pieces are all refused', async () => {
    const name = `tamper-${crypto.randomUUID()}`;
    const db = new TrellisDatabase(name);
    await db.people.bulkAdd([
      { id: 'p1', name: 'Alex', managerId: null, archived: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
      { id: 'p2', name: 'Maya', managerId: null, archived: false, createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' },
    ]);
    const before = await dump(db);
    db.close();
    const written = await writeBackup(context(name), { kind: 'export' });
    const good = new Uint8Array(await readFile(path.join(main.exportDir, written!.file)));
    const n = good.length;
    const tamper = fc.oneof(
      fc.record({ at: fc.integer({ min: 0, max: n - 1 }), xor: fc.integer({ min: 1, max: 255 }) }).map(({ at, xor }) => {
        const copy = good.slice();
        copy[at]! ^= xor;
        return copy;
      }),
      fc.integer({ min: 0, max: n - 1 }).map((length) => good.slice(0, length)),
      fc
        .record({ a: fc.integer({ min: 0, max: n - 2 }), b: fc.integer({ min: 0, max: n - 2 }), len: fc.integer({ min: 1, max: 64 }) })
        .map(({ a, b, len }) => {
          // Swap two pieces of the file (where they differ): same bytes, another order.
          const [x, y] = a < b ? [a, b] : [b, a];
          const l = Math.min(len, y - x, n - y);
          const copy = good.slice();
          copy.set(good.subarray(y, y + l), x);
          copy.set(good.subarray(x, x + l), y);
          return copy;
        })
        .filter((copy) => copy.some((byte, i) => byte !== good[i])),
    );
    await fc.assert(
      fc.asyncProperty(tamper, async (bytes) => {
        const file = path.join(main.exportDir, `tampered-${crypto.randomUUID()}.trellisbackup`);
        await writeFile(file, bytes);
        main.chooseOpenAnswers.push(file);
        await expect(checkBackup(context(name), { kind: 'chosen' })).rejects.toThrow(/damaged|incomplete|not a Trellis backup|empty/);
      }),
      { numRuns: 300 },
    );
    expect(await dump(new TrellisDatabase(name))).toEqual(before);
  }, 300_000);
});

describe('a restore that fails half-way changes nothing', () => {
  it('an error thrown inside the restore transaction leaves every table as it was', async () => {
    const backupName = `halfway-src-${crypto.randomUUID()}`;
    const src = new TrellisDatabase(backupName);
    await src.people.bulkAdd(
      Array.from({ length: 300 }, (_, i) => ({
        id: `b${i}`,
        name: `Backup ${i}`,
        managerId: null,
        archived: false,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      })),
    );
    await src.teams.add({ id: 't1', name: 'Backup team', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
    src.close();
    const written = await writeBackup(context(backupName), { kind: 'export' });

    const current = `halfway-${crypto.randomUUID()}`;
    const db = new TrellisDatabase(current);
    await db.people.bulkAdd([
      { id: 'mine', name: 'Current person', managerId: null, archived: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    await db.templates.add({
      id: 'tpl',
      name: 'Mine',
      kind: 'one-on-one',
      builtIn: false,
      agenda: [],
      sharedNotes: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const before = await dump(db);
    db.close();

    main.chooseOpenAnswers.push(path.join(main.exportDir, written!.file));
    const checked = await checkBackup(context(current), { kind: 'chosen' });
    let calls = 0;
    await expect(
      restoreDatabase(current, checked!.parsed, {
        openWithCode: (n) => new TrellisDatabase(n),
        onProgress: () => {
          // Tables are cleared and some rows written by now: fail as a crash or a full disk would.
          if (++calls === 2) throw new Error('simulated failure half-way');
        },
      }),
    ).rejects.toThrow('simulated failure half-way');
    expect(calls).toBe(2);
    expect(await dump(new TrellisDatabase(current))).toEqual(before);
  });

  it('a backup of an older data format is migrated by the code before it replaces the data', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ people: 'id, name, email, managerId, updatedAt' });
    const fixture = (JSON.parse(await readFile(new URL('../../fixtures/db/v1.json', import.meta.url), 'utf8')) as { tables: { people: { id: string }[] } })
      .tables.people;
    await v1.table('people').bulkAdd(fixture);
    v1.close();
    const written = await writeBackup(context(name), { kind: 'export' });

    const target = `v1-target-${crypto.randomUUID()}`;
    const db = new TrellisDatabase(target);
    await db.teams.add({ id: 't', name: 'Will be replaced', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    db.close();
    main.chooseOpenAnswers.push(path.join(main.exportDir, written!.file));
    const checked = await checkBackup(context(target), { kind: 'chosen' });
    expect(checked?.summary.database.version).toBe(1);
    await restoreBackup(context(target), checked!);
    const restored = new TrellisDatabase(target);
    expect(await restored.people.orderBy('id').toArray()).toEqual([...fixture].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await restored.teams.count()).toBe(0);
    expect(restored.verno).toBe(new TrellisDatabase('probe').verno);
    expect((await indexedDB.databases()).filter((d) => d.name?.includes('-restore-'))).toEqual([]);
    restored.close();
  });
});
