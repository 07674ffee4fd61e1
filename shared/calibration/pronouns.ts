/**
 * Gendered pronouns in English narratives made neutral for anonymised reading: he, she, him,
 * her, his, hers, himself, herself (and he's, she'll …) become they, them, their, theirs,
 * themselves, whole words only, with the case kept (He → They, HIS → THEIR).
 *
 * Limits, on purpose (a reader sees the original on reveal):
 * - "her" is object or possessive: it becomes "their" before a word that can follow a
 *   possessive and "them" before a function word, punctuation or the end ("gave her the
 *   design" → "gave them the design", "her design" → "their design"). Before a verb it guesses wrong ("helped her grow" → "helped their grow").
 * - The verb after "he"/"she" is fixed only for be/have/do (is → are, has → have, doesn't →
 *   don't); other verbs keep their -s ("she leads" → "they leads").
 * - Only English; names, titles (Mr, Ms), and words like "mother" or "chairman" are not changed
 *   here (names are replaced separately, see anonymise.ts).
 */

/** Words after which "her" is an object, not a possessive. */
const afterObject = new Set(
  (
    'a an the this that these those some any every each no one two three to and or but nor so yet as at by for from in into of off on onto out over ' +
    'through up with about after before during since until again also too very well back down here there now then when while if because than ' +
    'who which what whose how why is was are be been do did does will would can could should may might must has have had first last today'
  ).split(' '),
);

const subjectVerb: Record<string, string> = {
  is: 'are',
  was: 'were',
  has: 'have',
  does: 'do',
  "isn't": "aren't",
  "wasn't": "weren't",
  "hasn't": "haven't",
  "doesn't": "don't",
  'isn’t': 'aren’t',
  'wasn’t': 'weren’t',
  'hasn’t': 'haven’t',
  'doesn’t': 'don’t',
};

/** Keeps the case of `like`: all capitals, a capital first, or as given. */
function withCase(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase()) return word.toUpperCase();
  if (like[0] === like[0]!.toUpperCase() && like[0] !== like[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

const contraction: Record<string, string> = { s: 're', d: 'd', ll: 'll', ve: 've', re: 're' };

// A pronoun (with an optional contraction), then what follows: spaces and the next word, if any.
const pattern = /\b(he|she|him|her|his|hers|himself|herself)(?:(['’])(s|d|ll|ve|re))?\b(?=(\s+([\p{L}'’]+))?)/giu;

export function neutralisePronouns(text: string): string {
  return text.replace(pattern, (match: string, word: string, apostrophe: string | undefined, suffix: string | undefined, _ws, next: string | undefined) => {
    const lower = word.toLowerCase();
    const nextWord = next?.toLowerCase();
    let out: string;
    switch (lower) {
      case 'he':
      case 'she':
        out = 'they';
        break;
      case 'him':
        out = 'them';
        break;
      case 'his':
        out = nextWord && !afterObject.has(nextWord) ? 'their' : 'theirs';
        break;
      case 'her':
        out = nextWord && !afterObject.has(nextWord) ? 'their' : 'them';
        break;
      case 'hers':
        out = 'theirs';
        break;
      default:
        out = 'themselves';
    }
    const cased = withCase(out, word);
    if (apostrophe && suffix) {
      if (out !== 'they') return match;
      const rest = contraction[suffix.toLowerCase()] ?? suffix;
      return `${cased}${apostrophe}${word.length > 1 && word === word.toUpperCase() ? rest.toUpperCase() : rest}`;
    }
    return cased;
  });
}

/** After "they" from he/she, the verbs be, have and do agree ("she is" → "they are"). */
export function neutraliseNarrative(text: string): string {
  const marked = text.replace(/\b(he|she)(\s+)([\p{L}'’]+)/giu, (m, pronoun: string, space: string, verb: string) => {
    const fixed = subjectVerb[verb.toLowerCase()];
    return fixed ? `${pronoun}${space}${withCase(fixed, verb)}` : m;
  });
  return neutralisePronouns(marked);
}
