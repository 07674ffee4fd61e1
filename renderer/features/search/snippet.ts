import { fold } from '../../../shared/domain/text';

/** A piece of a snippet: plain text, or a word that matched the query (shown highlighted). */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** A word fold would only lower-case. */
const ASCII = /^[\x20-\x7e]*$/;

interface Word {
  start: number;
  end: number;
  text: string;
  /** Whether its folded form is a term that matched: worked out when first asked. */
  hit?: boolean;
}

/** Markdown marks and runs of white space say nothing in a one-line snippet. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|~]+/g, '')
    .replace(/^\s*[-+]\s+(\[[ xX]\]\s+)?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The part of `text` around the first word that search matched, at most about `max` characters,
 * with every matched word marked. `terms` are the index's terms that matched (already folded), so
 * a word is a hit when its folded form is one of them: "Équipe" is marked for the term "equipe".
 */
export function snippet(text: string, terms: ReadonlySet<string>, max = 160): SnippetPart[] {
  const plain = plainText(text);
  // A note runs to hundreds of words, a snippet to a few dozen: a word is folded only when it is
  // looked at (up to the first hit, then inside the snippet), ASCII words by lower-casing alone.
  const words: Word[] = [...plain.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const isHit = (w: Word) => (w.hit ??= terms.has(ASCII.test(w.text) ? w.text.toLowerCase() : fold(w.text)));
  const first = words.find(isHit);
  let start = 0;
  if (first && plain.length > max && first.start > max / 3) {
    // Some words of context before the match, starting at a word.
    const from = first.start - Math.floor(max / 3);
    start = words.find((w) => w.start >= from)?.start ?? first.start;
  }
  let end = Math.min(plain.length, start + max);
  if (end < plain.length) end = words.filter((w) => w.end <= end).at(-1)?.end ?? end;
  const parts: SnippetPart[] = [];
  const push = (s: string, hit: boolean) => {
    if (!s) return;
    const last = parts.at(-1);
    if (last && last.hit === hit && !hit) last.text += s;
    else parts.push({ text: s, hit });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const w of words) {
    if (w.start < start || w.end > end) continue;
    if (!isHit(w)) continue;
    push(plain.slice(at, w.start), false);
    push(plain.slice(w.start, w.end), true);
    at = w.end;
  }
  push(plain.slice(at, end), false);
  if (end < plain.length) push('…', false);
  return parts;
}
