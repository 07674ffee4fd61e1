/**
 * What search knows about each kind of record. One module per kind (kinds/*.ts) registers itself
 * here, and kinds/index.ts lists the modules: a feature that adds a table (feedback, wins, goals,
 * assessments) adds one module and one line there. Everything here is plain data and functions,
 * because the same modules run in the search worker (to turn rows into documents) and on the
 * page (to label and open a hit).
 */

/** One searchable document. A record may give several (a meeting: its notes and each agenda item). */
export interface SearchDoc {
  /** Unique across kinds: `<kind>:<record id>[:<part>]`. */
  id: string;
  kind: string;
  /** The stored record it comes from (primary key in its table, or the kind's own key). */
  recordId: string;
  personId?: string;
  /** ISO day the record belongs to, for the date filter and for showing it. */
  date?: string;
  /** Short text that names the record (a person's name, a competency); matches here rank higher. */
  title: string;
  /** The searchable text. */
  body: string;
  /** Text only the user may see (private notes): searchable here, marked as private when it matches. */
  private?: string;
  /** What the page needs to open the hit, kept small: a meeting id, a ladder cell. */
  ref?: string;
}

/** The fields MiniSearch indexes, in every kind. */
export const searchFields = ['title', 'body', 'private'] as const;
export type SearchField = (typeof searchFields)[number];

/** Where a hit opens: a route, and what to reveal on that screen (see app/reveal.ts). */
export interface SearchTarget {
  path: string;
  reveal?: { target: string; terms: string[] };
}

export interface SearchKind<Row = unknown> {
  kind: string;
  /** The group's heading in results: "Meeting notes". */
  label: string;
  /** One result's kind in words, for screen readers and the result line: "Meeting note". */
  singular: string;
  /** The Dexie table its documents come from; absent when the page pushes them (ladder criteria live in files main reads). */
  table?: string;
  /** Where it sits among the groups: lower first. */
  order: number;
  docs(row: Row): SearchDoc[];
  open(hit: Pick<SearchDoc, 'id' | 'recordId' | 'personId' | 'ref'> & { field: SearchField; terms: string[] }): SearchTarget;
}

const kinds = new Map<string, SearchKind>();

export function registerSearchKind<Row>(kind: SearchKind<Row>): void {
  kinds.set(kind.kind, kind as SearchKind);
}

export function searchKind(kind: string): SearchKind | undefined {
  return kinds.get(kind);
}

/** Every registered kind, in group order. */
export function searchKinds(): SearchKind[] {
  return [...kinds.values()].sort((a, b) => a.order - b.order || a.kind.localeCompare(b.kind));
}

/** The kinds whose documents come from a table, by table. */
export function kindsByTable(): Map<string, SearchKind[]> {
  const byTable = new Map<string, SearchKind[]>();
  for (const k of searchKinds()) if (k.table) byTable.set(k.table, [...(byTable.get(k.table) ?? []), k]);
  return byTable;
}
