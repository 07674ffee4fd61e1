/**
 * Differences between ladders and between texts: what changed from one version to the next
 * (per competency × level), and what one level asks beyond another (word by word).
 */
import type { Ladder, ResolvedCell } from './index';

export interface CriteriaChange {
  kind: 'added' | 'removed' | 'changed';
  competencyId: string;
  competencyName: string;
  levelId: string;
  levelTitle: string;
  /** Tracks where this change shows (a trunk level's change shows on every track). */
  trackIds: string[];
  before: string | null;
  after: string | null;
}

/** The criteria a cell states itself; inherited and not-applicable cells state none. */
const ownCriteria = (cell: ResolvedCell | undefined): string | null => (cell?.status === 'defined' ? cell.criteria.trim() : null);

const cellKey = (c: Pick<ResolvedCell, 'trackId' | 'competencyId' | 'levelId'>) => `${c.trackId}\u0000${c.competencyId}\u0000${c.levelId}`;

/**
 * Criteria added, removed or changed between two versions of a ladder. Cells are compared per
 * track and then merged, so a trunk cell that changed is listed once with all its tracks.
 */
export function diffLadders(before: Ladder, after: Ladder): CriteriaChange[] {
  const old = new Map(before.cells.map((c) => [cellKey(c), c]));
  const now = new Map(after.cells.map((c) => [cellKey(c), c]));
  const keys = new Set([...old.keys(), ...now.keys()]);
  const merged = new Map<string, CriteriaChange>();
  for (const key of keys) {
    const a = ownCriteria(old.get(key));
    const b = ownCriteria(now.get(key));
    if (a === b) continue;
    const cell = (now.get(key) ?? old.get(key))!;
    const kind = a === null ? 'added' : b === null ? 'removed' : 'changed';
    const id = `${cell.competencyId}\u0000${cell.levelId}\u0000${a}\u0000${b}`;
    const existing = merged.get(id);
    if (existing) {
      existing.trackIds.push(cell.trackId);
      continue;
    }
    merged.set(id, {
      kind,
      competencyId: cell.competencyId,
      competencyName: nameOf(after, before, cell.competencyId),
      levelId: cell.levelId,
      levelTitle: levelTitleOf(after, before, cell.levelId),
      trackIds: [cell.trackId],
      before: a,
      after: b,
    });
  }
  return [...merged.values()].sort((x, y) => orderOf(after, before, x) - orderOf(after, before, y));
}

function nameOf(a: Ladder, b: Ladder, competencyId: string): string {
  return (a.competencies.find((c) => c.id === competencyId) ?? b.competencies.find((c) => c.id === competencyId))?.name ?? competencyId;
}

function levelTitleOf(a: Ladder, b: Ladder, levelId: string): string {
  return (a.levels.find((l) => l.id === levelId) ?? b.levels.find((l) => l.id === levelId))?.title ?? levelId;
}

/** Competency order first, then level order: the order a reader walks the matrix. */
function orderOf(a: Ladder, b: Ladder, change: CriteriaChange): number {
  const index = (list: { id: string }[], id: string) => {
    const i = list.findIndex((x) => x.id === id);
    return i < 0 ? list.length : i;
  };
  const competency = Math.min(index(a.competencies, change.competencyId), index(b.competencies, change.competencyId) + a.competencies.length);
  const level = Math.min(index(a.levels, change.levelId), index(b.levels, change.levelId) + a.levels.length);
  return competency * 10_000 + level;
}

export type WordPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Words and the spaces between them, so joining the parts gives the text back. */
const tokenize = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

/** The longest-common-subsequence table is quadratic; beyond this a coarser diff is plenty. */
const MAX_CELLS = 4_000_000;

/**
 * Word-level difference from `before` to `after` ("what does L4 ask beyond L3?"). Joining the
 * `same` and `removed` parts gives `before`; `same` and `added` give `after`.
 */
export function diffWords(before: string, after: string): WordPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length * b.length > MAX_CELLS) return coarse(before, after);
  // lcs[i][j] = length of the common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const parts: WordPart[] = [];
  const push = (kind: WordPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      push('removed', a[i++]!);
    } else {
      push('added', b[j++]!);
    }
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}

function coarse(before: string, after: string): WordPart[] {
  if (before === after) return [{ kind: 'same', text: before }];
  return [...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])];
}
