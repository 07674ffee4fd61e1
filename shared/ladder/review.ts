/**
 * Criteria review: the regular look at a ladder that keeps it fair and current. It lists
 * criteria nobody touched in a while, levels and competencies with no examples, cells that only
 * point elsewhere ("same as above"), and wording that studies of performance reviews link to
 * bias: words about personality instead of behaviour, and praise too vague to check.
 */
import type { Ladder, ResolvedCell } from './index';

export type FindingKind = 'stale' | 'no-examples' | 'same-as-before' | 'personality-word' | 'vague-word';

export interface ReviewFinding {
  kind: FindingKind;
  trackId?: string;
  competencyId?: string;
  levelId?: string;
  /** "Code quality · L3 Senior Engineer": where a reader finds it in the matrix. */
  where: string;
  message: string;
  term?: string;
  source?: { file: string; line: number; column: number };
}

export interface LadderReview {
  ladderId: string;
  ladderName: string;
  version: string;
  since: string;
  findings: ReviewFinding[];
}

export interface VersionSnapshot {
  firstSeen: string;
  ladder: Ladder;
}

const cellKey = (c: Pick<ResolvedCell, 'trackId' | 'competencyId' | 'levelId'>) => `${c.trackId}\u0000${c.competencyId}\u0000${c.levelId}`;
const own = (c: ResolvedCell | undefined) => (c?.status === 'defined' ? c.criteria.trim() : null);

/**
 * When each cell's current criteria were first seen: walking back through the stored versions
 * (oldest first) while the text stays the same. Cells with no history are left out (unknown).
 */
export function criteriaFirstSeen(versions: VersionSnapshot[]): Map<string, string> {
  const ordered = [...versions].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));
  const latest = ordered[ordered.length - 1];
  const result = new Map<string, string>();
  if (!latest) return result;
  const indexes = ordered.map((v) => new Map(v.ladder.cells.map((c) => [cellKey(c), c])));
  for (const cell of latest.ladder.cells) {
    const text = own(cell);
    if (text === null) continue;
    const key = cellKey(cell);
    let since = latest.firstSeen;
    for (let i = ordered.length - 2; i >= 0 && own(indexes[i]!.get(key)) === text; i--) since = ordered[i]!.firstSeen;
    result.set(key, since);
  }
  return result;
}

export { cellKey as reviewCellKey };

/** Personality labels instead of behaviour; studies of written reviews find them applied unevenly. */
const personalityWords: Record<string, string> = {
  abrasive: 'describes personality, and is used far more often about some groups than others',
  aggressive: 'describes personality; say which behaviour has which effect',
  bossy: 'describes personality, and is applied unevenly across genders',
  emotional: 'describes personality, not an observable behaviour',
  strident: 'describes personality, and is applied unevenly across genders',
  rockstar: 'a persona, not a behaviour; it also tells many people they are not the target',
  'rock star': 'a persona, not a behaviour',
  ninja: 'a persona, not a behaviour',
  guru: 'a persona, not a behaviour',
  wizard: 'a persona, not a behaviour',
  superstar: 'a persona, not a behaviour',
  genius: 'describes innate talent, not what the person does',
  brilliant: 'describes innate talent, not what the person does',
  'culture fit': 'invites affinity bias: say which values or behaviours you mean',
  'natural leader': 'describes innate traits; say what a leader at this level does',
  likeable: 'describes personality, not an observable behaviour',
};

/** Praise with no behaviour attached: two assessors read it differently. */
const vagueWords = [
  'strong',
  'good',
  'great',
  'excellent',
  'solid',
  'exceptional',
  'outstanding',
  'appropriate',
  'appropriately',
  'effectively',
  'passionate',
  'high quality',
  'high-quality',
  'world-class',
  'best-in-class',
];

/** Verbs of things someone can be seen doing; a sentence with one of these is concrete enough. */
const observableVerbs =
  /\b(writes?|reviews?|leads?|designs?|ships?|mentors?|explains?|documents?|measures?|breaks? down|proposes?|runs?|owns?|delivers?|tests?|plans?|decides?|estimates?|presents?|teaches?|coaches?|hires?|interviews?|debugs?|fixes|fix|deploys?|automates?|identifies|identify|resolves?|negotiates?|facilitates?|prioriti[sz]es?|defines?|builds?|drives?|sets?|asks?|shares?|gives?)\b/i;

const sameAsPattern =
  /^\s*(?:[-*]\s*)?(?:(?:the\s+)?same\s+as\s+(?:before|above|previous(?:\s+level)?|the\s+(?:previous\s+)?level\s+below|l(?:evel)?\s*\d+\w*)|as\s+(?:above|before|previous(?:ly)?)|see\s+(?:above|l(?:evel)?\s*[\w.-]+)|ditto|n\/?a\s*-\s*same|unchanged)\b[\s.,;:!-]*$/i;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRegExp = (term: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(term).replace(/ /g, '\\s+')}(?=$|[^\\p{L}\\p{N}])`, 'iu');
const personalityMatchers = Object.keys(personalityWords).map((term) => [term, wordRegExp(term)] as const);
const vagueMatchers = vagueWords.map((term) => [term, wordRegExp(term)] as const);

/** Sentences of a Markdown text, roughly: enough to ask "does this sentence name a behaviour?". */
const sentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

export interface ReviewOptions {
  /** YYYY-MM-DD: criteria last changed before this day are listed as not reviewed. */
  since: string;
  /** From `criteriaFirstSeen`; cells missing here have no known history and are not listed. */
  firstSeen: Map<string, string>;
}

export function reviewLadder(ladder: Ladder, options: ReviewOptions): LadderReview {
  const labels = labeller(ladder);
  const findings: ReviewFinding[] = [];
  const seen = new Set<string>();
  /** A trunk cell shows on every track with the same text; report it once. */
  const once = (finding: ReviewFinding, text: string) => {
    const id = `${finding.kind}\u0000${finding.competencyId}\u0000${finding.levelId}\u0000${finding.term ?? ''}\u0000${text}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push(finding);
  };
  for (const cell of ladder.cells) {
    if (cell.status !== 'defined') continue;
    const base = {
      trackId: cell.trackId,
      competencyId: cell.competencyId,
      levelId: cell.levelId,
      where: labels.cell(cell),
      ...(cell.source ? { source: cell.source } : {}),
    };
    const first = options.firstSeen.get(cellKey(cell));
    if (first && first.slice(0, 10) < options.since) {
      once({ ...base, kind: 'stale', message: `Not changed since ${first.slice(0, 10)}: check it still describes the level.` }, cell.criteria);
    }
    if (sameAsPattern.test(cell.criteria)) {
      once(
        { ...base, kind: 'same-as-before', message: `Only says "${cell.criteria.trim()}": leave the level out to inherit, or say what changes at this level.` },
        cell.criteria,
      );
    }
    for (const [term, matcher] of personalityMatchers) {
      if (matcher.test(cell.criteria)) once({ ...base, kind: 'personality-word', term, message: `"${term}": ${personalityWords[term]}.` }, cell.criteria);
    }
    for (const sentence of sentences(cell.criteria)) {
      if (observableVerbs.test(sentence) || /\d/.test(sentence)) continue;
      for (const [term, matcher] of vagueMatchers) {
        if (matcher.test(sentence))
          once({ ...base, kind: 'vague-word', term, message: `"${term}" without a behaviour: say what someone does that shows it.` }, sentence);
      }
    }
  }
  findings.push(...missingExamples(ladder, labels));
  return { ladderId: ladder.id, ladderName: ladder.name, version: ladder.version, since: options.since, findings };
}

function missingExamples(ladder: Ladder, labels: ReturnType<typeof labeller>): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  const hasExamples = (cells: ResolvedCell[]) => cells.some((c) => c.status !== 'not-applicable' && c.examples.length > 0);
  for (const track of ladder.tracks) {
    for (const levelId of track.levelIds) {
      const cells = ladder.cells.filter((c) => c.trackId === track.id && c.levelId === levelId);
      if (cells.length > 0 && !hasExamples(cells)) {
        findings.push({
          kind: 'no-examples',
          trackId: track.id,
          levelId,
          where: `${track.name} · ${labels.level(track.id, levelId)}`,
          message: 'No competency gives an example at this level.',
        });
      }
    }
  }
  for (const competency of ladder.competencies) {
    const cells = ladder.cells.filter((c) => c.competencyId === competency.id);
    if (cells.length > 0 && !hasExamples(cells)) {
      findings.push({
        kind: 'no-examples',
        competencyId: competency.id,
        where: competency.name,
        message: 'No level gives an example for this competency.',
        ...(competency.source ? { source: competency.source } : {}),
      });
    }
  }
  return findings;
}

function labeller(ladder: Ladder) {
  const tracks = new Map(ladder.tracks.map((t) => [t.id, t]));
  const levels = new Map(ladder.levels.map((l) => [l.id, l]));
  const competencies = new Map(ladder.competencies.map((c) => [c.id, c]));
  const level = (trackId: string, levelId: string) => {
    const title = tracks.get(trackId)?.titles[levelId] ?? levels.get(levelId)?.title;
    return title ? `${levelId} ${title}` : levelId;
  };
  return {
    level,
    cell: (c: ResolvedCell) => `${competencies.get(c.competencyId)?.name ?? c.competencyId} · ${level(c.trackId, c.levelId)}`,
  };
}

const sectionTitles: Record<FindingKind, string> = {
  stale: 'Criteria not changed in the period',
  'no-examples': 'Levels and competencies without examples',
  'same-as-before': 'Cells that only point elsewhere',
  'personality-word': 'Personality words',
  'vague-word': 'Vague words without a behaviour',
};

/** Inline Markdown from ladder text: no HTML, no accidental emphasis or links. */
const md = (text: string) => text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');

export function reviewToMarkdown(review: LadderReview, generatedOn: string): string {
  const lines = [
    `# Criteria review: ${md(review.ladderName)} (version ${md(review.version)})`,
    '',
    `Generated by Trellis on ${generatedOn}. Criteria count as not reviewed when unchanged since ${review.since}.`,
    '',
    `${review.findings.length} finding${review.findings.length === 1 ? '' : 's'}.`,
  ];
  for (const kind of Object.keys(sectionTitles) as FindingKind[]) {
    const items = review.findings.filter((f) => f.kind === kind);
    if (items.length === 0) continue;
    lines.push('', `## ${sectionTitles[kind]} (${items.length})`, '');
    for (const f of items) {
      const at = f.source ? ` (${md(f.source.file)}:${f.source.line}:${f.source.column})` : '';
      lines.push(`- **${md(f.where)}**: ${md(f.message)}${at}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
