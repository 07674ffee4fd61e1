import Dexie from 'dexie';

/**
 * The database's schema as each earlier version declared it, copied here on purpose: a migration
 * test must open data written by the schema as it was, not as renderer/db/database.ts says now.
 * A new version adds its line; a released one is never changed (docs/data-migrations.md).
 */
export const schemaHistory: Record<number, Record<string, string | null>> = {
  1: { people: 'id, name, email, managerId, updatedAt' },
  2: {
    people: 'id, name, email, managerId, teamId, updatedAt',
    teams: 'id, name',
    relationships: 'id, fromId, toId, kind',
    series: 'id, personId, [personId+kind]',
    meetings: 'id, personId, seriesId, date, [personId+date], [seriesId+date]',
    actionItems: 'id, personId, meetingId, open, [personId+open], due',
    talkingPoints: 'id, personId, meetingId',
    templates: 'id, name',
  },
  3: {
    meetings: 'id, date, [personId+date], [seriesId+date]',
    actionItems: 'id, meetingId, [personId+open], [open+due], [personId+doneAt], [personId+createdAt]',
  },
  4: { keyring: 'id' },
  5: {
    goals: 'id, [personId+status], [personId+date], *competencyIds',
    goalMilestones: 'id, goalId, [personId+date], *competencyIds',
    goalCheckIns: 'id, goalId, fromMeetingId, [personId+date], *competencyIds',
    stretchProjects: 'id, sponsorId, [personId+date], *competencyIds',
    learningItems: 'id, [personId+date]',
    learningBudgets: 'id, personId',
  },
  6: { assessments: 'id, [personId+date], *competencyIds, chainId' },
  7: { feedback: 'id, date, [personId+date], *competencyIds', followUps: 'id, feedbackId, [open+due], [personId+open]' },
  8: { packets: 'id, personId, updatedAt', signingKeys: 'id' },
  9: {
    calibrationSessions: 'id, updatedAt',
    sessionPackets: 'id, sessionId',
    decisions: 'id, sessionId',
    sessionLog: 'id, [sessionId+at]',
    knownKeys: 'id',
  },
  10: {
    feedbackCycles: 'id, updatedAt',
    cycleRequests: 'id, cycleId, [cycleId+personId]',
    cycleResponses: 'id, cycleId, [cycleId+personId], [personId+date], *competencyIds',
    wins: 'id, date, [personId+date], *competencyIds',
  },
  11: {
    meetings: 'id, date, [personId+date], [seriesId+date], [personId+kind+date]',
  },
};

/**
 * Makes database `name` as the listed versions of Trellis left it (upgrades included only as
 * schema: rows are written as given) and fills it with `rows` per table. Returns the rows as read
 * back, table by table.
 */
export async function createDatabaseAt(name: string, versions: readonly number[], rows: Record<string, readonly object[]>): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  for (const v of versions) {
    const stores = schemaHistory[v];
    if (!stores) throw new Error(`No schema of version ${v} in tests/support/schema-history.ts`);
    old.version(v).stores(stores);
  }
  await old.open();
  for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd([...list]);
  const stored: Record<string, unknown[]> = {};
  for (const t of old.tables) stored[t.name] = await t.toArray();
  old.close();
  return stored;
}
