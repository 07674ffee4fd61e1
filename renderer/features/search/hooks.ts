import { useEffect, useState, useSyncExternalStore } from 'react';

import { onSearchStatus, search, type SearchAnswer, searchStatus } from './client';
import type { SearchFilters } from './engine';
import type { IndexStatus } from './protocol';

/** The index's state, live. */
export function useSearchStatus(): IndexStatus {
  return useSyncExternalStore(onSearchStatus, searchStatus);
}

export type SearchState =
  { status: 'idle' } | { status: 'searching'; last: SearchAnswer | null } | { status: 'ready'; answer: SearchAnswer } | { status: 'error'; error: string };

/**
 * Results for the query as the user types: each keystroke asks the worker (it answers in a few
 * ms), a newer question wins over a late answer, and the last answer stays while the next runs.
 * Asked again when the index grows, so results fill in while it is still being built.
 */
export function useSearchResults(query: string, filters: SearchFilters = {}, perKind = 5): SearchState {
  const [latest, setLatest] = useState<{ question: string; answer?: SearchAnswer; error?: string } | null>(null);
  const index = useSearchStatus();
  const building = index.state === 'building' ? index.documents : -1;
  const question = JSON.stringify([query.trim(), filters, perKind, building]);
  useEffect(() => {
    const [q, f, n] = JSON.parse(question) as [string, SearchFilters, number];
    if (!q) return;
    let current = true;
    search(q, f, n).then(
      (answer) => current && setLatest({ question, answer }),
      (e: unknown) => current && setLatest({ question, error: e instanceof Error ? e.message : 'Search failed' }),
    );
    return () => {
      current = false;
    };
  }, [question]);
  if (!query.trim()) return { status: 'idle' };
  if (latest?.question === question)
    return latest.answer ? { status: 'ready', answer: latest.answer } : { status: 'error', error: latest.error ?? 'Search failed' };
  return { status: 'searching', last: latest?.answer ?? null };
}
