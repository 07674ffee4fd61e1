import { describe, expect, it } from 'vitest';

import { inSearchOrder, type LoadRows, SearchEngine } from '../../../renderer/features/search/engine';
import { MAX_FUZZY, MAX_PREFIX, TermDictionary } from '../../../renderer/features/search/terms';
import type { Meeting } from '../../../shared/domain/meetings';

const meeting = (id: string, date: string, sharedNotes: string): Meeting => ({
  id,
  personId: 'p1',
  seriesId: 's1',
  kind: 'one-on-one',
  date,
  agenda: [],
  sharedNotes,
  privateNotes: '',
  tags: [],
  createdAt: `${date}T09:00:00.000Z`,
  updatedAt: `${date}T09:00:00.000Z`,
});

function indexed(meetings: Meeting[]) {
  const rows = new Map(meetings.map((m) => [m.id, m]));
  const load: LoadRows = async (_table, ids) => ids.map((id) => rows.get(id));
  const engine = new SearchEngine();
  engine.putRows('meetings', meetings);
  const ids = async (q: string) => (await engine.search(q, {}, 50, load)).flatMap((g) => g.hits.map((h) => h.recordId));
  return { engine, load, ids };
}

/** One note a month, from January 2022 on: `months` of them, each saying `text`. */
const monthly = (months: number, text: string) =>
  Array.from({ length: months }, (_, i) => {
    const date = `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10`;
    return meeting(`m${i}`, date, `${text} ${i}`);
  });

describe('the term dictionary', () => {
  it('expands a word being typed to the words it begins, closest first, and no further than the cap', () => {
    const dict = new TermDictionary();
    const words = Array.from({ length: MAX_PREFIX + 30 }, (_, i) => `mig${'x'.repeat(1 + (i % 5))}${String.fromCharCode(97 + Math.floor(i / 5))}`);
    dict.add('2026-01', ['mig', 'migrate', ...words]);
    const expanded = dict.expand('mig', { prefix: true, maxDistance: 0 });
    expect(expanded[0]).toMatchObject({ term: 'mig', weight: 1 });
    expect(expanded.length).toBe(1 + MAX_PREFIX);
    // Closest first: every word two letters longer is kept before any three or more longer.
    const kept = new Set(expanded.map((e) => e.term));
    expect(words.filter((w) => w.length === 5).every((w) => kept.has(w))).toBe(true);
    // A longer word weighs less than a shorter one, and less than the word itself.
    const weight = (t: string) => expanded.find((e) => e.term === t)?.weight ?? 0;
    expect(weight('migxa')).toBeLessThan(1);
    expect(weight('migxa')).toBeGreaterThan(weight('migxxa'));
  });

  it('finds near spellings only when asked, capped, and knows which shards have each term', () => {
    const dict = new TermDictionary();
    dict.add('2026-01', ['incident', 'incidents']);
    dict.add('2021-05', ['incident']);
    expect(dict.expand('incdent', { prefix: false, maxDistance: 0 })).toEqual([]);
    const fuzzy = dict.expand('incdent', { prefix: false, maxDistance: 2 });
    expect(fuzzy.map((e) => e.term).sort()).toEqual(['incident', 'incidents']);
    expect([...fuzzy.find((e) => e.term === 'incident')!.shards].sort()).toEqual(['2021-05', '2026-01']);
    const many = new TermDictionary();
    many.add(
      'x',
      Array.from({ length: 40 }, (_, i) => `bake${String.fromCharCode(97 + (i % 26))}${i < 26 ? '' : 'z'}`),
    );
    const near = many.expand('baker', { prefix: false, maxDistance: 2 });
    expect(near[0]).toMatchObject({ term: 'baker', weight: 1 });
    expect(near.length).toBe(1 + MAX_FUZZY);
    // The closest spellings are the ones kept.
    expect(near.slice(1).every((e) => e.distance === 1)).toBe(true);
  });
});

describe('searching across week shards', () => {
  it('ranks the best match first, wherever it is: an exact word in an old week before a longer word in a newer one', async () => {
    const { engine, load } = indexed([meeting('new', '2026-10-01', 'Planning the offsite'), meeting('old', '2023-02-01', 'The plan for the offsite')]);
    const [notes] = await engine.search('offsite plan', {}, 5, load);
    expect(notes!.hits.map((h) => h.recordId)).toEqual(['old', 'new']);
    // And with a typo forgiven: the note that has the other word as typed comes first.
    const { engine: e2, load: l2 } = indexed([
      meeting('near', '2026-10-01', 'Incident: the pages rota'),
      meeting('exact', '2024-02-01', 'Incident: the pager rota'),
    ]);
    const [typo] = await e2.search('pager incdent', {}, 5, l2);
    expect(typo!.hits.map((h) => h.recordId)).toEqual(['exact', 'near']);
  });

  it('asks only the weeks that have every word, and finds a typo in an old week without walking the others', async () => {
    const { engine, ids } = indexed([...monthly(48, 'rollout status'), meeting('rare', '2021-06-01', 'kestrel rollout')]);
    expect(await ids('kestrel')).toEqual(['rare']);
    expect(engine.lastSearch).toMatchObject({ shardsAsked: 1, fuzzy: false });
    expect(await ids('kestrl')).toEqual(['rare']);
    expect(engine.lastSearch).toMatchObject({ shardsAsked: 1, fuzzy: true });
    // Two words, each common, together in one month only.
    expect(await ids('kestrel rollout')).toEqual(['rare']);
    expect(engine.lastSearch?.shardsAsked).toBe(1);
    // A word nowhere: no month is asked, nothing is found.
    expect(await ids('albatross')).toEqual([]);
    expect(engine.lastSearch?.shardsAsked).toBe(0);
  });

  it('stops at the newest weeks once it has plenty, and ranks those hits by score', async () => {
    const many = ['2026-09-10', '2026-10-10', '2026-11-10'].flatMap((date, q) =>
      Array.from({ length: 60 }, (_, i) =>
        meeting(`q${q}-${i}`, date, i === 7 && q === 1 ? 'rollout rollout rollout' : `rollout status ${i} and more words here`),
      ),
    );
    const { engine, load } = indexed([...many, meeting('old', '2023-01-10', 'rollout')]);
    const [notes] = await engine.search('rollout', {}, 5, load);
    expect(notes).toMatchObject({ totalAtLeast: true, total: 120 });
    expect(engine.lastSearch?.shardsAsked).toBe(2);
    // The best of the months read leads, though its month is not the newest.
    expect(notes!.hits[0]!.recordId).toBe('q1-7');
    expect(notes!.hits.some((h) => h.recordId === 'old')).toBe(false);
  });

  it('loads a saved index newest week first, answering from the weeks loaded so far', async () => {
    const { engine, load } = indexed([meeting('a', '2026-11-02', 'heron'), meeting('b', '2021-03-02', 'heron'), meeting('c', '2024-07-02', 'heron')]);
    engine.setDocs('ladder-criterion', [{ id: 'ladder-criterion:x', kind: 'ladder-criterion', recordId: 'x', title: 'Mentoring', body: 'heron' }]);
    const parts = engine.parts({ all: true });
    const shards = new Map(parts.shards);
    const { engine: loading, keys } = SearchEngine.begin(parts.meta);
    expect(keys).toEqual(['undated', '2026-11.1', '2024-07.1', '2021-03.1']);
    expect(keys).toEqual(inSearchOrder([...shards.keys()]));
    loading.loadShard(keys[0]!, shards.get(keys[0]!)!);
    loading.loadShard(keys[1]!, shards.get(keys[1]!)!);
    const first = await loading.search('heron', {}, 5, load);
    expect(first.flatMap((g) => g.hits.map((h) => h.recordId))).toEqual(['a', 'x']);
    for (const key of keys.slice(2)) loading.loadShard(key, shards.get(key)!);
    // Loaded whole, the dictionary knows every month's words: prefixes and typos as before.
    const all = async (q: string) => (await loading.search(q, {}, 5, load)).flatMap((g) => g.hits.map((h) => h.recordId)).sort();
    expect(await all('hero')).toEqual(['a', 'b', 'c', 'x']);
    expect(await all('herron')).toEqual(['a', 'b', 'c', 'x']);
  });
});
