/**
 * The bench helper page: served from the app's origin, so it reaches the app's own IndexedDB.
 * It seeds a profile with a generated sample through the app's loader, picks the people and
 * meetings the screen figures open, and times imports in native IndexedDB.
 */
import Dexie from 'dexie';

import { toActionItemRow } from '../../../../renderer/db/action-items';
import { DATABASE_NAME, TrellisDatabase } from '../../../../renderer/db/database';
import { importRows, loadSample } from '../../../../renderer/db/sample';
import type { ActionItem } from '../../../../shared/domain/meetings';
import { generateSample, type SampleSizeName } from '../../../../shared/sample';

export interface Picks {
  /** The person with the longest history, their series and newest meeting. */
  personId: string;
  seriesId: string;
  meetingId: string;
  meetings: number;
  actionItems: number;
  /** Of the people with a finished manager assessment, the one with the longest history, and their newest one (growth figures). */
  assessedPersonId: string | null;
  assessmentId: string | null;
  /** People who are not archived, and open follow-ups (what the heatmap and the inbox hold). */
  activePeople: number;
  openFollowUps: number;
}

async function seed(size: SampleSizeName, seed: string, today: string): Promise<{ generateMs: number; loadMs: number; rows: number }> {
  const t0 = performance.now();
  // Validated in the unit tests; here the benchmark only needs the rows.
  const sample = generateSample({ size, seed, today, validate: false });
  const t1 = performance.now();
  const db = new TrellisDatabase(DATABASE_NAME);
  await loadSample(db, sample, { chunkSize: 10_000 });
  db.close();
  const rows = Object.values(sample.tables).reduce((n, t) => n + t.length, 0);
  return { generateMs: t1 - t0, loadMs: performance.now() - t1, rows };
}

async function pick(): Promise<Picks | null> {
  const db = new TrellisDatabase(DATABASE_NAME);
  try {
    const counts = new Map<string, number>();
    await db.meetings.orderBy('[personId+date]').eachKey((key) => {
      const personId = (key as [string, string])[0];
      counts.set(personId, (counts.get(personId) ?? 0) + 1);
    });
    const [personId, meetings] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!personId) return null;
    const series = (await db.series.where('personId').equals(personId).toArray()).find((s) => !s.archived);
    const newest = await db.meetings.where('[personId+date]').between([personId, Dexie.minKey], [personId, Dexie.maxKey]).last();
    if (!series || !newest) return null;
    // The helper may read whole tables: it is not a screen. A few thousand assessments at large.
    const finished = (await db.assessments.toArray()).filter((a) => a.kind === 'manager' && a.status === 'finished');
    const assessed = [...new Set(finished.map((a) => a.personId))].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b))[0] ?? null;
    const newestAssessment = finished.filter((a) => a.personId === assessed).sort((a, b) => b.date.localeCompare(a.date) || b.revision - a.revision)[0];
    return {
      personId,
      seriesId: series.id,
      meetingId: newest.id,
      meetings: meetings!,
      actionItems: await db.actionItems.where('[personId+createdAt]').between([personId, Dexie.minKey], [personId, Dexie.maxKey]).count(),
      assessedPersonId: assessed,
      assessmentId: newestAssessment?.id ?? null,
      activePeople: (await db.people.toArray()).filter((p) => !p.archived).length,
      openFollowUps: await db.followUps.where('[open+due]').between([1, Dexie.minKey], [1, Dexie.maxKey]).count(),
    };
  } finally {
    db.close();
  }
}

/** `count` realistic action items: the medium sample's, repeated under new ids. */
function actionItems(count: number): ActionItem[] {
  const base = generateSample({ size: 'medium', seed: 'import', today: '2026-11-16', validate: false }).tables.actionItems;
  return Array.from({ length: count }, (_, i) => ({ ...base[i % base.length]!, id: `import-${i}` }));
}

/**
 * Rows per second of the app's import path (importRows: stored-row mapping, chunked
 * transactions) and of one bare Dexie bulkAdd of the same stored rows, each into a fresh
 * database, alternating which goes first.
 */
async function importRates(count: number, rounds: number): Promise<{ app: number[]; bare: number[] }> {
  const rows = actionItems(count);
  const app: number[] = [];
  const bare: number[] = [];
  const fresh = async (label: string) => {
    const db = new TrellisDatabase(`bench-import-${label}-${crypto.randomUUID()}`);
    await db.open();
    return db;
  };
  const time = async (label: string, work: (db: TrellisDatabase) => Promise<unknown>) => {
    const db = await fresh(label);
    const start = performance.now();
    await work(db);
    const rate = count / ((performance.now() - start) / 1000);
    if ((await db.actionItems.count()) !== count) throw new Error(`${label} import wrote the wrong number of rows`);
    db.close();
    await Dexie.delete(db.name);
    return rate;
  };
  const viaApp = () => time('app', (db) => importRows(db, 'actionItems', rows));
  const viaBare = () => time('bare', (db) => db.actionItems.bulkAdd(rows.map(toActionItemRow)));
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      app.push(await viaApp());
      bare.push(await viaBare());
    } else {
      bare.push(await viaBare());
      app.push(await viaApp());
    }
  }
  return { app, bare };
}

Object.assign(window, { __bench: { seed, pick, importRates } });
document.title = 'Trellis bench helper (ready)';
