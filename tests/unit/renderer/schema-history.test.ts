import 'fake-indexeddb/auto';

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { sameTables, schemaOf } from '../../../renderer/db/backup';
import { TrellisDatabase } from '../../../renderer/db/database';
import { createDatabaseAt, schemaHistory } from '../../support/schema-history';

describe('the schema history the migration tests use', () => {
  it('adds up, version by version, to the schema the app declares now', async () => {
    const name = `history-${crypto.randomUUID()}`;
    const versions = Object.keys(schemaHistory).map(Number);
    await createDatabaseAt(name, versions, {});
    const fromHistory = new Dexie(name);
    await fromHistory.open();
    const current = new TrellisDatabase(`current-${crypto.randomUUID()}`);
    expect(Math.max(...versions)).toBe(current.verno);
    expect(sameTables(schemaOf(fromHistory), schemaOf(current)), 'a new version needs its line in tests/support/schema-history.ts').toBe(true);
    fromHistory.close();
  });
});
