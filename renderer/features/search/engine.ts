import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';

import { fold } from '../../../shared/domain/text';
import { kindsByTable, type SearchDoc, type SearchField, searchFields, searchKind, searchKinds } from './kinds';
import { snippet, type SnippetPart } from './snippet';

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
  /** The search stopped at older months once it had plenty: there are at least `total`. */
  totalAtLeast?: true;
  hits: SearchHit[];
}

/** Fewer exact or prefix matches than this, and the query is tried again with typos forgiven. */
const FUZZY_BELOW = 3;
/** Typos are forgiven in words of this many letters or more. */
const FUZZY_FROM = 5;

type Stored = Pick<SearchDoc, 'kind' | 'recordId' | 'personId' | 'date' | 'title' | 'ref'>;

const miniOptions = {
  idField: 'id',
  fields: [...searchFields],
  storeFields: ['kind', 'recordId', 'personId', 'date', 'title', 'ref'],
  processTerm: searchTerm,
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
const ENGINE_FORMAT = 3;

/** What a saved index must have been made by to be used as it is. */
export function indexSignature(): string {
  return [`engine@${ENGINE_FORMAT}`, ...searchKinds().map((k) => `${k.kind}@${k.version ?? 1}`)].join(' ');
}

/** Documents without a date (people, ladder criteria): searched first, always. */
const UNDATED = 'undated';

/**
 * The shard of a document: the month of its date ("2026-07"), or UNDATED. A month, not a quarter:
 * at five years of a large team a quarter holds 15,000 documents and a common word matches
 * thousands of them, all ranked before the search can stop; a month holds a third of that.
 */
export function shardOf(date: string | undefined): string {
  if (!date || !/^\d{4}-\d{2}/.test(date)) return UNDATED;
  return date.slice(0, 7);
}

/**
 * Once this many matches are collected, older months are not searched: the hits shown are the
 * best of the most recent months that have any, and the totals say "at least". A word common in
 * five years of notes then costs what it costs in a month or two.
 */
const ENOUGH = 100;

/** One month's documents: its own MiniSearch, and which documents each record has in it. */
interface Shard {
  mini: MiniSearch<SearchDoc>;
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
}

/**
 * Whether a fuzzy pass could find more: some word of the query is in no document, and every such
 * word is long enough to be matched fuzzily — "perf review" with no note holding both words is no
 * typo, and an unknown short word fails the AND however the others are matched. When there is no
 * way to tell (null), a query that found next to nothing is tried fuzzily.
 */
function worthForgivingTypos(unknown: readonly string[] | null): boolean {
  return unknown === null || (unknown.length > 0 && unknown.every((word) => word.length >= FUZZY_FROM));
}

/** The part of MiniSearch's private term index that `unknownWords` reads. */
interface TermTree {
  has(term: string): boolean;
  atPrefix(prefix: string): { size: number };
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Reads rows of a table by primary key (missing rows come back undefined). */
export type LoadRows = (table: string, ids: readonly string[]) => Promise<readonly unknown[]>;

/**
 * The search index: MiniSearch over every kind's documents, one index per month of their dates,
 * kept up to date record by record. Queries run newest month first and stop once they have
 * plenty (ENOUGH); a change touches one month, and only changed months are saved again. It
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

  /** An index saved by `parts()`: throws when the parts are not one, or of another signature. */
  static load(meta: string, shards: ReadonlyMap<string, string>): SearchEngine {
    const parsed = JSON.parse(meta) as Partial<SavedMeta>;
    if (parsed.signature !== indexSignature() || !Array.isArray(parsed.shards) || !Array.isArray(parsed.pushed)) {
      throw new Error('The saved search index is of another format');
    }
    const engine = new SearchEngine();
    for (const key of parsed.shards) {
      const json = shards.get(key);
      if (json === undefined) throw new Error(`The saved search index lacks its part ${key}`);
      const saved = JSON.parse(json) as SavedShard;
      const shard: Shard = { mini: MiniSearch.loadJS(saved.mini, miniOptions) as MiniSearch<SearchDoc>, records: new Map() };
      for (const [table, records] of saved.records) {
        shard.records.set(table, new Map(records));
        const where = engine.whereIn(table);
        for (const [id] of records) where.set(id, key);
      }
      engine.shards.set(key, shard);
    }
    for (const [kind, docs] of parsed.pushed) engine.pushed.set(kind, new Map(docs.map((d) => [d.id, d])));
    return engine;
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
    // Made one at a time as the saver writes them: at five years a month is a megabyte or two, the whole index far more.
    function* shards(): Generator<[string, string]> {
      for (const key of keys) {
        const shard = live.get(key)!;
        const saved: SavedShard = { mini: shard.mini.toJSON(), records: [...shard.records].map(([table, records]) => [table, [...records]]) };
        yield [key, JSON.stringify(saved)];
      }
    }
    return { meta: JSON.stringify(meta), shards: shards() };
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
      if (docs.length > 0) shard.mini.addAll(docs);
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
      this.shard(key).mini.add(doc);
      this.dirty.add(key);
    }
    this.pushed.set(kind, unique);
  }

  /**
   * The best `perKind` hits of each kind for the query, grouped in the kinds' order, with
   * snippets: undated documents first, then month by month from the newest, until ENOUGH
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
    const filtered = wanted || filters.personId || filters.from || filters.to;
    const shards = this.searchOrder(filters);
    // Exact and prefix matches first; only when they find next to nothing, and a word of the query
    // is one the index does not know, are typos forgiven (fuzzy matching costs the most).
    const unknown = this.unknownWords(query);
    // A word no document has makes the AND find nothing: no need to ask every month.
    let found = unknown && unknown.length > 0 ? { results: [], complete: true } : this.collect(shards, query, filtered ? { filter } : {});
    if (found.results.length < FUZZY_BELOW && worthForgivingTypos(unknown)) {
      const fuzzy = this.collect(shards, query, { ...(filtered ? { filter } : {}), fuzzy: (term) => (term.length >= FUZZY_FROM ? 0.2 : false), maxFuzzy: 2 });
      if (fuzzy.results.length > found.results.length) found = fuzzy;
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
  private searchOrder(filters: SearchFilters): Shard[] {
    const from = filters.from && shardOf(filters.from);
    const to = filters.to && shardOf(filters.to);
    const dated = [...this.shards.keys()]
      .filter((k) => k !== UNDATED && (!from || k >= from) && (!to || k <= to))
      .sort()
      .reverse();
    const keys = filters.from || filters.to ? dated : [UNDATED, ...dated];
    return keys.map((k) => this.shards.get(k)).filter((s): s is Shard => s !== undefined);
  }

  /** Searches shard after shard, each ranked on its own, until ENOUGH results. */
  private collect(shards: readonly Shard[], query: string, options: SearchOptions): { results: SearchResult[]; complete: boolean } {
    const results: SearchResult[] = [];
    for (let i = 0; i < shards.length; i++) {
      for (const r of shards[i]!.mini.search(query, options)) results.push(r);
      if (results.length >= ENOUGH && i < shards.length - 1) return { results, complete: false };
    }
    return { results, complete: true };
  }

  /**
   * The words of the query no document has (the last one, being typed, counts as known when some
   * word starts with it). Reads MiniSearch's term tree, which it keeps private; should a new
   * MiniSearch hide it, null: every month is asked, and a fuzzy pass follows a poor result.
   */
  private unknownWords(query: string): string[] | null {
    const trees = [...this.shards.values()].map((s) => (s.mini as unknown as { _index?: TermTree })._index);
    if (trees.some((t) => !t || typeof t.has !== 'function' || typeof t.atPrefix !== 'function')) return null;
    const known = (word: string, last: boolean) => trees.some((t) => t!.has(word) || (last && word.length >= 3 && t!.atPrefix(word).size > 0));
    const words = tokenize(query)
      .map(searchTerm)
      .filter((w): w is string => w !== null);
    return words.filter((word, i) => !known(word, i === words.length - 1));
  }

  private shard(key: string): Shard {
    let shard = this.shards.get(key);
    if (!shard) this.shards.set(key, (shard = { mini: new MiniSearch<SearchDoc>(miniOptions), records: new Map() }));
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
