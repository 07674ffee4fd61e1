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
}

/** Whether text ends inside a word. */
const IN_WORD = /[\p{L}\p{N}\p{M}]$/u;

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
  // A note runs to hundreds of words, a snippet to a few dozen: words are read only up to the
  // first hit and then inside the snippet, and folded only then, ASCII ones by lower-casing alone.
  const isHit = (w: string) => terms.has(ASCII.test(w) ? w.toLowerCase() : fold(w));
  const words = new RegExp(WORD.source, 'gu');
  let first: number | null = null;
  for (let m = words.exec(plain); m; m = words.exec(plain)) {
    if (isHit(m[0])) {
      first = m.index;
      break;
    }
  }
  let start = 0;
  if (first !== null && plain.length > max && first > max / 3) {
    // Some words of context before the match, starting at a word (not inside one).
    start = wordStartFrom(plain, first - Math.floor(max / 3), first);
  }
  const limit = Math.min(plain.length, start + max);
  const inside: Word[] = [];
  words.lastIndex = start;
  for (let m = words.exec(plain); m && m.index < limit; m = words.exec(plain)) inside.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  let end = limit;
  if (end < plain.length) end = inside.filter((w) => w.end <= end).at(-1)?.end ?? end;
  const parts: SnippetPart[] = [];
  const push = (s: string, hit: boolean) => {
    if (!s) return;
    const last = parts.at(-1);
    if (last && last.hit === hit && !hit) last.text += s;
    else parts.push({ text: s, hit });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const w of inside) {
    if (w.end > end || !isHit(w.text)) continue;
    push(plain.slice(at, w.start), false);
    push(plain.slice(w.start, w.end), true);
    at = w.end;
  }
  push(plain.slice(at, end), false);
  if (end < plain.length) push('…', false);
  return parts;
}

/** The start of the first word that begins at or after `from` (`fallback` when none does before it). */
function wordStartFrom(plain: string, from: number, fallback: number): number {
  const words = new RegExp(WORD.source, 'gu');
  words.lastIndex = from;
  for (let m = words.exec(plain); m && m.index <= fallback; m = words.exec(plain)) {
    // A match right at `from` may be the tail of a word that began before it.
    if (m.index === from && from > 0 && IN_WORD.test(plain.slice(Math.max(0, from - 2), from))) continue;
    return m.index;
  }
  return fallback;
}
