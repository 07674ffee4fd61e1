/// <reference lib="webworker" />
import Dexie from 'dexie';

import { lockStateFor, TrellisDatabase } from '../../db/database';
import { tableChanges } from './changes';
import { SearchEngine } from './engine';
import type { FromWorker, IndexStatus, ToWorker } from './protocol';

/**
 * The search index lives here, in memory only: it is built from IndexedDB when the app starts and
 * kept current from Dexie's change notices, and it never leaves this worker except as the few
 * hits a query shows. Nothing of it is written anywhere. With the passphrase lock on, the page
 * hands over the data key with 'start' (the only way this worker can read encrypted fields), and
 * locking ends the worker: the decrypted text it indexed goes with it.
 */

const PAGE = 1000;
const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new SearchEngine();
let db: TrellisDatabase | null = null;
let status: IndexStatus = { state: 'building', documents: 0 };
/** Changes are applied one batch at a time, after the first build. */
let queue: Promise<void> = Promise.resolve();

const post = (message: FromWorker) => scope.postMessage(message);
const report = (next: IndexStatus) => {
  status = next;
  post({ type: 'status', status });
};

async function readTable(database: TrellisDatabase, table: string): Promise<void> {
  let last: string | null = null;
  for (;;) {
    const t = database.table<{ id: string }, string>(table);
    const rows: { id: string }[] = await (last === null ? t.orderBy(':id') : t.where(':id').above(last)).limit(PAGE).toArray();
    if (rows.length === 0) return;
    engine.putRows(table, rows);
    last = rows[rows.length - 1]!.id;
    report({ state: 'building', documents: engine.documentCount });
    if (rows.length < PAGE) return;
  }
}

async function build(name: string, key: CryptoKey | null): Promise<void> {
  const started = performance.now();
  // Reads only: the worker never writes, so the scope (what to encrypt on write) stays unset.
  lockStateFor(name).set({ key, scope: null });
  const database = new TrellisDatabase(name);
  db = database;
  // Changes made while the build reads are applied after it, on rows read again then.
  const onChange = (parts: Record<string, unknown>) => {
    const changes = tableChanges(parts, name);
    if (changes.size === 0) return;
    queue = queue.then(async () => {
      for (const [table, change] of changes) {
        const tables = table === '*' ? engine.tableNames : engine.tableNames.includes(table) ? [table] : [];
        for (const t of tables) {
          if (change.all || table === '*') {
            engine.clearTable(t);
            await readTable(database, t);
            continue;
          }
          const ids = [...change.ids];
          const rows = await database.table<{ id: string }, string>(t).bulkGet(ids);
          engine.putRows(
            t,
            rows.filter((r): r is { id: string } => r !== undefined),
          );
          engine.removeRecords(
            t,
            ids.filter((_, i) => rows[i] === undefined),
          );
        }
      }
      report({ ...status, documents: engine.documentCount });
    });
  };
  Dexie.on('storagemutated', onChange);
  queue = queue.then(async () => {
    try {
      for (const table of engine.tableNames) await readTable(database, table);
      report({ state: 'ready', documents: engine.documentCount, buildMs: performance.now() - started });
    } catch (e) {
      report({ state: 'failed', documents: engine.documentCount, error: e instanceof Error ? e.message : String(e) });
    }
  });
  await queue;
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      if (!db) void build(message.database, message.key);
      break;
    case 'docs':
      engine.setDocs(message.kind, message.docs);
      report({ ...status, documents: engine.documentCount });
      break;
    case 'search': {
      const started = performance.now();
      const load = (table: string, ids: readonly string[]) => (db ? db.table(table).bulkGet([...ids]) : Promise.resolve([]));
      engine.search(message.query, message.filters, message.perKind, load).then(
        (groups) => post({ type: 'results', id: message.id, groups, ms: performance.now() - started }),
        (e: unknown) => post({ type: 'error', id: message.id, message: e instanceof Error ? e.message : String(e) }),
      );
      break;
    }
    case 'stop':
      db?.close();
      scope.close();
      break;
  }
};
