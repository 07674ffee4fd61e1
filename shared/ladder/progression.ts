/**
 * What a level asks, and what changes between two levels, according to how the ladder's levels
 * build on each other (`progression`):
 *
 * - `cumulative`: each level includes the ones below. A cell describes its level; the criteria of
 *   lower levels still apply ("included"). Comparing two levels compares their cells' texts.
 * - `incremental`: a cell lists only what is new at its level. A level asks its own criteria and
 *   everything below; a level without a cell adds nothing new.
 * - `restated`: each cell is complete: a level asks exactly its cell, nothing from below.
 *
 * These are the functions the matrix, "Compare levels" and assessments call; they read the
 * resolved ladder only (also versions stored before criteria items existed).
 */
import { criteriaOfCell } from './criteria-ids';
import { diffWords, type WordPart } from './diff';
import type { CellStatus, Criterion, Ladder, LadderTrack, Progression, RatingScale, RatingStep, ResolvedCell } from './model';

export function progressionOf(ladder: Ladder, trackId: string): Progression {
  return ladder.tracks.find((t) => t.id === trackId)?.progression ?? ladder.progression ?? 'cumulative';
}

/** A criterion as asked at some level: where it comes from on the track. */
export interface AskedCriterion {
  criterion: Criterion;
  /** The level on the track whose cell states it (for an inherited cell: the level it inherits from). */
  levelId: string;
}

export interface LevelAsks {
  trackId: string;
  competencyId: string;
  levelId: string;
  progression: Progression;
  /** Status of the cell at this level; 'absent' when the competency does not apply to the track or the level is not on it. */
  status: CellStatus | 'absent';
  /** The criteria of this level's cell: its own (or, when inherited, what it repeats; empty for `incremental`, which adds nothing then). */
  own: AskedCriterion[];
  /** Criteria of lower levels that still apply (cumulative and incremental), nearest level first. */
  included: AskedCriterion[];
  /** own + included: everything someone at this level is assessed on for this competency. */
  all: AskedCriterion[];
  /** Expected step (or number) of the competency's scale, when the cell says. */
  expects?: string | number;
  reason?: string;
}

interface TrackView {
  track: LadderTrack;
  cells: Map<string, ResolvedCell>;
}

const views = new WeakMap<Ladder, Map<string, TrackView>>();

/** Cells of one competency on one track by level id (indexed once per ladder object). */
function cellsOn(ladder: Ladder, trackId: string, competencyId: string): TrackView | undefined {
  let byKey = views.get(ladder);
  if (!byKey) {
    byKey = new Map();
    const tracks = new Map(ladder.tracks.map((t) => [t.id, t]));
    for (const cell of ladder.cells) {
      const key = `${cell.trackId}\u0000${cell.competencyId}`;
      let view = byKey.get(key);
      if (!view) {
        const track = tracks.get(cell.trackId);
        if (!track) continue;
        view = { track, cells: new Map() };
        byKey.set(key, view);
      }
      view.cells.set(cell.levelId, cell);
    }
    views.set(ladder, byKey);
  }
  return byKey.get(`${trackId}\u0000${competencyId}`);
}

const asked = (ladder: Ladder, cell: ResolvedCell): AskedCriterion[] =>
  criteriaOfCell(ladder, cell).map((criterion) => ({ criterion, levelId: cell.inheritedFromLevelId ?? cell.levelId }));

/** What `levelId` asks for one competency on one track. */
export function levelAsks(ladder: Ladder, trackId: string, competencyId: string, levelId: string): LevelAsks {
  const progression = progressionOf(ladder, trackId);
  const base = { trackId, competencyId, levelId, progression };
  const view = cellsOn(ladder, trackId, competencyId);
  const cell = view?.cells.get(levelId);
  if (!view || !cell) return { ...base, status: 'absent', own: [], included: [], all: [] };
  const extra = { ...(cell.expects !== undefined ? { expects: cell.expects } : {}), ...(cell.reason !== undefined ? { reason: cell.reason } : {}) };
  if (cell.status === 'not-applicable' || cell.status === 'missing') return { ...base, status: cell.status, own: [], included: [], all: [], ...extra };

  const ownAll = asked(ladder, cell);
  const own = progression === 'incremental' && cell.status === 'inherited' ? [] : ownAll;
  const included: AskedCriterion[] = [];
  if (progression !== 'restated') {
    const seen = new Set(own.map((a) => a.criterion.id));
    const levels = view.track.levelIds;
    // Walk down the track; a cell that does not apply stops what lies below it from applying.
    for (let i = levels.indexOf(levelId) - 1; i >= 0; i--) {
      const below = view.cells.get(levels[i]!);
      if (!below || below.status === 'not-applicable' || below.status === 'missing') break;
      if (below.status === 'inherited') continue; // its content is the cell it inherits, reached further down
      for (const a of asked(ladder, below)) {
        if (seen.has(a.criterion.id)) continue;
        seen.add(a.criterion.id);
        included.push(a);
      }
    }
  }
  return { ...base, status: cell.status, own, included, all: [...own, ...included], ...extra };
}

/** What a level asks for every competency on the track, in competency order. */
export function levelAsksAll(ladder: Ladder, trackId: string, levelId: string): LevelAsks[] {
  return ladder.competencies.filter((c) => c.trackIds.includes(trackId)).map((c) => levelAsks(ladder, trackId, c.id, levelId));
}

export interface ExpectedStep {
  scale: RatingScale;
  /** The step for a labelled scale (undefined for a numeric one). */
  step?: RatingStep;
  /** Position on the scale: the step's index, or the number itself on a numeric scale. */
  position: number;
  value: string | number;
}

/** The step of the competency's scale expected at a level, when the cell (or the one it inherits) says. */
export function expectedStep(ladder: Ladder, trackId: string, competencyId: string, levelId: string): ExpectedStep | undefined {
  const cell = cellsOn(ladder, trackId, competencyId)?.cells.get(levelId);
  if (cell?.expects === undefined) return undefined;
  const competency = ladder.competencies.find((c) => c.id === competencyId);
  const scale = ladder.scales.find((s) => s.id === competency?.scaleId);
  if (!scale) return undefined;
  if (scale.kind === 'numeric') return typeof cell.expects === 'number' ? { scale, position: cell.expects, value: cell.expects } : undefined;
  const index = scale.steps.findIndex((s) => s.id === cell.expects);
  return index < 0 ? undefined : { scale, step: scale.steps[index], position: index, value: cell.expects };
}

export interface LevelDelta {
  trackId: string;
  competencyId: string;
  fromLevelId: string;
  toLevelId: string;
  progression: Progression;
  /** Criteria `to` asks that `from` does not. */
  added: AskedCriterion[];
  /** Criteria `from` asks that `to` no longer does (never for cumulative and incremental going up: lower levels still apply). */
  removed: AskedCriterion[];
  /** Criteria with the same id in both whose text changed. */
  changed: Array<{ before: AskedCriterion; after: AskedCriterion; words: WordPart[] }>;
  /** Word-level change of the two cells' texts (cumulative and restated cells describe whole levels). */
  words?: WordPart[];
  /** True when nothing changes between the two levels for this competency. */
  same: boolean;
  expects: { from?: string | number; to?: string | number; change?: 'up' | 'down' | 'same' };
  status: { from: LevelAsks['status']; to: LevelAsks['status'] };
}

const cellText = (asks: LevelAsks, which: 'own' | 'all') => {
  if (asks.status === 'not-applicable') return 'Not applicable.';
  return asks[which].map((a) => a.criterion.text.trim()).join('\n\n');
};

/**
 * What changes from `fromLevelId` to `toLevelId` for one competency on one track ("what does L4
 * ask beyond L3?"). Either order works; going down, what is added and removed swap.
 */
export function levelDelta(ladder: Ladder, trackId: string, competencyId: string, fromLevelId: string, toLevelId: string): LevelDelta {
  const levels = ladder.tracks.find((t) => t.id === trackId)?.levelIds ?? [];
  const down = levels.indexOf(fromLevelId) > levels.indexOf(toLevelId);
  const from = levelAsks(ladder, trackId, competencyId, fromLevelId);
  const to = levelAsks(ladder, trackId, competencyId, toLevelId);
  const [low, high] = down ? [to, from] : [from, to];
  const progression = from.progression;
  const lowIds = new Map(low.all.map((a) => [a.criterion.id, a]));
  const highIds = new Map(high.all.map((a) => [a.criterion.id, a]));
  let added = high.all.filter((a) => !lowIds.has(a.criterion.id));
  let removed = progression === 'restated' || high.status === 'not-applicable' ? low.all.filter((a) => !highIds.has(a.criterion.id)) : [];
  const changed = high.all
    .filter((a) => lowIds.has(a.criterion.id) && lowIds.get(a.criterion.id)!.criterion.text.trim() !== a.criterion.text.trim())
    .map((after) => {
      const before = lowIds.get(after.criterion.id)!;
      return { before, after, words: diffWords(before.criterion.text, after.criterion.text) };
    });
  if (down) [added, removed] = [removed, added];
  const words = progression === 'incremental' ? undefined : diffWords(cellText(from, 'own'), cellText(to, 'own'));
  const step = (asks: LevelAsks) => (asks.expects === undefined ? undefined : expectedStep(ladder, trackId, competencyId, asks.levelId)?.position);
  const [a, b] = [step(from), step(to)];
  const change = a === undefined || b === undefined ? undefined : b > a ? 'up' : b < a ? 'down' : 'same';
  return {
    trackId,
    competencyId,
    fromLevelId,
    toLevelId,
    progression,
    added,
    removed,
    changed,
    ...(words ? { words } : {}),
    same: added.length === 0 && removed.length === 0 && changed.length === 0 && applies(from) === applies(to) && from.expects === to.expects,
    expects: { from: from.expects, to: to.expects, ...(change ? { change } : {}) },
    status: { from: from.status, to: to.status },
  };
}

/** An inherited cell says the same as the one it inherits: only "does it apply" matters for sameness. */
const applies = (asks: LevelAsks) => (asks.status === 'defined' || asks.status === 'inherited' ? 'applies' : asks.status);

/** What is new at a level compared with the level just below it on the track. */
export function newAtLevel(ladder: Ladder, trackId: string, competencyId: string, levelId: string): LevelDelta | undefined {
  const levels = ladder.tracks.find((t) => t.id === trackId)?.levelIds ?? [];
  const index = levels.indexOf(levelId);
  if (index <= 0) return undefined;
  return levelDelta(ladder, trackId, competencyId, levels[index - 1]!, levelId);
}

/** "Compare levels": the delta of every competency on the track, in competency order. */
export function compareLevels(ladder: Ladder, trackId: string, fromLevelId: string, toLevelId: string): LevelDelta[] {
  return ladder.competencies.filter((c) => c.trackIds.includes(trackId)).map((c) => levelDelta(ladder, trackId, c.id, fromLevelId, toLevelId));
}
