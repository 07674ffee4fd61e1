import type { SearchFilters, SearchGroup } from './engine';
import type { SearchDoc } from './kinds';

/** Messages between the page and the search worker. */
export type ToWorker =
  /**
   * `generation` names the database's contents (db/search-index-store.ts); `persist` false keeps
   * the index in memory only. `key`: the passphrase lock's data key while unlocked (a
   * non-extractable CryptoKey, cloned, not exported), so the worker can read encrypted fields;
   * null when the lock is off. With a key the index is never saved.
   */
  | { type: 'start'; database: string; generation: string; persist: boolean; key: CryptoKey | null }
  | { type: 'docs'; kind: string; docs: SearchDoc[] }
  | { type: 'search'; id: number; query: string; filters: SearchFilters; perKind: number }
  | { type: 'stop' };

export interface IndexStatus {
  state: 'building' | 'ready' | 'failed';
  /** Documents indexed so far. */
  documents: number;
  /** ms from start to ready (the whole build), once ready. */
  buildMs?: number;
  /** Whether the index was loaded as saved at the last run (then brought up to date) or built from the records. */
  from?: 'saved' | 'built';
  error?: string;
}

export type FromWorker =
  { type: 'status'; status: IndexStatus } | { type: 'results'; id: number; groups: SearchGroup[]; ms: number } | { type: 'error'; id: number; message: string };
