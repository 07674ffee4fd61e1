import { type SampleData, type SampleTableName, sampleTableNames, type SampleTables } from '../../shared/sample';
import { toActionItemRow } from './action-items';
import type { MeetingRef, SeriesRow, TrellisDatabase } from './database';

/** How a generated (domain) row is stored, for the tables whose stored rows carry index fields. */
const stored: { [K in SampleTableName]?: (row: SampleTables[K][number]) => unknown } = {
  actionItems: toActionItemRow,
};

export interface LoadOptions {
  /** Rows per transaction: each chunk is one bulkAdd in its own transaction. */
  chunkSize?: number;
  onProgress?: (loaded: number, total: number) => void;
}

/** The sample only goes into a database with nothing in it: it never mixes with a user's own data. */
export class DatabaseNotEmptyError extends Error {
  constructor(readonly table: string) {
    super(`The sample data can only be loaded into an empty database, and ${table} already has rows.`);
    this.name = 'DatabaseNotEmptyError';
  }
}

/**
 * Writes `rows` into `table` with bulkAdd, `chunkSize` rows per transaction, so a large import
 * neither holds one huge transaction open nor pays a transaction per row. All or nothing per
 * chunk; an id that is already there fails its chunk with Dexie's BulkError.
 */
export async function importRows<K extends SampleTableName>(
  db: TrellisDatabase,
  table: K,
  rows: readonly SampleTables[K][number][],
  { chunkSize = 5_000, onChunk }: { chunkSize?: number; onChunk?: (n: number) => void } = {},
): Promise<void> {
  const target = db.table(table);
  const toStored = stored[table] as ((row: SampleTables[K][number]) => unknown) | undefined;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const records = toStored ? chunk.map(toStored) : chunk;
    await db.transaction('rw', target, () => target.bulkAdd(records));
    onChunk?.(chunk.length);
  }
}

/** Each series with its newest meeting, as SeriesRow stores it. */
function withLatestMeetings(sample: SampleData): SampleTables['series'] {
  const latest = new Map<string, MeetingRef>();
  for (const m of sample.tables.meetings) {
    if (!m.seriesId) continue;
    const known = latest.get(m.seriesId);
    if (!known || m.date > known.date) latest.set(m.seriesId, { id: m.id, date: m.date });
  }
  return sample.tables.series.map((s): SeriesRow => ({ ...s, latestMeeting: latest.get(s.id) ?? null }));
}

/** Loads a generated sample (shared/sample) into an empty database, table by table. */
export async function loadSample(db: TrellisDatabase, sample: SampleData, options: LoadOptions = {}): Promise<void> {
  for (const table of sampleTableNames) {
    if ((await db.table(table).limit(1).primaryKeys()).length > 0) throw new DatabaseNotEmptyError(table);
  }
  const total = sampleTableNames.reduce((n, t) => n + sample.tables[t].length, 0);
  let loaded = 0;
  const rows = { ...sample.tables, series: withLatestMeetings(sample) };
  for (const table of sampleTableNames) {
    await importRows(db, table, rows[table], {
      chunkSize: options.chunkSize,
      onChunk: (n) => {
        loaded += n;
        options.onProgress?.(loaded, total);
      },
    });
  }
}
