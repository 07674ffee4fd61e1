import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { TrellisDatabase } from '../../../renderer/db/database';
import { ValidationError } from '../../../renderer/db/errors';
import { PeopleRepository } from '../../../renderer/db/people';

let db: TrellisDatabase;
let people: PeopleRepository;
let clock = 0;

beforeEach(() => {
  db = new TrellisDatabase(`people-${crypto.randomUUID()}`);
  people = new PeopleRepository(db, () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function expectRefused(promise: Promise<unknown>, field: string, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fieldErrors[field]).toMatch(message);
}

describe('people repository', () => {
  it('creates, normalises and lists people by name', async () => {
    const zoe = await people.create({ name: '  Zoë Adams ', email: 'Zoe@Example.com', title: '', track: 'engineering', level: 'L4', startDate: '2023-02-01' });
    await people.create({ name: 'Ann Bell' });
    expect(zoe).toMatchObject({ name: 'Zoë Adams', email: 'zoe@example.com', title: undefined, managerId: null, archived: false });
    expect((await people.list()).map((p) => p.name)).toEqual(['Ann Bell', 'Zoë Adams']);
  });

  it('refuses invalid input and writes nothing', async () => {
    await expectRefused(people.create({ name: '' }), 'name', /Enter a name/);
    await expectRefused(people.create({ name: 'A', email: 'nope' }), 'email', /valid email/);
    await expectRefused(people.create({ name: 'A', startDate: '2024-02-30' }), 'startDate', /date like/);
    await expectRefused(people.create({ name: 'A', startDate: '2024-03-01', levelSince: '2024-01-01' }), 'levelSince', /before the start date/);
    expect(await db.people.count()).toBe(0);
  });

  it('refuses a duplicate email, naming who has it', async () => {
    await people.create({ name: 'Maya', email: 'maya@example.com' });
    await expectRefused(people.create({ name: 'Other', email: 'MAYA@example.com' }), 'email', /Maya already uses this email/);
    expect(await db.people.count()).toBe(1);
  });

  it('refuses a manager loop and an unknown manager, keeping the stored record', async () => {
    const maya = await people.create({ name: 'Maya' });
    const alex = await people.create({ name: 'Alex', managerId: maya.id });
    const sam = await people.create({ name: 'Sam', managerId: alex.id });
    await expectRefused(people.update(maya.id, { name: 'Maya', managerId: sam.id }), 'managerId', /Sam reports to this person/);
    await expectRefused(people.update(maya.id, { name: 'Maya', managerId: maya.id }), 'managerId', /reports to this person/);
    await expectRefused(people.create({ name: 'X', managerId: 'ghost' }), 'managerId', /no longer exists/);
    expect(await people.get(maya.id)).toEqual(maya);
  });

  it('updates keep identity and creation time; archive toggles', async () => {
    const maya = await people.create({ name: 'Maya' });
    const updated = await people.update(maya.id, { name: 'Maya Okafor', level: 'M2' });
    expect(updated).toMatchObject({ id: maya.id, createdAt: maya.createdAt, level: 'M2' });
    expect(updated.updatedAt > maya.updatedAt).toBe(true);
    expect((await people.setArchived(maya.id, true)).archived).toBe(true);
    expect((await people.update(maya.id, { name: 'Maya O.' })).archived).toBe(true);
    expect((await people.setArchived(maya.id, false)).archived).toBe(false);
  });
});
