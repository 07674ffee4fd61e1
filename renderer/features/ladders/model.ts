/** View helpers over a resolved ladder: what the matrix, the compare view and search show. */
import { fold, matchesWords, queryWords } from '../../../shared/domain/text';
import type { Ladder, LadderCompetency, ResolvedCell } from '../../../shared/ladder';

export interface CategoryGroup {
  id: string;
  name: string;
  competencies: LadderCompetency[];
}

export interface LevelColumn {
  id: string;
  title: string;
}

/** The levels of a track, lowest first, each with the title it has on that track. */
export function levelsOf(ladder: Ladder, trackId: string): LevelColumn[] {
  const track = ladder.tracks.find((t) => t.id === trackId);
  if (!track) return [];
  const levels = new Map(ladder.levels.map((l) => [l.id, l]));
  return track.levelIds.map((id) => ({ id, title: track.titles[id] ?? levels.get(id)?.title ?? id }));
}

/** Competencies that apply to a track, grouped by category in file order. */
export function groupsOf(ladder: Ladder, trackId: string): CategoryGroup[] {
  const applies = (c: LadderCompetency) => c.trackIds.length === 0 || c.trackIds.includes(trackId);
  const groups = ladder.categories.map((cat) => ({
    id: cat.id,
    name: cat.name,
    competencies: ladder.competencies.filter((c) => c.categoryId === cat.id && applies(c)),
  }));
  const known = new Set(ladder.categories.map((c) => c.id));
  const loose = ladder.competencies.filter((c) => !known.has(c.categoryId) && applies(c));
  if (loose.length > 0) groups.push({ id: '', name: 'Other', competencies: loose });
  return groups.filter((g) => g.competencies.length > 0);
}

export type CellIndex = Map<string, ResolvedCell>;

const indexKey = (trackId: string, competencyId: string, levelId: string) => `${trackId}\u0000${competencyId}\u0000${levelId}`;

export function indexCells(ladder: Ladder): CellIndex {
  return new Map(ladder.cells.map((c) => [indexKey(c.trackId, c.competencyId, c.levelId), c]));
}

export const cellAt = (index: CellIndex, trackId: string, competencyId: string, levelId: string) => index.get(indexKey(trackId, competencyId, levelId));

/** The level title a reader knows: "L3 Staff Engineer". */
export function levelLabel(ladder: Ladder, trackId: string, levelId: string): string {
  const title = levelsOf(ladder, trackId).find((l) => l.id === levelId)?.title;
  return title && title !== levelId ? `${levelId} ${title}` : levelId;
}

/**
 * Previews made, by length and text: the matrix draws every cell of a ladder on each visit, and
 * six passes over each criterion's Markdown cost more than the drawing. Bounded, for a ladder
 * edited all day.
 */
const previews = new Map<string, string>();
const PREVIEWS_KEPT = 20_000;

/** First words of a cell's criteria, Markdown marks removed, for the matrix. */
export function preview(markdown: string, max = 90): string {
  const key = `${max}\u0000${markdown}`;
  const known = previews.get(key);
  if (known !== undefined) return known;
  if (previews.size >= PREVIEWS_KEPT) previews.clear();
  const made = makePreview(markdown, max);
  previews.set(key, made);
  return made;
}

function makePreview(markdown: string, max: number): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/[#>*_`~[\]()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** A search of the ladder: every word must appear in the cell, its competency or its level. */
export function cellMatches(query: string, cell: ResolvedCell, competency: LadderCompetency, levelTitle: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  return matchesWords(fold([cell.criteria, ...cell.examples, competency.name, competency.description ?? '', levelTitle, cell.levelId].join('\n')), words);
}

/** The words for an expected step: its label on the competency's scale ("Working knowledge"), or the number. */
export function expectsLabel(ladder: Ladder, competency: Pick<LadderCompetency, 'scaleId'>, value: string | number): string {
  if (typeof value === 'number') return String(value);
  const scale = ladder.scales.find((s) => s.id === competency.scaleId);
  return scale?.steps.find((s) => s.id === value)?.label ?? value;
}

/** Position of an expected step on the competency's scale (higher is more), for spotting a step down. */
export function expectsPosition(ladder: Ladder, competency: Pick<LadderCompetency, 'scaleId'>, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const index = ladder.scales.find((s) => s.id === competency.scaleId)?.steps.findIndex((s) => s.id === value) ?? -1;
  return index < 0 ? undefined : index;
}

/** A cell's own examples and links (a list cell's items carry theirs; a text cell's one item carries the cell's). */
export function cellOwn(cell: ResolvedCell): { examples: string[]; links: ResolvedCell['links'] } {
  const items = cell.items ?? [];
  const itemExamples = items.reduce((n, i) => n + i.examples.length, 0);
  const itemLinks = items.reduce((n, i) => n + i.links.length, 0);
  return {
    examples: cell.examples.slice(0, Math.max(0, cell.examples.length - itemExamples)),
    links: cell.links.slice(0, Math.max(0, cell.links.length - itemLinks)),
  };
}

/** "Weight 1.5 · 10 points": what the file says a competency counts for. */
export function competencyCounts(competency: Pick<LadderCompetency, 'weight' | 'points'>): string | null {
  const parts = [
    competency.weight !== undefined ? `Weight ${competency.weight}` : null,
    competency.points !== undefined ? `${competency.points} points` : null,
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text || null;
}
