import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import type { Person } from '../../../shared/domain/person';

const fixture = (JSON.parse(readFileSync(new URL('../../fixtures/db/v1.json', import.meta.url), 'utf8')) as { tables: { people: Person[] } }).tables.people;

/** Writes the fixture with the schema exactly as 0.1.0 shipped it (version 1 only). */
async function createV1Database(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores({ people: 'id, name, email, managerId, updatedAt' });
  await v1.table('people').bulkAdd(fixture);
  v1.close();
}

describe('database version 2', () => {
  it('upgrades a version 1 database with people and keeps every person exactly as they were', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    await createV1Database(name);
    const db = new TrellisDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    const people = await db.people.orderBy('id').toArray();
    expect(people).toEqual([...fixture].sort((a, b) => a.id.localeCompare(b.id)));
    for (const table of ['teams', 'relationships', 'series', 'meetings', 'actionItems', 'talkingPoints', 'templates'] as const) {
      expect(await db.table(table).count(), table).toBe(0);
    }
    // The old data works with the new features: the people index and a team assignment.
    const repos = createRepositories(db);
    const team = await repos.teams.create('Payments');
    const alex = fixture.find((p) => p.id === 'p-alex')!;
    await repos.people.update(alex.id, { ...alex, teamId: team.id });
    expect((await db.people.where('teamId').equals(team.id).toArray()).map((p) => p.name)).toEqual(['Alex Rivera']);
    expect((await repos.people.get('p-maya'))?.teamId).toBeUndefined();
    db.close();
  });
});
