import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { evidenceFor, registerEvidenceSource } from '../../../renderer/db/evidence';
import { privacyPolicies } from '../../../shared/evidence';

describe('evidence query', () => {
  it('reads one person in a date range through the index, newest first, across registered kinds', async () => {
    const db = new TrellisDatabase(`evidence-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    const alex = await repos.people.create({ name: 'Alex' });
    const sam = await repos.people.create({ name: 'Sam' });
    for (const [personId, date] of [
      [alex.id, '2026-01-05'],
      [alex.id, '2026-03-02'],
      [alex.id, '2025-12-01'],
      [sam.id, '2026-02-02'],
    ] as const) {
      await repos.meetings.start({ personId, seriesId: null, kind: 'one-on-one', date });
    }
    const items = await evidenceFor(db, { personId: alex.id, from: '2026-01-01', to: '2026-12-31' });
    expect(items.map((i) => [i.kind, i.date])).toEqual([
      ['meeting', '2026-03-02'],
      ['meeting', '2026-01-05'],
    ]);
    expect(await evidenceFor(db, { personId: alex.id, competencyId: 'x' })).toEqual([]);

    registerEvidenceSource({
      kind: 'win',
      read: async (_db, q) => [
        { kind: 'win', id: 'w1', personId: q.personId, date: '2026-02-01', visibility: 'shareable', competencyIds: ['x'], title: 'Win' },
      ],
    });
    expect((await evidenceFor(db, { personId: alex.id, from: '2026-01-01' })).map((i) => i.kind)).toEqual(['meeting', 'win', 'meeting']);
    expect((await evidenceFor(db, { personId: alex.id }, ['win'])).map((i) => i.id)).toEqual(['w1']);
  });

  it('every table of the database has a privacy policy (a new table must say what is private)', () => {
    const db = new TrellisDatabase(`policies-${crypto.randomUUID()}`);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(privacyPolicies).sort());
  });
});
