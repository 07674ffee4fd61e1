import Dexie, { type EntityTable } from 'dexie';

/**
 * Where the search worker keeps its index between starts, so that a restart does not read five
 * years of notes again. It is a database of its own beside the data (`<name>-search-index`):
 * derived, never backed up, and thrown away whenever it might not match the data.
 *
 * Two things make a saved index trustworthy:
 * - a **generation** token the page keeps per data database (localStorage). Anything that
 *   replaces the data wholesale — a restore, a fresh sample team — renews it first, so an index
 *   saved before (even by a worker still running then) no longer matches and is rebuilt;
 * - a **journal** of the records changed since the index was saved: the worker writes a change
 *   here before it applies it, and a save drops exactly the entries it contains. At the next
 *   start those records are read again, so a change made after the last save is not lost when
 *   the app quits or crashes before the next save. (The worker hears of a write a few
 *   milliseconds after it commits; a crash inside that moment can leave that one record stale in
 *   the index until it is next written. Records added or deleted then are still found: a start
 *   compares the index's record ids with the tables' keys.)
 */

/**
 * One part of the saved index: `meta` (the index's own facts, with the generation, signature and
 * journal position checked at load) or `shard:<week>` (one week's documents, engine.ts `shardOf`).
 * A save rewrites only the weeks that changed, all in one transaction.
 */
export interface SavedIndexPart {
  key: string;
  /** JSON made by SearchEngine.parts(). */
  json: string;
  /** On `meta` only. */
  generation?: string;
  /** Search's own format and the kinds' versions (engine.ts): a different app rebuilds. */
  signature?: string;
  /** The last journal entry the index contains. */
  journalSeq?: number;
  savedAt?: string;
}

export interface JournalEntry {
  seq?: number;
  table: string;
  /** Primary keys written or deleted; empty with `all` when the whole table changed. */
  ids: string[];
  all: boolean;
}

export class SearchIndexStore extends Dexie {
  saved!: EntityTable<SavedIndexPart, 'key'>;
  journal!: EntityTable<JournalEntry, 'seq'>;

  constructor(database: string) {
    super(searchIndexStoreName(database));
    this.version(1).stores({ saved: 'key', journal: '++seq' });
  }
}

export const searchIndexStoreName = (database: string) => `${database}-search-index`;

const generationKey = (database: string) => `trellis.search-generation.${database}`;

/** The current generation of a data database's contents (made the first time it is asked for). */
export function searchGeneration(database: string, storage: Storage | undefined = globalThis.localStorage): string {
  const kept = storage?.getItem(generationKey(database));
  if (kept) return kept;
  return renewSearchGeneration(database, storage);
}

/**
 * Call before replacing a database's contents wholesale: every index saved for what was there
 * before stops matching, whoever saves it.
 */
export function renewSearchGeneration(database: string, storage: Storage | undefined = globalThis.localStorage): string {
  const next = crypto.randomUUID();
  try {
    storage?.setItem(generationKey(database), next);
  } catch {
    // No room to note it: the index saved for the old contents must then go with certainty.
    void forgetSearchIndex(database);
  }
  return next;
}

/** Deletes the saved index of a data database (a sample team that ends, the lock turned on). */
export async function forgetSearchIndex(database: string): Promise<void> {
  await Dexie.delete(searchIndexStoreName(database));
}
