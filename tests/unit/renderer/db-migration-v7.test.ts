import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { createDatabaseAt } from '../../support/schema-history';

/**
 * Version 7 adds the feedback and follow-up tables and changes no row. A database as version 6
 * left it (the one-team fixture, upgraded through 3 and 6, plus an assessment-free 6) opens with
 * every row as it was and the new tables empty, with their indexes answering.
 */
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v2-one-team.json', import.meta.url), 'utf8')) as Record<string, { id: string }[]>;

const createV6Database = (name: string) => createDatabaseAt(name, [1, 2, 3, 6], fixture);

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('database version 7', () => {
  it('opens a version 6 database with every row kept and the feedback tables ready', async () => {
    const name = `migration-v7-${crypto.randomUUID()}`;
    await createV6Database(name);
    const db = new TrellisDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    for (const [table, rows] of Object.entries(fixture)) expect(byId(await db.table(table).toArray()), table).toEqual(byId(rows));
    expect(await db.feedback.count()).toBe(0);
    expect(await db.followUps.count()).toBe(0);
    expect(db.feedback.schema.indexes.map((i) => i.name).sort()).toEqual(['competencyIds', '[personId+date]', 'date'].sort());
    expect(db.followUps.schema.indexes.map((i) => i.name).sort()).toEqual(['[open+due]', '[personId+open]', 'feedbackId'].sort());

    const repos = createRepositories(db);
    const person = fixture.people![0]!;
    const entry = await repos.feedback.create(
      {
        personId: person.id,
        date: '2026-03-10',
        visibility: 'shareable',
        criteria: [],
        kind: 'recognition',
        fromId: null,
        fromName: 'A peer',
        situation: '',
        behaviour: 'Ran the retro',
        impact: '',
        nextStep: '',
      },
      { due: '2026-03-17', note: '' },
    );
    expect((await repos.feedback.openForPerson(person.id)).map((f) => f.feedbackId)).toEqual([entry.id]);
  });
});
