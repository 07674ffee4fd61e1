import 'fake-indexeddb/auto';

import { readdirSync, readFileSync } from 'node:fs';

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { TrellisDatabase } from '../../../renderer/db/database';
import { releasedVersions, rowChanges } from '../../fixtures/db/changes';

/**
 * One fixture per released Dexie version (tests/fixtures/db/v<N>.json): the stores exactly as
 * that version shipped them and realistic rows in every table. Each is opened with the current
 * code, which upgrades it through every later version; every row must come out as expected.
 */
interface Fixture {
  version: number;
  released: string;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const dir = new URL('../../fixtures/db/', import.meta.url);
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);
const current = new TrellisDatabase('probe').verno;

const byKey = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('database migrations from every released version', () => {
  it('has a fixture for every released version', () => {
    // A release makes its Dexie version "released": add its fixture (docs/data-migrations.md).
    expect(fixtures.map((f) => f.version)).toEqual(expect.arrayContaining(Object.keys(releasedVersions).map(Number)));
    for (const [version, release] of Object.entries(releasedVersions)) expect(fixtures.find((f) => f.version === Number(version))?.released).toBe(release);
    for (const f of fixtures) {
      for (const table of Object.keys(f.stores)) expect(f.tables[table]?.length ?? 0, `v${f.version} fixture has rows in ${table}`).toBeGreaterThan(0);
    }
  });

  for (const fixture of fixtures.filter((f) => f.version < current)) {
    it(`upgrades a version ${fixture.version} database (Trellis ${fixture.released}) to version ${current} and keeps every record`, async () => {
      const name = `migrate-v${fixture.version}-${crypto.randomUUID()}`;
      const old = new Dexie(name);
      old.version(fixture.version).stores(fixture.stores);
      await old.transaction('rw', old.tables, () => Promise.all(old.tables.map((t) => t.bulkAdd(fixture.tables[t.name] ?? []))));
      old.close();

      const db = new TrellisDatabase(name);
      await db.open();
      expect(db.verno).toBe(current);
      for (const table of db.tables) {
        let expected = structuredClone(fixture.tables[table.name] ?? []);
        for (let v = fixture.version + 1; v <= current; v++) {
          const change = rowChanges[v]?.[table.name];
          if (change) expected = expected.map((row) => change(row, fixture.tables));
        }
        expect(byKey(await table.toArray()), `${table.name} after the upgrade`).toEqual(byKey(expected));
        // Every index of the new schema finds every row that has a value for it.
        for (const index of table.schema.indexes) {
          const paths = Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath];
          for (const row of expected) {
            const key = paths.map((p) => Dexie.getByKeyPath(row, p!));
            if (key.some((k) => typeof k !== 'string' && typeof k !== 'number')) continue;
            const found = await table
              .where(index.name)
              .equals(Array.isArray(index.keyPath) ? key : key[0])
              .primaryKeys();
            expect(found, `${table.name}.${index.name} finds ${String(row.id)}`).toContain(row.id);
          }
        }
      }
      db.close();
    });
  }
});
