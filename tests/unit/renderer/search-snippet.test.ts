import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { plainText, snippet, type SnippetPart } from '../../../renderer/features/search/snippet';
import { fold } from '../../../shared/domain/text';

/** The snippet as first written: every word of the note read and folded. What the faster one must still give. */
function everyWordSnippet(text: string, terms: ReadonlySet<string>, max = 160): SnippetPart[] {
  const plain = plainText(text);
  const words = [...plain.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const isHit = (w: { text: string }) => terms.has(fold(w.text));
  const first = words.find(isHit);
  let start = 0;
  if (first && plain.length > max && first.start > max / 3) {
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
    if (w.start < start || w.end > end || !isHit(w)) continue;
    push(plain.slice(at, w.start), false);
    push(plain.slice(w.start, w.end), true);
    at = w.end;
  }
  push(plain.slice(at, end), false);
  if (end < plain.length) push('…', false);
  return parts;
}

const word = fc.constantFrom('rollout', 'Équipe', 'plan', 'billing', 'naïve', 'q3', 'on', 'call', 'the', 'x', 'déjà', 'migration');
const gap = fc.constantFrom(' ', ', ', '. ', ' - ', '\n', ' **', '** ', ' (', ') ');

describe('snippets read only the words they need', () => {
  it('cut the same snippet as reading every word does, for any note and terms', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, gap), { maxLength: 120 }),
        fc.subarray(['rollout', 'equipe', 'plan', 'naive', 'q3', 'deja', 'call']),
        fc.integer({ min: 20, max: 200 }),
        (pieces, terms, max) => {
          const text = pieces.map(([w, g]) => w + g).join('');
          expect(snippet(text, new Set(terms), max)).toEqual(everyWordSnippet(text, new Set(terms), max));
        },
      ),
      { numRuns: 300 },
    );
  });
});
