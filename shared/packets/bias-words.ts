import { fold } from '../domain/text';

/**
 * Words review-bias research flags in performance writing, with what to write instead. The list is
 * short on purpose: each entry is a pattern found again and again in studies of written reviews
 * (e.g. Correll & Simard, "Research: Vague Feedback Is Holding Women Back", HBR 2016; Snyder's
 * analysis of review language, Fortune 2014; Textio's work on gendered wording), not a style guide.
 *
 * - personality: describes who someone is (a trait) instead of what they did (a behaviour).
 * - gendered: words used far more often about one gender, or that name a gender where none matters.
 * - vague: praise or criticism with no example attached, which committees cannot weigh.
 *
 * Matching folds case and accents and looks for whole words (or the whole phrase).
 */
export type BiasCategory = 'personality' | 'gendered' | 'vague';

export interface BiasWord {
  phrase: string;
  category: BiasCategory;
  suggestion: string;
}

const personality = (phrase: string, suggestion = 'Describe the behaviour you saw and its effect, with an example.'): BiasWord => ({
  phrase,
  category: 'personality',
  suggestion,
});
const gendered = (phrase: string, suggestion: string): BiasWord => ({ phrase, category: 'gendered', suggestion });
const vague = (phrase: string, suggestion = 'Say what they did and what changed because of it; link the example.'): BiasWord => ({
  phrase,
  category: 'vague',
  suggestion,
});

export const biasWords: readonly BiasWord[] = [
  personality('abrasive'),
  personality('aggressive'),
  personality('bossy'),
  personality('emotional'),
  personality('difficult'),
  personality('intimidating'),
  personality('shrill'),
  personality('pushy'),
  personality('attitude'),
  personality('personality'),
  personality('nice', 'Name what they did for others (reviews, unblocking, onboarding) and its effect.'),
  personality('likeable', 'Name what they did for others and its effect.'),
  personality('pleasant', 'Name what they did for others and its effect.'),
  personality('humble'),
  gendered('bubbly', 'Describe how they communicate and the result.'),
  gendered('feisty', 'Describe the disagreement they raised and its outcome.'),
  gendered('sassy', 'Describe the disagreement they raised and its outcome.'),
  gendered('hysterical', 'Describe what happened and what they did.'),
  gendered('motherly', 'Describe the support they gave and who it helped.'),
  gendered('nurturing', 'Describe the support they gave and who it helped.'),
  gendered('guys', 'Use "everyone", "folks" or "the team".'),
  gendered('manpower', 'Use "people", "staffing" or "capacity".'),
  gendered('chairman', 'Use "chair".'),
  gendered('man-hours', 'Use "hours of work".'),
  vague('great'),
  vague('good job'),
  vague('amazing'),
  vague('awesome'),
  vague('solid'),
  vague('rockstar'),
  vague('ninja'),
  vague('superstar'),
  vague('brilliant', 'Brilliance words favour some groups; describe the problem they solved and how.'),
  vague('genius', 'Brilliance words favour some groups; describe the problem they solved and how.'),
  vague('natural talent', 'Describe the work and the skill it showed.'),
  vague('hard-working', 'Effort is not impact: name the result.'),
  vague('team player', 'Name what they did for the team and the result.'),
  vague('go-getter'),
  vague('passionate'),
  vague('helpful', 'Name who they helped, with what, and the result.'),
];

export interface BiasHit {
  phrase: string;
  category: BiasCategory;
  suggestion: string;
  /** The words as written, for the message. */
  found: string;
  index: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = biasWords.map((w) => ({ word: w, re: new RegExp(`(?<![\\p{L}\\p{N}-])${escape(w.phrase).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}-])`, 'gu') }));

/** Every flagged word or phrase in a text, in the order they occur. */
export function findBiasWords(textToCheck: string): BiasHit[] {
  // fold() keeps the length of text without combining marks; positions are only used for ordering.
  const folded = fold(textToCheck);
  const hits: BiasHit[] = [];
  for (const { word, re } of patterns) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) hits.push({ phrase: word.phrase, category: word.category, suggestion: word.suggestion, found: m[0], index: m.index });
  }
  return hits.sort((a, b) => a.index - b.index);
}
