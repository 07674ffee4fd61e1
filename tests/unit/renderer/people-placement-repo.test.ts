import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { TrellisDatabase } from '../../../renderer/db/database';
import { ValidationError } from '../../../renderer/db/errors';
import { PeopleRepository } from '../../../renderer/db/people';

let db: TrellisDatabase;
let people: PeopleRepository;

beforeEach(() => {
  db = new TrellisDatabase(`placement-${crypto.randomUUID()}`);
  people = new PeopleRepository(db, () => new Date('2026-01-01T00:00:00Z'));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const against = { ladderId: 'team', version: '1.2.0', hash: 'b'.repeat(64) };
const placement = { ladderId: 'team', trackId: 'ic', levelId: 'L3', against };

describe('a person on the ladder (no new Dexie version: placement is not indexed)', () => {
  it('is stored from the person dialog and survives an edit that keeps it', async () => {
    const ana = await people.create({ name: 'Ana', level: 'E4', placement });
    expect((await people.get(ana.id))!.placement).toEqual(placement);
    await people.update(ana.id, { name: 'Ana B', level: 'E4', placement });
    expect(await people.get(ana.id)).toMatchObject({ name: 'Ana B', level: 'E4', placement });
    await people.update(ana.id, { name: 'Ana B', placement: null });
    expect((await people.get(ana.id))!.placement).toBeUndefined();
  });

  it('is moved by setPlacement alone, every other field kept', async () => {
    const ana = await people.create({ name: 'Ana', title: 'Engineer', level: 'E4', placement });
    const moved = { ...placement, levelId: 'S3', against: { ...against, hash: 'c'.repeat(64) } };
    await people.setPlacement(ana.id, moved);
    expect(await people.get(ana.id)).toMatchObject({ name: 'Ana', title: 'Engineer', level: 'E4', placement: moved });
    await people.setPlacement(ana.id, null);
    expect(await people.get(ana.id)).not.toHaveProperty('placement');
  });

  it('refuses a malformed placement and leaves the person as they were', async () => {
    const ana = await people.create({ name: 'Ana', placement });
    await expect(people.setPlacement(ana.id, { ...placement, levelId: 'a/b' })).rejects.toBeInstanceOf(ValidationError);
    await expect(people.create({ name: 'Bo', placement: { ...placement, against: { ...against, hash: 'nope' } } })).rejects.toBeInstanceOf(ValidationError);
    expect((await people.get(ana.id))!.placement).toEqual(placement);
  });
});
