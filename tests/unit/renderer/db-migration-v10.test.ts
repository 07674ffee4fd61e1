import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { createDatabaseAt } from '../../support/schema-history';

/**
 * Version 10 adds the feedback cycle and wins tables and changes no row. A database as version 8
 * left it (the one-team fixture upgraded through 3, 6, 7 and 8, with a feedback entry) opens with
 * every row as it was, the new tables empty, and their indexes answering.
 */
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v2-one-team.json', import.meta.url), 'utf8')) as Record<string, { id: string }[]>;
const person = fixture.people![0]!;
const feedbackRow = {
  id: 'fb-1',
  personId: person.id,
  date: '2026-03-10',
  visibility: 'shareable',
  criteria: [],
  competencyIds: [],
  kind: 'recognition',
  fromId: null,
  fromName: 'A peer',
  situation: '',
  behaviour: 'Ran the retro',
  impact: '',
  nextStep: '',
  createdAt: '2026-03-10T10:00:00.000Z',
  updatedAt: '2026-03-10T10:00:00.000Z',
};

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const indexes = (db: TrellisDatabase, table: string) =>
  db
    .table(table)
    .schema.indexes.map((i) => i.name)
    .sort();

describe('database version 10', () => {
  it('opens a version 8 database with every row kept and the cycle and wins tables ready', async () => {
    const name = `migration-v10-${crypto.randomUUID()}`;
    const rows = { ...fixture, feedback: [feedbackRow] };
    await createDatabaseAt(name, [1, 2, 3, 4, 5, 6, 7, 8], rows);
    const db = new TrellisDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(10);
    for (const [table, list] of Object.entries(rows)) expect(byId(await db.table(table).toArray()), table).toEqual(byId(list as { id: string }[]));
    for (const table of ['feedbackCycles', 'cycleRequests', 'cycleResponses', 'wins']) expect(await db.table(table).count(), table).toBe(0);
    expect(indexes(db, 'feedbackCycles')).toEqual(['updatedAt']);
    expect(indexes(db, 'cycleRequests')).toEqual(['[cycleId+personId]', 'cycleId'].sort());
    expect(indexes(db, 'cycleResponses')).toEqual(['[cycleId+personId]', '[personId+date]', 'competencyIds', 'cycleId'].sort());
    expect(indexes(db, 'wins')).toEqual(['[personId+date]', 'competencyIds', 'date'].sort());

    const repos = createRepositories(db);
    const cycle = await repos.cycles.create({
      name: 'Spring',
      from: '2026-01-01',
      to: '2026-03-31',
      due: '2026-04-10',
      participantIds: [person.id],
      competencies: [],
    });
    await repos.cycles.addRequest(cycle.id, { personId: person.id, peerId: null, peerName: 'Dana', due: '2026-04-10' });
    await repos.cycles.addResponse(cycle.id, {
      personId: person.id,
      respondentId: null,
      respondentName: 'dana',
      competencyId: null,
      text: 'Clear and kind',
      date: '2026-04-01',
      visibility: 'shareable',
    });
    const win = await repos.wins.create({
      personId: person.id,
      date: '2026-02-02',
      visibility: 'shareable',
      criteria: [],
      title: 'Shipped it',
      impact: '',
      links: [],
      celebrate: false,
    });
    expect((await repos.cycles.responsesFor(cycle.id, person.id))[0]!.requestId).not.toBeNull();
    expect((await repos.wins.forPerson(person.id)).map((w) => w.id)).toEqual([win.id]);
    expect(await repos.feedback.get('fb-1')).toEqual(feedbackRow);
    db.close();
  });
});
