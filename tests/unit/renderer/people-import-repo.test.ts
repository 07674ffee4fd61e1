import 'fake-indexeddb/auto';

import { beforeEach, describe, expect, it } from 'vitest';

import { createRepositories, type Repositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { durable } from '../../../renderer/db/durable';
import { ImportRefusedError } from '../../../renderer/db/people';
import { detectMapping } from '../../../shared/domain/people-csv';
import { parseCsv } from '../../../shared/domain/people-csv-file';

let repos: Repositories;
beforeEach(() => {
  repos = createRepositories(new TrellisDatabase(`import-${crypto.randomUUID()}`));
});

const importText = (text: string) => {
  const table = parseCsv(text);
  return repos.people.importCsv(table, detectMapping(table.headers));
};

describe('PeopleRepository.importCsv', () => {
  it('imports all rows, and a re-import updates by email without duplicating or touching teams', async () => {
    const team = await repos.teams.create('Platform');
    const plan = await importText('name,email,manager email,level\nAlex Rivera,alex@example.com,maya@example.com,L4\nMaya Okafor,maya@example.com,,M2\n');
    expect(plan.created).toBe(2);
    const alex = (await repos.people.list()).find((p) => p.name === 'Alex Rivera')!;
    await repos.people.update(alex.id, { ...alex, teamId: team.id });

    const again = await importText('name,email,manager email,level\nAlex Rivera,ALEX@example.com,maya@example.com,L5\nMaya Okafor,maya@example.com,,M2\n');
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const people = await repos.people.list();
    expect(people).toHaveLength(2);
    const updated = people.find((p) => p.id === alex.id)!;
    expect(updated).toMatchObject({ level: 'L5', teamId: team.id, managerId: people.find((p) => p.name === 'Maya Okafor')!.id });
  });

  it('writes nothing when any row has a problem', async () => {
    await importText('name,email\nMaya Okafor,maya@example.com\n');
    const before = await repos.people.list();
    const bad = importText('name,email,level\nMaya Okafor,maya@example.com,M3\nAlex,not-an-email,L4\n');
    await expect(bad).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(bad).rejects.toMatchObject({ problems: [{ row: 3, column: 'email' }] });
    expect(await repos.people.list()).toEqual(before);
  });

  it('plans again inside the transaction: an email taken since the preview is matched, not duplicated', async () => {
    const table = parseCsv('name,email\nSam Lee,sam@example.com\n');
    const mapping = detectMapping(table.headers);
    const sam = await repos.people.create({ name: 'Samuel Lee', email: 'sam@example.com' });
    await repos.people.importCsv(table, mapping);
    expect(await repos.people.list()).toEqual([expect.objectContaining({ id: sam.id, name: 'Sam Lee' })]);
  });
});

describe('PeopleRepository.importCsv with departments', () => {
  it('creates the teams a Department names, in the same transaction, and matches existing ones by name', async () => {
    const platform = await repos.teams.create('Platform');
    const plan = await importText(
      'name,email,department,location\nAlex Rivera,alex@example.com,platform,Berlin\nSam Lee,sam@example.com,Growth,Remote\nKim Nguyen,kim@example.com,growth,\n',
    );
    expect(plan.teams.map((t) => t.name)).toEqual(['Growth']);
    const teams = await repos.teams.list();
    expect(teams.map((t) => t.name)).toEqual(['Growth', 'Platform']);
    const growth = teams.find((t) => t.name === 'Growth')!;
    const people = await repos.people.list();
    expect(people.map((p) => [p.name, p.teamId, p.location])).toEqual([
      ['Alex Rivera', platform.id, 'Berlin'],
      ['Kim Nguyen', growth.id, undefined],
      ['Sam Lee', growth.id, 'Remote'],
    ]);
  });

  it('a refused file creates no team', async () => {
    const bad = importText('name,email,department\nAlex Rivera,alex@example.com,Growth\nSam Lee,not-an-email,Growth\n');
    await expect(bad).rejects.toBeInstanceOf(ImportRefusedError);
    expect(await repos.teams.list()).toEqual([]);
    expect(await repos.people.list()).toEqual([]);
  });

  it('a failure while writing people rolls the new teams back too', async () => {
    const table = parseCsv('name,email,department\nAlex Rivera,alex@example.com,Growth\n');
    // The import writes through the strict-durability connection (renderer/db/durable.ts).
    const db = durable((repos.people as unknown as { db: TrellisDatabase }).db);
    const original = db.people.bulkPut.bind(db.people);
    db.people.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.people.bulkPut;
    await expect(repos.people.importCsv(table, detectMapping(table.headers))).rejects.toThrow('disk full');
    db.people.bulkPut = original;
    expect(await repos.teams.list()).toEqual([]);
  });
});
