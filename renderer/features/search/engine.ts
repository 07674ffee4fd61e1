import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';

import { fold } from '../../../shared/domain/text';
import { kindsByTable, type SearchDoc, type SearchField, searchFields, searchKind, searchKinds } from './kinds';
import { snippet, type SnippetPart } from './snippet';
import { type Expansion, TermDictionary } from './terms';

/**
 * Words too common to tell records apart: left out of the index (and of queries), which keeps it
 * much smaller at five years of notes.
 */
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have he her his i in is it its me my of on or our she so that the their them they this to was we were with you your'.split(
    ' ',
  ),
);

/** Index and query terms: folded like every search in Trellis (shared/domain/text.ts). */
export function searchTerm(term: string): string | null {
  const folded = fold(term);
  return folded && !STOP_WORDS.has(folded) ? folded : null;
}

/**
 * While documents are added, the terms MiniSearch indexes are noted here too (through its
 * processTerm), so the shared dictionary learns them without a second pass over the text.
 */
let heard: Set<string> | null = null;

function indexTerm(term: string): string | null {
  const t = searchTerm(term);
  if (t !== null && heard !== null) heard.add(t);
  return t;
}

export interface SearchFilters {
  /** Only these kinds (all when absent or empty). */
  kinds?: readonly string[];
  personId?: string;
  /** Inclusive ISO days. */
  from?: string;
  to?: string;
}

export interface SearchHit {
  id: string;
  kind: string;
  recordId: string;
  personId?: string;
  date?: string;
  title: string;
  ref?: string;
  /** The field the snippet comes from: where most of the query matched. */
  field: SearchField;
  /** Index terms that matched, folded: what the snippet marks and the opened screen reveals. */
  terms: string[];
  snippet: SnippetPart[];
}

export interface SearchGroup {
  kind: string;
  label: string;
  /** Matches of this kind in all (hits holds the best `perKind`). */
  total: number;
  /** The search stopped at older weeks once it had plenty: there are at least `total`. */
  totalAtLeast?: true;
  hits: SearchHit[];
}

/** Fewer exact or prefix matches than this, and the query is tried again with typos forgiven. */
const FUZZY_BELOW = 3;
/** Typos are forgiven in words of this many letters or more. */
const FUZZY_FROM = 5;
/** How many letters may differ in a word typed with a typo: a fifth of them, at most two (as before). */
const fuzzyDistance = (word: string) => (word.length >= FUZZY_FROM ? Math.min(2, Math.round(word.length * 0.2)) : 0);

type Stored = Pick<SearchDoc, 'kind' | 'recordId' | 'personId' | 'date' | 'title' | 'ref'>;

const miniOptions = {
  idField: 'id',
  fields: [...searchFields],
  storeFields: ['kind', 'recordId', 'personId', 'date', 'title', 'ref'],
  processTerm: indexTerm,
  searchOptions: {
    boost: { title: 3 },
    combineWith: 'AND',
    // Prefix for the word being typed (from its third letter: "a" would expand to half the vocabulary).
    prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 3,
  },
} satisfies ConstructorParameters<typeof MiniSearch<SearchDoc>>[0];

/**
 * Bump when the engine changes what it indexes or how (fields, stop words, folding, shards); a
 * kind that changes its documents bumps its own `version`. A saved index of another signature is
 * rebuilt.
 */
const ENGINE_FORMAT = 4;

/** What a saved index must have been made by to be used as it is. */
export function indexSignature(): string {
  return [`engine@${ENGINE_FORMAT}`, ...searchKinds().map((k) => `${k.kind}@${k.version ?? 1}`)].join(' ');
}

/** Documents without a date (people, ladder criteria): searched first, always. */
const UNDATED = 'undated';

/**
 * The shard of a document: the week of its date, as the quarter of its month ("2026-07.1" for the
 * 1st to the 7th, .2 to the 14th, .3 to the 21st, .4 to the end), or UNDATED. Keys sort as dates
 * do. A week, not a month: at five years of a large team a month holds 5,000 documents, a common
 * word matches thousands of them and every one is ranked before the search can stop (20 ms and
 * more a month in the worker); a week holds a quarter of that.
 */
export function shardOf(date: string | undefined): string {
  if (!date || !/^\d{4}-\d{2}/.test(date)) return UNDATED;
  const day = Number(date.slice(8, 10)) || 1;
  return `${date.slice(0, 7)}.${Math.min(4, Math.ceil(day / 7))}`;
}

/** Shards in the order a search reads them: undated first, then week by week from the newest. */
export function inSearchOrder(keys: readonly string[]): string[] {
  const dated = keys
    .filter((k) => k !== UNDATED)
    .sort()
    .reverse();
  return keys.includes(UNDATED) ? [UNDATED, ...dated] : dated;
}

/**
 * Once this many matches are collected, older weeks are not searched: the hits shown are the
 * best of the most recent weeks that have any, and the totals say "at least". A word common in
 * five years of notes then costs what it costs in a week or two.
 */
const ENOUGH = 100;

/** One week's documents: its own MiniSearch, and which documents each record has in it. */
interface Shard {
  mini: MiniSearch<SearchDoc>;
  /** The kinds it has (or had) documents of: a search for all of them needs no filter here. */
  kinds: Set<string>;
  /** table → record id → its document ids here (a meeting has several). */
  records: Map<string, Map<string, string[]>>;
}

/** A shard as saved: MiniSearch's own JSON form and the records' documents. */
interface SavedShard {
  mini: ReturnType<MiniSearch<SearchDoc>['toJSON']>;
  records: [string, [string, string[]][]][];
}

interface SavedMeta {
  signature: string;
  shards: string[];
  pushed: [string, SearchDoc[]][];
}

/** What a save writes: the index's own facts, and the shards changed since the last save. */
export interface IndexParts {
  meta: string;
  /** Serialised as they are read: read them at once (a shard changed meanwhile is marked changed again). */
  shards: Iterable<[string, string]>;
  /** How many shards `shards` gives. */
  changed: number;
}

/**
 * Whether a fuzzy pass could find more: some word of the query is in no document, and every such
 * word is long enough to be matched fuzzily — "perf review" with no note holding both words is no
 * typo, and an unknown short word fails the AND however the others are matched.
 */
function worthForgivingTypos(unknown: readonly string[]): boolean {
  return unknown.length > 0 && unknown.every((word) => word.length >= FUZZY_FROM);
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Reads rows of a table by primary key (missing rows come back undefined). */
export type LoadRows = (table: string, ids: readonly string[]) => Promise<readonly unknown[]>;

/**
 * The search index: MiniSearch over every kind's documents, one index per week of their dates,
 * kept up to date record by record. Queries run newest week first and stop once they have
 * plenty (ENOUGH); a change touches one week, and only changed weeks are saved again. It
 * stores no text: snippets are cut from the records themselves, read again for the few hits
 * shown. Pure code, so it is tested in Node; the worker feeds it from IndexedDB.
 */
export class SearchEngine {
  private readonly shards = new Map<string, Shard>();
  /** table → record id → the shard holding its documents. */
  private readonly where = new Map<string, Map<string, string>>();
  /** Documents the page pushes (kinds with no table), by kind, kept whole for their snippets. */
  private readonly pushed = new Map<string, Map<string, SearchDoc>>();
  private readonly tables = kindsByTable();
  /** Shards changed since the last `parts()`. */
  private readonly dirty = new Set<string>();
  /** Every term of every shard: where a query's words are expanded, once. */
  private readonly terms = new TermDictionary();
  /** What the last search did: how many shards it asked, and whether it forgave typos (tests and the bench read it). */
  lastSearch: { shardsAsked: number; fuzzy: boolean } | null = null;

  /** An index saved by `parts()`: throws when the parts are not one, or of another signature. */
  static load(meta: string, shards: ReadonlyMap<string, string>): SearchEngine {
    const { engine, keys } = SearchEngine.begin(meta);
    for (const key of keys) {
      const json = shards.get(key);
      if (json === undefined) throw new Error(`The saved search index lacks its part ${key}`);
      engine.loadShard(key, json);
    }
    return engine;
  }

  /**
   * Starts loading a saved index: an engine with none of its shards yet, and the shards to load
   * with `loadShard`, in the order a search reads them (undated, then the newest week first), so
   * that recent records are searchable while older weeks still load. Throws when `meta` is not
   * an index's facts, or of another signature. Documents the page pushes are to be set again
   * once every shard is in (the saved ones are last run's).
   */
  static begin(meta: string): { engine: SearchEngine; keys: string[] } {
    const parsed = JSON.parse(meta) as Partial<SavedMeta>;
    if (parsed.signature !== indexSignature() || !Array.isArray(parsed.shards) || !Array.isArray(parsed.pushed)) {
      throw new Error('The saved search index is of another format');
    }
    const engine = new SearchEngine();
    for (const [kind, docs] of parsed.pushed) engine.pushed.set(kind, new Map(docs.map((d) => [d.id, d])));
    return { engine, keys: inSearchOrder(parsed.shards) };
  }

  /** Adds one saved shard (a part `parts()` made) to an engine `begin` started. */
  loadShard(key: string, json: string): void {
    const saved = JSON.parse(json) as SavedShard;
    const kinds = new Set(Object.values(saved.mini.storedFields).map((f) => String((f as Partial<Stored>).kind)));
    const shard: Shard = { mini: MiniSearch.loadJS(saved.mini, miniOptions) as MiniSearch<SearchDoc>, records: new Map(), kinds };
    for (const [table, records] of saved.records) {
      shard.records.set(table, new Map(records));
      const where = this.whereIn(table);
      for (const [id] of records) where.set(id, key);
    }
    this.terms.add(
      key,
      saved.mini.index.map(([term]) => term),
    );
    this.shards.set(key, shard);
  }

  /**
   * The index in parts for saving: its facts, and each shard changed since the last call (every
   * shard with `all`). The next `load` needs the latest of every shard the facts list.
   */
  parts({ all = false }: { all?: boolean } = {}): IndexParts {
    const meta: SavedMeta = {
      signature: indexSignature(),
      shards: [...this.shards.keys()],
      pushed: [...this.pushed].map(([kind, docs]) => [kind, [...docs.values()]]),
    };
    const keys = all ? [...this.shards.keys()] : [...this.dirty].filter((k) => this.shards.has(k));
    this.dirty.clear();
    const live = this.shards;
    // Made one at a time as the saver writes them: at five years a week is a few hundred kilobytes, the whole index far more.
    function* shards(): Generator<[string, string]> {
      for (const key of keys) {
        const shard = live.get(key)!;
        const saved: SavedShard = { mini: shard.mini.toJSON(), records: [...shard.records].map(([table, records]) => [table, [...records]]) };
        yield [key, JSON.stringify(saved)];
      }
    }
    return { meta: JSON.stringify(meta), shards: shards(), changed: keys.length };
  }

  get documentCount(): number {
    let count = 0;
    for (const shard of this.shards.values()) count += shard.mini.documentCount;
    return count;
  }

  /** The tables whose rows become documents. */
  get tableNames(): string[] {
    return [...this.tables.keys()];
  }

  /** The record ids the index holds documents for (or knows to have none), in a table. */
  recordIds(table: string): ReadonlySet<string> {
    return new Set(this.where.get(table)?.keys());
  }

  /** Adds or replaces the documents of these rows of a table. */
  putRows(table: string, rows: readonly unknown[]): void {
    const kinds = this.tables.get(table);
    if (!kinds) return;
    for (const row of rows) {
      const id = (row as { id: string }).id;
      this.discardRecord(table, id);
      const docs = kinds.flatMap((k) => k.docs(row));
      // The documents of one row share its date, so its shard; a row with nothing to search is
      // still recorded, so a loaded index knows it was read.
      const key = shardOf(docs[0]?.date ?? (row as { date?: string }).date);
      const shard = this.shard(key);
      if (docs.length > 0) this.indexing(key, () => shard.mini.addAll(docs));
      for (const d of docs) shard.kinds.add(d.kind);
      let records = shard.records.get(table);
      if (!records) shard.records.set(table, (records = new Map()));
      records.set(
        id,
        docs.map((d) => d.id),
      );
      this.whereIn(table).set(id, key);
      this.dirty.add(key);
    }
  }

  /** Removes the documents of these records of a table (deleted rows). */
  removeRecords(table: string, ids: readonly string[]): void {
    for (const id of ids) this.discardRecord(table, id);
  }

  /** Removes every document of a table, before it is read again in full. */
  clearTable(table: string): void {
    for (const id of [...(this.where.get(table)?.keys() ?? [])]) this.discardRecord(table, id);
  }

  /** Replaces every document of a kind that has no table (ladder criteria). */
  setDocs(kind: string, docs: readonly SearchDoc[]): void {
    for (const [id, doc] of this.pushed.get(kind) ?? []) {
      const key = shardOf(doc.date);
      this.shards.get(key)?.mini.discard(id);
      this.dirty.add(key);
    }
    const unique = new Map(docs.filter((d) => d.kind === kind).map((d) => [d.id, d]));
    for (const doc of unique.values()) {
      const key = shardOf(doc.date);
      const shard = this.shard(key);
      this.indexing(key, () => shard.mini.add(doc));
      shard.kinds.add(doc.kind);
      this.dirty.add(key);
    }
    this.pushed.set(kind, unique);
  }

  /**
   * The best `perKind` hits of each kind for the query, grouped in the kinds' order, with
   * snippets: undated documents first, then week by week from the newest, until ENOUGH
   * matches are found (then totals are lower bounds). An empty query finds nothing.
   */
  async search(query: string, filters: SearchFilters, perKind: number, load: LoadRows): Promise<SearchGroup[]> {
    if (!query.trim()) return [];
    const wanted = filters.kinds && filters.kinds.length > 0 ? new Set(filters.kinds) : null;
    const filter = (r: SearchResult) => {
      const s = r as unknown as Stored;
      return (
        (!wanted || wanted.has(s.kind)) &&
        (!filters.personId || s.personId === filters.personId) &&
        (!filters.from || (s.date !== undefined && s.date >= filters.from)) &&
        (!filters.to || (s.date !== undefined && s.date <= filters.to))
      );
    };
    // The filter runs on every match: it is left out where it would let every one through.
    const options = (shard: Shard): SearchOptions =>
      filters.personId || filters.from || filters.to || (wanted && [...shard.kinds].some((k) => !wanted.has(k))) ? { filter } : {};
    const words = tokenize(query)
      .map(searchTerm)
      .filter((w): w is string => w !== null);
    if (words.length === 0) return [];
    const stats = { shardsAsked: 0, fuzzy: false };
    this.lastSearch = stats;
    const shards = this.searchOrder(filters);
    // Exact and prefix matches first; only when they find next to nothing, and a word of the query
    // is one the index does not know, are typos forgiven. Each word is expanded once, in the
    // shared dictionary; each week is then asked only for the terms it has.
    const last = words.length - 1;
    const plain = words.map((w, i) => this.terms.expand(w, { prefix: i === last && w.length >= 3, maxDistance: 0 }));
    const unknown = words.filter((_, i) => plain[i]!.length === 0);
    // A word no document has makes the AND find nothing: no need to ask any week.
    let found = unknown.length > 0 ? { results: [], complete: true } : this.collect(shards, plain, options, stats);
    if (found.results.length < FUZZY_BELOW && worthForgivingTypos(unknown)) {
      const fuzzy = words.map((w, i) => this.terms.expand(w, { prefix: i === last && w.length >= 3, maxDistance: fuzzyDistance(w) }));
      const again = fuzzy.some((e) => e.length === 0) ? { results: [], complete: true } : this.collect(shards, fuzzy, options, stats);
      stats.fuzzy = true;
      if (again.results.length > found.results.length) found = again;
    }
    const groups = new Map<string, { total: number; results: SearchResult[] }>();
    for (const r of found.results) {
      const kind = (r as unknown as Stored).kind;
      let g = groups.get(kind);
      if (!g) groups.set(kind, (g = { total: 0, results: [] }));
      g.total++;
      if (g.results.length < perKind) g.results.push(r);
    }
    const shown = [...groups.values()].flatMap((g) => g.results);
    const texts = await this.textsOf(shown, load);
    return searchKinds()
      .filter((k) => groups.has(k.kind))
      .map((k) => {
        const g = groups.get(k.kind)!;
        return {
          kind: k.kind,
          label: k.label,
          total: g.total,
          ...(found.complete ? {} : { totalAtLeast: true }),
          hits: g.results.map((r) => toHit(r, texts.get(String(r.id)))),
        };
      });
  }

  /** The shards a query reads, in order: undated, then newest first, none wholly outside the dates asked for. */
  private searchOrder(filters: SearchFilters): [string, Shard][] {
    const from = filters.from && shardOf(filters.from);
    const to = filters.to && shardOf(filters.to);
    const keys = inSearchOrder([...this.shards.keys()]).filter((k) =>
      filters.from || filters.to ? k !== UNDATED && (!from || k >= from) && (!to || k <= to) : true,
    );
    return keys.flatMap((k) => {
      const shard = this.shards.get(k);
      return shard ? [[k, shard] as [string, Shard]] : [];
    });
  }

  /**
   * Searches the shards that have every word (in one of its expansions), in order, until ENOUGH
   * results; then ranks what it found as one list, best first, wherever it came from.
   */
  private collect(
    shards: readonly [string, Shard][],
    words: readonly Expansion[][],
    options: (shard: Shard) => SearchOptions,
    stats: { shardsAsked: number },
  ): { results: SearchResult[]; complete: boolean } {
    const candidates = shards.filter(([key]) => words.every((expansions) => expansions.some((e) => e.shards.has(key))));
    const results: SearchResult[] = [];
    let complete = true;
    for (let i = 0; i < candidates.length; i++) {
      const [key, shard] = candidates[i]!;
      stats.shardsAsked++;
      // Every word must match (AND), in any of the terms it was expanded to (OR), each weighted.
      const query: Query = {
        combineWith: 'AND',
        queries: words.map((expansions) => ({
          combineWith: 'OR',
          queries: expansions.filter((e) => e.shards.has(key)).map((e) => ({ queries: [e.term], boostTerm: () => e.weight })),
        })),
      };
      for (const r of shard.mini.search(query, { ...options(shard), prefix: false, fuzzy: false })) {
        // MiniSearch multiplies a score by how many terms matched; here those are the expansions
        // of a word, and a note that has "plan" and "planning" is no better for it.
        r.score /= r.queryTerms.length || 1;
        results.push(r);
      }
      if (results.length >= ENOUGH && i < candidates.length - 1) {
        complete = false;
        break;
      }
    }
    results.sort((x, y) => y.score - x.score);
    return { results, complete };
  }

  /** Runs `add` with the terms it indexes noted in the dictionary as the shard's. */
  private indexing(key: string, add: () => void): void {
    heard = new Set();
    try {
      add();
      this.terms.add(key, heard);
    } finally {
      heard = null;
    }
  }

  private shard(key: string): Shard {
    let shard = this.shards.get(key);
    if (!shard) this.shards.set(key, (shard = { mini: new MiniSearch<SearchDoc>(miniOptions), records: new Map(), kinds: new Set() }));
    return shard;
  }

  private whereIn(table: string): Map<string, string> {
    let where = this.where.get(table);
    if (!where) this.where.set(table, (where = new Map()));
    return where;
  }

  private discardRecord(table: string, id: string): void {
    const where = this.where.get(table);
    const key = where?.get(id);
    if (key === undefined) return;
    const shard = this.shards.get(key);
    const records = shard?.records.get(table);
    for (const d of records?.get(id) ?? []) shard!.mini.discard(d);
    records?.delete(id);
    where!.delete(id);
    this.dirty.add(key);
  }

  /** The documents of the hits shown, rebuilt from their rows (or kept, for pushed kinds). */
  private async textsOf(results: readonly SearchResult[], load: LoadRows): Promise<Map<string, SearchDoc>> {
    const docs = new Map<string, SearchDoc>();
    const byTable = new Map<string, Set<string>>();
    for (const r of results) {
      const s = r as unknown as Stored;
      const pushed = this.pushed.get(s.kind)?.get(String(r.id));
      if (pushed) docs.set(pushed.id, pushed);
      const table = searchKind(s.kind)?.table;
      if (table) byTable.set(table, (byTable.get(table) ?? new Set()).add(s.recordId));
    }
    await Promise.all(
      [...byTable].map(async ([table, ids]) => {
        const rows = await load(table, [...ids]);
        for (const row of rows) if (row) for (const k of this.tables.get(table) ?? []) for (const d of k.docs(row)) docs.set(d.id, d);
      }),
    );
    return docs;
  }
}

/** Where the query matched most: the title, then whichever text field has more of its terms. */
function bestField(result: SearchResult): SearchField {
  const count = new Map<SearchField, number>();
  for (const fields of Object.values(result.match)) for (const f of fields) count.set(f as SearchField, (count.get(f as SearchField) ?? 0) + 1);
  const body = count.get('body') ?? 0;
  const priv = count.get('private') ?? 0;
  if (priv > body) return 'private';
  if (body > 0) return 'body';
  return count.has('title') ? 'title' : 'body';
}

function toHit(result: SearchResult, doc: SearchDoc | undefined): SearchHit {
  const s = result as unknown as Stored;
  const field = bestField(result);
  const terms = result.terms;
  const text = doc ? (field === 'private' ? (doc.private ?? '') : field === 'title' ? doc.body || doc.title : doc.body) : '';
  return {
    id: String(result.id),
    kind: s.kind,
    recordId: s.recordId,
    ...(s.personId ? { personId: s.personId } : {}),
    ...(s.date ? { date: s.date } : {}),
    title: s.title,
    ...(s.ref ? { ref: s.ref } : {}),
    field,
    terms,
    snippet: snippet(text, new Set(terms)),
  };
}
