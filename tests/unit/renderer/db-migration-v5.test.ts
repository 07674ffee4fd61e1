import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { createDatabaseAt } from '../../support/schema-history';

/**
 * Version 5 (growth plans) lands after version 6 (assessments) is already on users' machines, so
 * it must open a database main's code left at version 6 as well as one at version 3: only new
 * tables, every old row exactly as it was. The fixture is 0.1.0's team (v2-one-team.json) plus
 * an assessment, written with the schemas exactly as main declares them.
 */
type Fixture = Record<string, { id: string }[]>;
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v2-one-team.json', import.meta.url), 'utf8')) as Fixture;

const assessment = {
  id: 'assessment-1',
  personId: (fixture.people![0] as { id: string }).id,
  date: '2026-06-30',
  visibility: 'shareable',
  criteria: [{ ladderId: 'engineering', competencyId: 'delivery', levelId: 'L3', criterionId: 'delivery-l3' }],
  competencyIds: ['delivery'],
  kind: 'manager',
  ladder: { ladderId: 'engineering', version: '2.0.0', hash: 'b'.repeat(64) },
  trackId: 'ic',
  levelId: 'L3',
  period: { from: '2026-01-01', to: '2026-06-30' },
  status: 'finished',
  revision: 1,
  chainId: 'assessment-1',
  ratings: [],
  summary: 'Ünïcode summary ✓',
  privateNotes: 'only mine',
  createdAt: '2026-06-20T10:00:00.000Z',
  updatedAt: '2026-06-28T16:00:00.000Z',
  finishedAt: '2026-06-28T16:00:00.000Z',
};

const createMainDatabase = (name: string, withV6: boolean) =>
  createDatabaseAt(name, withV6 ? [1, 2, 3, 6] : [1, 2, 3], withV6 ? { ...fixture, assessments: [assessment] } : fixture);

const newTables = ['goals', 'goalMilestones', 'goalCheckIns', 'stretchProjects', 'learningItems', 'learningBudgets'];

describe('database version 5 (growth plans)', () => {
  for (const withV6 of [true, false]) {
    it(`opens a database at version ${withV6 ? 6 : 3}, keeps every row, and adds the growth tables with their indexes`, async () => {
      const name = `migration-v5-${withV6}-${crypto.randomUUID()}`;
      const before = await createMainDatabase(name, withV6);
      const db = new TrellisDatabase(name);
      await db.open();
      for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray(), table).toEqual(rows);
      for (const table of newTables) expect(db.tables.map((t) => t.name)).toContain(table);
      expect(db.table('goals').schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['[personId+status]', '[personId+date]', 'competencyIds']));
      expect(db.table('goalCheckIns').schema.indexes.map((i) => i.name)).toEqual(
        expect.arrayContaining(['goalId', 'fromMeetingId', '[personId+date]', 'competencyIds']),
      );

      // The new tables work through the repository.
      const repos = createRepositories(db);
      const personId = (fixture.people![0] as { id: string }).id;
      const goal = await repos.goals.create({
        personId,
        title: 'Lead an incident review',
        criteria: [{ ladderId: 'engineering', competencyId: 'operations' }],
      });
      expect(await repos.goals.inProgress(personId)).toEqual([goal]);
      db.close();
    });
  }
});
