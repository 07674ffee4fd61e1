/**
 * The public surface of Search: the hooks and pieces the command palette (and later a search
 * screen) shows results with. The index itself is started by app/App.tsx (Indexer, lazily).
 */
export { startSearchIndex, stopSearchIndex } from './client';
export type { SearchFilters, SearchGroup, SearchHit } from './engine';
export { useSearchResults, useSearchStatus } from './hooks';
export { searchKind, searchKinds } from './kinds';
export { openSearchHit } from './open';
export type { IndexStatus } from './protocol';
export { Snippet } from './Snippet';
