/**
 * What the search figures type, as a user would: whole words, prefixes, two words, a typo. The
 * Chromium figure (chromium/figures/50-search.ts) and the worker's Node figure (search-engine.bench.ts)
 * type the same, so their numbers can be read side by side.
 */
export const SEARCH_QUERIES = [
  'roadmap',
  'migr',
  'hiring plan',
  'feedback',
  'promotion',
  'incdent',
  'on-call',
  'budget',
  'deadline',
  'mentoring',
  'perf review',
  'onboard',
] as const;
