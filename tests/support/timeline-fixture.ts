import type { ActionItemRow, TrellisDatabase } from '../../renderer/db/database';
import type { Meeting } from '../../shared/domain/meetings';
import type { Person } from '../../shared/domain/person';

export const LONG_HISTORY_PERSON = 'p-long';

/**
 * A long-standing report: `meetings` weekly 1:1s going back in time and `actions` action items
 * spread over them (a third still open), as years of use would leave them.
 */
export function longHistoryRows(meetings = 500, actions = 2000): { person: Person; meetings: Meeting[]; actions: ActionItemRow[] } {
  const stamp = '2026-01-01T00:00:00.000Z';
  const person: Person = { id: LONG_HISTORY_PERSON, name: 'Alex Rivera', managerId: null, archived: false, createdAt: stamp, updatedAt: stamp };
  const day = (i: number) => new Date(Date.UTC(2026, 10, 16) - i * 7 * 86_400_000).toISOString().slice(0, 10);
  const rows: Meeting[] = Array.from({ length: meetings }, (_, i) => ({
    id: `m-${i}`,
    personId: person.id,
    seriesId: 's-long',
    kind: 'one-on-one',
    date: day(i),
    agenda: Array.from({ length: 4 }, (_, j) => ({ id: `a-${i}-${j}`, text: `Talking point ${j} of week ${i}`, author: j % 2 ? 'them' : 'me', done: j < 3 })),
    sharedNotes: `## Week ${i}\n\nNotes about delivery, hiring and growth for week ${i}.`,
    privateNotes: `Private thoughts ${i}`,
    tags: i % 3 ? ['delivery'] : ['growth', 'career'],
    createdAt: `${day(i)}T09:00:00.000Z`,
    updatedAt: `${day(i)}T09:30:00.000Z`,
  }));
  const items: ActionItemRow[] = Array.from({ length: actions }, (_, i) => {
    const m = rows[i % meetings]!;
    const done = i % 3 !== 0;
    return {
      id: `ai-${i}`,
      personId: person.id,
      meetingId: m.id,
      text: `Follow up on item ${i}`,
      owner: i % 2 ? 'me' : 'them',
      ...(i % 4 === 0 ? { due: m.date } : {}),
      done,
      ...(done ? { doneAt: m.updatedAt } : {}),
      open: done ? 0 : 1,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    };
  });
  return { person, meetings: rows, actions: items };
}

export async function seedLongHistory(db: TrellisDatabase, meetings = 500, actions = 2000): Promise<string> {
  const rows = longHistoryRows(meetings, actions);
  await db.people.add(rows.person);
  await db.meetings.bulkAdd(rows.meetings);
  await db.actionItems.bulkAdd(rows.actions);
  return rows.person.id;
}
