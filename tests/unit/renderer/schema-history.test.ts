import 'fake-indexeddb/auto';

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { TrellisDatabase } from '../../../renderer/db/database';
import { createDatabaseAt, schemaHistory } from '../../support/schema-history';

/** Each table's primary key and its set of indexes, as IndexedDB keeps them (order aside). */
const tablesOf = (db: Dexie) =>
  Object.fromEntries(db.tables.map((t) => [t.name, { key: t.schema.primKey.src, indexes: t.schema.indexes.map((i) => i.src).sort() }]));

describe('the schema history the migration tests use', () => {
  it('adds up, version by version, to the schema the app declares now', async () => {
    const name = `history-${crypto.randomUUID()}`;
    const versions = Object.keys(schemaHistory).map(Number);
    await createDatabaseAt(name, versions, {});
    const fromHistory = new Dexie(name);
    await fromHistory.open();
    const current = new TrellisDatabase(`current-${crypto.randomUUID()}`);
    expect(Math.max(...versions)).toBe(current.verno);
    // 'a new version needs its line in tests/support/schema-history.ts'
    expect(tablesOf(fromHistory)).toEqual(tablesOf(current));
    fromHistory.close();
  });
});
