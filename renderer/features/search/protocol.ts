import type { SearchFilters, SearchGroup } from './engine';
import type { SearchDoc } from './kinds';

/** Messages between the page and the search worker. */
export type ToWorker =
  /**
   * `key`: the passphrase lock's data key while unlocked (a non-extractable CryptoKey, cloned, not
   * exported), so the worker can read encrypted fields; null when the lock is off.
   */
  | { type: 'start'; database: string; key: CryptoKey | null }
  | { type: 'docs'; kind: string; docs: SearchDoc[] }
  | { type: 'search'; id: number; query: string; filters: SearchFilters; perKind: number }
  | { type: 'stop' };

export interface IndexStatus {
  state: 'building' | 'ready' | 'failed';
  /** Documents indexed so far. */
  documents: number;
  /** ms from start to ready (the whole build), once ready. */
  buildMs?: number;
  error?: string;
}

export type FromWorker =
  { type: 'status'; status: IndexStatus } | { type: 'results'; id: number; groups: SearchGroup[]; ms: number } | { type: 'error'; id: number; message: string };
