import MiniSearch, { type SearchResult } from 'minisearch';

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
  hits: SearchHit[];
}

/** Fewer exact or prefix matches than this, and the query is tried again with typos forgiven. */
const FUZZY_BELOW = 3;

type Stored = Pick<SearchDoc, 'kind' | 'recordId' | 'personId' | 'date' | 'title' | 'ref'>;

/** Reads rows of a table by primary key (missing rows come back undefined). */
export type LoadRows = (table: string, ids: readonly string[]) => Promise<readonly unknown[]>;

/**
 * The search index: MiniSearch over every kind's documents, kept up to date record by record. It
 * stores no text: snippets are cut from the records themselves, read again for the few hits shown,
 * so the index costs little beyond its terms. Pure code, so it is tested in Node; the worker feeds
 * it from IndexedDB.
 */
export class SearchEngine {
  private readonly mini = new MiniSearch<SearchDoc>({
    idField: 'id',
    fields: [...searchFields],
    storeFields: ['kind', 'recordId', 'personId', 'date', 'title', 'ref'],
    processTerm: searchTerm,
    searchOptions: {
      boost: { title: 3 },
      combineWith: 'AND',
      // Prefix for the word being typed (from its third letter: "a" would expand to half the vocabulary).
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
    },
  });
  /** table → record id → its document ids (a meeting has several). */
  private readonly byTable = new Map<string, Map<string, string[]>>();
  /** Documents the page pushes (kinds with no table), by kind, kept whole for their snippets. */
  private readonly pushed = new Map<string, Map<string, SearchDoc>>();
  private readonly tables = kindsByTable();

  get documentCount(): number {
    return this.mini.documentCount;
  }

  /** The tables whose rows become documents. */
  get tableNames(): string[] {
    return [...this.tables.keys()];
  }

  /** Adds or replaces the documents of these rows of a table. */
  putRows(table: string, rows: readonly unknown[]): void {
    const kinds = this.tables.get(table);
    if (!kinds) return;
    let records = this.byTable.get(table);
    if (!records) this.byTable.set(table, (records = new Map()));
    for (const row of rows) {
      const id = (row as { id: string }).id;
      this.discardRecord(records, id);
      const docs = kinds.flatMap((k) => k.docs(row));
      if (docs.length === 0) continue;
      this.mini.addAll(docs);
      records.set(
        id,
        docs.map((d) => d.id),
      );
    }
  }

  /** Removes the documents of these records of a table (deleted rows). */
  removeRecords(table: string, ids: readonly string[]): void {
    const records = this.byTable.get(table);
    if (records) for (const id of ids) this.discardRecord(records, id);
  }

  /** Removes every document of a table, before it is read again in full. */
  clearTable(table: string): void {
    const records = this.byTable.get(table);
    if (!records) return;
    for (const id of [...records.keys()]) this.discardRecord(records, id);
  }

  /** Replaces every document of a kind that has no table (ladder criteria). */
  setDocs(kind: string, docs: readonly SearchDoc[]): void {
    const old = this.pushed.get(kind);
    if (old) for (const id of old.keys()) this.mini.discard(id);
    const unique = new Map(docs.filter((d) => d.kind === kind).map((d) => [d.id, d]));
    this.mini.addAll([...unique.values()]);
    this.pushed.set(kind, unique);
  }

  /**
   * The best `perKind` hits of each kind for the query, grouped in the kinds' order, with
   * snippets. An empty query finds nothing.
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
    // Exact and prefix matches first; only when they find next to nothing are typos forgiven
    // (in words of five letters or more): fuzzy matching over five years of words costs the most.
    let results = this.mini.search(query, { filter });
    if (results.length < FUZZY_BELOW) {
      const fuzzy = this.mini.search(query, { filter, fuzzy: (term) => (term.length >= 5 ? 0.2 : false), maxFuzzy: 2 });
      if (fuzzy.length > results.length) results = fuzzy;
    }
    const groups = new Map<string, { total: number; results: SearchResult[] }>();
    for (const r of results) {
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
        return { kind: k.kind, label: k.label, total: g.total, hits: g.results.map((r) => toHit(r, texts.get(String(r.id)))) };
      });
  }

  private discardRecord(records: Map<string, string[]>, id: string): void {
    const docs = records.get(id);
    if (!docs) return;
    for (const d of docs) this.mini.discard(d);
    records.delete(id);
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
