/**
 * Search and filters everywhere match the same way: case- and accent-insensitive, every word of
 * the query somewhere in the text, so "equipe" finds "Équipe" and "alex senior" finds Alex the
 * Senior Engineer.
 */

/** The form of a text that search compares: accents (combining marks) removed, lower case. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, folded; none for an empty query. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Every word of the query appears in the (already folded) text; an empty query matches everything. */
export function matchesWords(foldedText: string, words: readonly string[]): boolean {
  return words.every((w) => foldedText.includes(w));
}
