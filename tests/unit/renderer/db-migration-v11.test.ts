import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { TrellisDatabase } from '../../../renderer/db/database';
import { lastCareerConversation } from '../../../renderer/db/goals';
import { meetingKinds } from '../../../shared/domain/meetings';
import { createDatabaseAt } from '../../support/schema-history';

/**
 * Version 11 adds [personId+kind+date] to meetings and changes no row. A database as version 10
 * left it (the one-team fixture, which holds career conversations) opens with every row as it
 * was, and the new index answers "the person's last career conversation" as the rows do.
 */
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v2-one-team.json', import.meta.url), 'utf8')) as Record<
  string,
  { id: string; personId?: string; kind?: string; date?: string }[]
>;
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const VERSIONS_BEFORE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** What the answer must be, from the rows themselves. */
function newestCareer(meetings: { personId?: string; kind?: string; date?: string }[], personId: string, today: string): string | undefined {
  const dates = meetings.filter((m) => m.personId === personId && m.kind === 'career' && m.date! <= today).map((m) => m.date!);
  return dates.sort().at(-1);
}

describe('database version 11', () => {
  it('opens a version 10 database with every row kept and finds each last career conversation by the new index', async () => {
    const name = `migration-v11-${crypto.randomUUID()}`;
    await createDatabaseAt(name, VERSIONS_BEFORE, fixture);
    const db = new TrellisDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(11);
    for (const [table, list] of Object.entries(fixture)) expect(byId(await db.table(table).toArray()), table).toEqual(byId(list));
    expect(db.meetings.schema.indexes.map((i) => i.name)).toContain('[personId+kind+date]');
    const meetings = fixture.meetings!;
    expect(meetings.some((m) => m.kind === 'career')).toBe(true);
    for (const person of fixture.people!) {
      for (const today of ['2020-01-01', '2026-03-01', '2099-12-31']) {
        expect(await lastCareerConversation(db, person.id, today), `${person.id} on ${today}`).toBe(newestCareer(meetings, person.id, today));
      }
    }
    db.close();
  });

  it('gives the newest career conversation up to today, whatever the other meetings', async () => {
    const name = `lcc-${crypto.randomUUID()}`;
    const db = new TrellisDatabase(name);
    await db.open();
    const day = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
    const meeting = fc.record({ personId: fc.constantFrom('p1', 'p2'), kind: fc.constantFrom(...meetingKinds), date: day });
    await fc.assert(
      fc.asyncProperty(fc.array(meeting, { maxLength: 30 }), day, async (rows, today) => {
        await db.meetings.clear();
        const stored = rows.map((r, i) => ({ ...r, id: `m${i}` }));
        // Only the indexed fields matter to the read; the rows go in as stored, past the schemas.
        await db.meetings.bulkAdd(stored as never);
        for (const personId of ['p1', 'p2']) expect(await lastCareerConversation(db, personId, today)).toBe(newestCareer(stored, personId, today));
      }),
      { numRuns: 60 },
    );
    db.close();
  });
});
