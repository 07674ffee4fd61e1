import { searchGeneration } from '../../db/search-index-store';
import type { SearchFilters, SearchGroup } from './engine';
import type { SearchDoc } from './kinds';
import type { FromWorker, IndexStatus, ToWorker } from './protocol';
import { statusNotices } from './status-notices';

/**
 * The page's side of the search worker: one worker per window, started once, asked by id so a
 * late answer is matched to its own question.
 */
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: SearchAnswer) => void; reject: (e: Error) => void }>();
const statusListeners = new Set<(s: IndexStatus) => void>();
/** While the index builds, the page hears of its progress at most this often (status-notices.ts). */
const BUILDING_NOTICE_MS = 500;
const notices = statusNotices((s) => {
  for (const l of statusListeners) l(s);
}, BUILDING_NOTICE_MS);
/** Documents pushed before the worker started, sent when it does. */
const pushed = new Map<string, SearchDoc[]>();

export interface SearchAnswer {
  groups: SearchGroup[];
  /** Time the worker spent on the query. */
  ms: number;
}

const send = (message: ToWorker) => worker?.postMessage(message);

export interface StartOptions {
  /**
   * Save the index beside the data so the next start need not build it again (the default). Never
   * with a `key`: the index holds the words of private notes in the clear.
   */
  persist?: boolean;
  /** With the passphrase lock on, the data key: the worker decrypts with it and keeps what it indexes in memory only. */
  key?: CryptoKey | null;
}

/** Starts indexing the database (no-op once started). */
export function startSearchIndex(database: string, { persist = true, key = null }: StartOptions = {}): void {
  if (worker) return;
  worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.type === 'status') notices.report(m.status);
    else {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.type === 'results') p?.resolve({ groups: m.groups, ms: m.ms });
      else p?.reject(new Error(m.message));
    }
  };
  worker.onerror = () =>
    notices.report({ state: 'failed', documents: notices.current.documents, error: 'Search stopped working; restart Trellis to search again.' });
  send({ type: 'start', database, generation: searchGeneration(database), persist: persist && key === null, key });
  for (const [kind, docs] of pushed) send({ type: 'docs', kind, docs });
}

/**
 * Ends the worker and with it the index (what a lock must do: the index holds private notes).
 * The next `startSearchIndex` builds it again.
 */
export function stopSearchIndex(): void {
  send({ type: 'stop' });
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(new Error('Search was stopped'));
  pending.clear();
  notices.reset();
}

/** Replaces every document of a kind the page provides (ladder criteria). */
export function pushSearchDocs(kind: string, docs: SearchDoc[]): void {
  pushed.set(kind, docs);
  send({ type: 'docs', kind, docs });
}

export function searchStatus(): IndexStatus {
  return notices.current;
}

export function onSearchStatus(listener: (s: IndexStatus) => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

export function search(query: string, filters: SearchFilters = {}, perKind = 5): Promise<SearchAnswer> {
  if (!worker) return Promise.resolve({ groups: [], ms: 0 });
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    send({ type: 'search', id, query, filters, perKind });
  });
}
