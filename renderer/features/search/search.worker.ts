/// <reference lib="webworker" />
import Dexie from 'dexie';

import { lockStateFor, TrellisDatabase } from '../../db/database';
import { type JournalEntry, SearchIndexStore } from '../../db/search-index-store';
import { tableChanges } from './changes';
import { indexSignature, SearchEngine } from './engine';
import type { SearchDoc } from './kinds';
import type { FromWorker, IndexStatus, ToWorker } from './protocol';

/**
 * The search index lives here: built from IndexedDB the first time, kept current from Dexie's
 * change notices, and saved beside the data (db/search-index-store.ts) so the next start loads it
 * instead of reading every record again. It never leaves this worker except as the few hits a
 * query shows. With the passphrase lock on, the page hands over the data key with 'start' (the
 * only way this worker can read encrypted fields) and the index is never saved: it holds the
 * words of private notes, decrypted. Locking ends the worker, and that index with it.
 */

const PAGE = 1000;
/** A save waits at least this long after a change, and 50 times as long as the last save took. */
const SAVE_AFTER_MS = 60_000;
const scope = self as unknown as DedicatedWorkerGlobalScope;
let engine = new SearchEngine();
let db: TrellisDatabase | null = null;
let status: IndexStatus = { state: 'building', documents: 0 };
/** Changes are applied one batch at a time, after the first build. */
let queue: Promise<void> = Promise.resolve();
/**
 * What the page pushed last, by kind (ladder criteria). Set on whichever engine answers now, and
 * again on the engine a load or a build ends with: a saved index holds last run's.
 */
const pagePushed = new Map<string, SearchDoc[]>();
/** While a saved index loads, the engine answering is the part loaded so far; pushes wait for the end. */
let loading = false;

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

/** Reads these rows of a table again: present ones replace their documents, missing ones are removed. */
async function rereadRows(database: TrellisDatabase, table: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += PAGE) {
    const page = ids.slice(i, i + PAGE);
    const rows = await database.table<{ id: string }, string>(table).bulkGet(page);
    engine.putRows(
      table,
      rows.filter((r): r is { id: string } => r !== undefined),
    );
    engine.removeRecords(
      table,
      page.filter((_, j) => rows[j] === undefined),
    );
  }
}

async function applyChange(database: TrellisDatabase, table: string, change: { ids: readonly string[]; all: boolean }): Promise<void> {
  const tables = table === '*' ? engine.tableNames : engine.tableNames.includes(table) ? [table] : [];
  for (const t of tables) {
    if (change.all || table === '*') {
      engine.clearTable(t);
      await readTable(database, t);
    } else {
      await rereadRows(database, t, change.ids);
    }
  }
}

/**
 * Makes a loaded index match the tables' rows as they are: records added or deleted behind its
 * back (a change whose journal entry was never written) are found by their keys alone.
 */
async function reconcile(database: TrellisDatabase): Promise<void> {
  for (const table of engine.tableNames) {
    const keys = (await database.table(table).toCollection().primaryKeys()) as string[];
    const known = engine.recordIds(table);
    const present = new Set(keys);
    const added = keys.filter((k) => !known.has(k));
    const gone = [...known].filter((k) => !present.has(k));
    if (added.length > 0) await rereadRows(database, table, added);
    if (gone.length > 0) engine.removeRecords(table, gone);
  }
}

/** Saving the index: what it contains, and when the next save may run. */
class Saver {
  private appliedSeq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSaveMs = 0;
  /** The engine was built afresh: its first save replaces everything saved before. */
  private full = true;

  constructor(
    private readonly store: SearchIndexStore,
    private readonly generation: string,
  ) {}

  /**
   * The saved index, when it was made for these contents by this version of search; else null.
   * Its weeks are read one at a time, newest first, and `onPart` gets the engine after each, so
   * that recent records are searchable while older weeks still load. A part missing throws.
   */
  async load(onPart: (engine: SearchEngine, loaded: number, of: number) => void): Promise<{ engine: SearchEngine; pending: JournalEntry[] } | null> {
    const meta = await this.store.saved.get('meta');
    if (!meta || meta.generation !== this.generation || meta.signature !== indexSignature() || meta.journalSeq === undefined) return null;
    const { engine: loaded, keys } = SearchEngine.begin(meta.json);
    for (const [i, key] of keys.entries()) {
      const part = await this.store.saved.get(`shard:${key}`);
      if (!part) throw new Error(`The saved search index lacks its part ${key}`);
      loaded.loadShard(key, part.json);
      onPart(loaded, i + 1, keys.length);
    }
    const pending = await this.store.journal.where('seq').above(meta.journalSeq).toArray();
    this.appliedSeq = pending.at(-1)?.seq ?? meta.journalSeq;
    this.full = false;
    return { engine: loaded, pending };
  }

  /** Notes a change before it is applied; returns the entry's number, to pass to `applied`. */
  async journal(table: string, change: { ids: readonly string[]; all: boolean }): Promise<number> {
    return (await this.store.journal.add({ table, ids: change.all ? [] : [...change.ids], all: change.all }))!;
  }

  applied(seq: number): void {
    this.appliedSeq = Math.max(this.appliedSeq, seq);
    if (this.timer === null) this.timer = setTimeout(() => (queue = queue.then(() => this.save())), Math.max(SAVE_AFTER_MS, this.lastSaveMs * 50));
  }

  /**
   * Writes the weeks changed since the last save and the index's facts, and drops the journal
   * entries they contain, in one transaction. The first save of a freshly built index replaces
   * whatever was saved before. It begins only in a pause between queries (at five years a save
   * serialises for a while, and a query would wait behind it).
   */
  async save(): Promise<void> {
    this.timer = null;
    await betweenQueries();
    const started = performance.now();
    const upTo = this.appliedSeq;
    const parts = engine.parts();
    const full = this.full;
    await this.store.transaction('rw', this.store.saved, this.store.journal, async () => {
      if (full) await this.store.saved.clear();
      // One week serialised and written at a time, so the whole index is never one string in memory.
      for (const [key, json] of parts.shards) await this.store.saved.put({ key: `shard:${key}`, json });
      await this.store.saved.put({
        key: 'meta',
        json: parts.meta,
        generation: this.generation,
        signature: indexSignature(),
        journalSeq: upTo,
        savedAt: new Date().toISOString(),
      });
      await this.store.journal.where('seq').belowOrEqual(upTo).delete();
    });
    this.full = false;
    this.lastSaveMs = performance.now() - started;
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.store.close();
  }
}

let saver: Saver | null = null;

/** Background work (saving) waits until no query has come for this long. */
const QUIET_MS = 1500;
let lastQueryAt = Number.NEGATIVE_INFINITY;

/** Resolves once the user has not searched for QUIET_MS. */
async function betweenQueries(): Promise<void> {
  for (;;) {
    const wait = lastQueryAt + QUIET_MS - performance.now();
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

function setPagePushed(): void {
  for (const [kind, docs] of pagePushed) engine.setDocs(kind, docs);
}

/** Saving is a convenience: when the store fails (a full disk, a store deleted meanwhile), search goes on in memory. */
async function whileSaving<T>(work: (s: Saver) => Promise<T>): Promise<T | undefined> {
  if (!saver) return undefined;
  try {
    return await work(saver);
  } catch {
    saver.stop();
    saver = null;
    return undefined;
  }
}

async function build(start: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const started = performance.now();
  // Reads only: the worker never writes, so the scope (what to encrypt on write) stays unset.
  lockStateFor(start.database).set({ key: start.key, scope: null });
  const database = new TrellisDatabase(start.database);
  db = database;
  // Never saved while the lock is on (a key came): it would put decrypted words on disk.
  if (start.persist && start.key === null) saver = new Saver(new SearchIndexStore(start.database), start.generation);
  // Changes made while the index loads or builds are applied after it, on rows read again then.
  const onChange = (parts: Record<string, unknown>) => {
    const changes = tableChanges(parts, start.database);
    if (changes.size === 0) return;
    queue = queue.then(async () => {
      for (const [table, change] of changes) {
        const seq = await whileSaving((s) => s.journal(table, { ids: [...change.ids], all: change.all }));
        await applyChange(database, table, { ids: [...change.ids], all: change.all });
        if (seq !== undefined) saver?.applied(seq);
      }
      report({ ...status, documents: engine.documentCount });
    });
  };
  Dexie.on('storagemutated', onChange);
  queue = queue.then(async () => {
    try {
      let loaded: Awaited<ReturnType<Saver['load']>> | undefined;
      loading = true;
      try {
        loaded = await whileSaving((s) =>
          s.load((partial, parts, of) => {
            // Recent weeks answer as soon as they are in; the count says how far it has got.
            engine = partial;
            if (parts < of) report({ state: 'building', documents: partial.documentCount });
          }),
        );
      } finally {
        loading = false;
      }
      if (loaded) {
        engine = loaded.engine;
        setPagePushed();
        for (const entry of loaded.pending) await applyChange(database, entry.table, entry);
        await reconcile(database);
        report({ state: 'ready', documents: engine.documentCount, buildMs: performance.now() - started, from: 'saved' });
        return;
      }
      engine = new SearchEngine();
      setPagePushed();
      for (const table of engine.tableNames) await readTable(database, table);
      report({ state: 'ready', documents: engine.documentCount, buildMs: performance.now() - started, from: 'built' });
      await whileSaving((s) => s.save());
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
      if (!db) void build(message);
      break;
    case 'docs':
      pagePushed.set(message.kind, message.docs);
      if (!loading) engine.setDocs(message.kind, message.docs);
      report({ ...status, documents: engine.documentCount });
      break;
    case 'search': {
      const started = performance.now();
      lastQueryAt = started;
      const load = (table: string, ids: readonly string[]) => (db ? db.table(table).bulkGet([...ids]) : Promise.resolve([]));
      engine.search(message.query, message.filters, message.perKind, load).then(
        (groups) => post({ type: 'results', id: message.id, groups, ms: performance.now() - started }),
        (e: unknown) => post({ type: 'error', id: message.id, message: e instanceof Error ? e.message : String(e) }),
      );
      break;
    }
    case 'stop':
      saver?.stop();
      db?.close();
      scope.close();
      break;
  }
};
