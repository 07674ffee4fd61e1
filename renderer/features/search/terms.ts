import SearchableMap from 'minisearch/SearchableMap';

/**
 * One dictionary of every index term across all week shards, and which shards have it. A word
 * typed is expanded here once (its prefix matches while it is being typed, its near spellings
 * when typos are forgiven), and each shard is then asked only for the exact terms it holds: a
 * rare or misspelt word costs one walk of one tree, not one walk per week, and a week without
 * any of the words is not asked at all.
 *
 * It may know a term a shard no longer has (a record deleted or rewritten since): that costs one
 * exact look-up that finds nothing, never a missed match. A fresh build or a load starts it anew.
 */
export class TermDictionary {
  /** term → the shards that have (or had) it: the exact look-up for every word indexed. */
  private readonly shardsOf = new Map<string, Set<string>>();
  /** The same sets by term in a radix tree, for prefix and fuzzy walks. */
  private readonly tree = new SearchableMap<Set<string>>();

  get size(): number {
    return this.shardsOf.size;
  }

  /** Notes that `shard` has these terms. */
  add(shard: string, terms: Iterable<string>): void {
    for (const term of terms) {
      let shards = this.shardsOf.get(term);
      if (!shards) {
        shards = new Set();
        this.shardsOf.set(term, shards);
        this.tree.set(term, shards);
      }
      shards.add(shard);
    }
  }

  has(term: string): boolean {
    return this.shardsOf.has(term);
  }

  /**
   * The index terms a query word stands for, each with its weight (the exact word 1; longer words
   * it begins and near spellings less, as MiniSearch weighs them) and the shards that have it.
   * Prefix and fuzzy expansions are capped, closest first, then the most widespread: "mig"
   * matching two hundred words would otherwise cost two hundred look-ups in every week.
   */
  expand(word: string, { prefix, maxDistance }: { prefix: boolean; maxDistance: number }): Expansion[] {
    const out: Expansion[] = [];
    const exact = this.shardsOf.get(word);
    if (exact) out.push({ term: word, weight: 1, shards: exact });
    if (prefix) {
      const found: Expansion[] = [];
      for (const [term, shards] of this.tree.atPrefix(word)) {
        const distance = term.length - word.length;
        if (distance > 0) found.push({ term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), shards, distance });
      }
      out.push(...closest(found, MAX_PREFIX));
    }
    if (maxDistance > 0) {
      const found: Expansion[] = [];
      const seen = new Set(out.map((e) => e.term));
      for (const [term, [shards, distance]] of this.tree.fuzzyGet(word, maxDistance)) {
        if (distance > 0 && !seen.has(term)) found.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance), shards, distance });
      }
      out.push(...closest(found, MAX_FUZZY));
    }
    return out;
  }
}

export interface Expansion {
  term: string;
  weight: number;
  shards: ReadonlySet<string>;
  /** Letters added (prefix) or edits (fuzzy) away from the word typed; 0 or absent for the word itself. */
  distance?: number;
}

/** MiniSearch's own weights for a prefix and a fuzzy match (its defaults), so ranking stays as it was. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** At most this many longer words for a word being typed, and near spellings for a typo. */
export const MAX_PREFIX = 40;
export const MAX_FUZZY = 12;

function closest(found: Expansion[], max: number): Expansion[] {
  if (found.length <= max) return found;
  return found.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0) || b.shards.size - a.shards.size || (a.term < b.term ? -1 : 1)).slice(0, max);
}
