/** "Did you mean" hints: the closest candidate by edit distance, if it is close enough to help. */

/** Levenshtein distance, stopping early once it exceeds `limit` (keys are short, candidates few). */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate nearest to `word`, if within a third of its length (at least 1, at most 3 edits). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = editDistance(lower, candidate.toLowerCase(), limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closest(word, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}

const loose = (s: string) => s.toLowerCase().replace(/[\s._-]+/g, '');
const shape = (s: string) => s.toLowerCase().replace(/\d+/g, '#');

/**
 * True when `written` looks like a mistyped `known` rather than another id: the same id in other
 * case or with other separators ("l3", "senior1" for "senior-1"), or a small edit of a longer id
 * that is not just another number ("L6" is another level than "L5", not a typo of it).
 */
export function isLikelyTypo(written: string, known: string): boolean {
  if (written === known) return false;
  if (loose(written) === loose(known)) return true;
  if (written.length <= 3 || known.length <= 3) return false;
  if (shape(written) === shape(known)) return false;
  return closest(written, [known]) === known;
}
