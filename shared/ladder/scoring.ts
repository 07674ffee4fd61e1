/**
 * Points scoring, as Medium's Snowflake does it: each competency is rated on its scale, a rating
 * scores the `points` of its step, the points add up to a total, and bands of totals map to a
 * level and to titles per track (an IC title and a manager title may share a band). `suggestLevel`
 * is what assessments call to propose a level from ratings; the people deciding still decide.
 */
import type { Located, Reporter } from './context';
import type { Ladder, LadderCompetency, RatingScale, Scoring } from './model';
import type { Frame } from './resolve-structure';
import type { ScoringFile } from './schema';

/** Checks the `scoring` section against the ladder and returns its resolved form. */
export function resolveScoring(
  at: Located<ScoringFile>,
  frame: Frame,
  scales: ReadonlyMap<string, RatingScale>,
  competencies: LadderCompetency[],
  report: Reporter,
): Scoring {
  const scoring = at.value;
  const levelIds = new Set([...frame.levelsById.keys(), ...(frame.subLevelParents?.keys() ?? [])]);
  let previous: number | undefined;
  scoring.bands.forEach((band, index) => {
    report.reference(at, ['bands', index, 'level'], 'level', band.level, levelIds);
    if (previous !== undefined && band.min <= previous) {
      report.error(
        at,
        ['bands', index, 'min'],
        'level-order',
        `scoring band ${index + 1} starts at ${band.min}, not above the band before it (${previous})`,
        'list bands lowest first, each with a higher "min"',
      );
    }
    previous = band.min;
  });
  (scoring.titles ?? []).forEach((title, index) => {
    if (title.track !== undefined) report.reference(at, ['titles', index, 'track'], 'track', title.track, frame.tracksById);
    if (title.max !== undefined && title.max < title.min)
      report.error(at, ['titles', index, 'max'], 'out-of-range', `title "${title.title}" ends (${title.max}) before it starts (${title.min})`);
  });
  // A rating only scores when its scale says how much.
  const unscored = competencies.filter((c) => {
    const scale = scales.get(c.scaleId);
    return scale?.kind === 'labels' && !scale.steps.some((s) => s.points !== undefined);
  });
  const scaleIds = [...new Set(unscored.map((c) => c.scaleId))];
  if (scaleIds.length > 0) {
    report.warning(
      at,
      [],
      'no-points',
      `scale${scaleIds.length === 1 ? '' : 's'} ${scaleIds.map((s) => `"${s}"`).join(', ')} give${scaleIds.length === 1 ? 's' : ''} no points, so ${unscored.length === 1 ? 'its competency scores' : 'their competencies score'} nothing`,
      'add `points` to the steps of the scale',
      true,
    );
  }
  return {
    weighted: scoring.weighted ?? false,
    bands: scoring.bands.map((b) => ({ min: b.min, levelId: b.level })),
    titles: (scoring.titles ?? []).map((t) => ({
      title: t.title,
      ...(t.track !== undefined ? { trackId: t.track } : {}),
      min: t.min,
      ...(t.max !== undefined ? { max: t.max } : {}),
    })),
  };
}

/** A rating: a step id on a labelled scale, a number on a numeric one. */
export type Rating = string | number;

export interface PointsContribution {
  competencyId: string;
  rating: Rating;
  points: number;
}

export interface LevelSuggestion {
  /** False when the ladder has no `scoring`: nothing else in the result is meaningful. */
  scored: boolean;
  total: number;
  /** The highest total the competencies on this track can reach. */
  maxTotal: number;
  contributions: PointsContribution[];
  /** Competencies on the track with no rating yet. */
  unrated: string[];
  /** Ratings that could not be scored, with why (unknown competency, step not on the scale, …). */
  ignored: Array<{ competencyId: string; rating: Rating; reason: string }>;
  /** The band the total falls in; null below the first band. */
  band: { min: number; endsBefore?: number; levelId: string } | null;
  /** The level the band names, or the level of the sub-level it names. */
  levelId: string | null;
  subLevelId?: string;
  /** Titles on this track (or on every track) whose range holds the total. */
  titles: string[];
  /** The next band up, and the points still needed to reach it. */
  next?: { min: number; levelId: string; pointsNeeded: number };
}

function pointsFor(scale: RatingScale | undefined, rating: Rating): number | string {
  if (!scale) return 'its scale is unknown';
  if (scale.kind === 'numeric') {
    if (typeof rating !== 'number' || !Number.isFinite(rating)) return `"${String(rating)}" is not a number on scale "${scale.id}"`;
    if (rating < (scale.min ?? -Infinity) || rating > (scale.max ?? Infinity)) return `${rating} is outside scale "${scale.id}"`;
    return rating;
  }
  const step = scale.steps.find((s) => s.id === rating);
  if (!step) return `"${String(rating)}" is not a step of scale "${scale.id}"`;
  return step.points ?? 0;
}

function maxPoints(scale: RatingScale | undefined): number {
  if (!scale) return 0;
  if (scale.kind === 'numeric') return scale.max ?? 0;
  return Math.max(0, ...scale.steps.map((s) => s.points ?? 0));
}

/**
 * Suggests a level (and titles) on `trackId` from ratings per competency id. Pure and total:
 * unknown competencies and steps are listed in `ignored`, never thrown.
 */
export function suggestLevel(ladder: Ladder, trackId: string, ratings: Readonly<Record<string, Rating>>): LevelSuggestion {
  const scoring = ladder.scoring;
  const scales = new Map(ladder.scales.map((s) => [s.id, s]));
  const onTrack = ladder.competencies.filter((c) => c.trackIds.includes(trackId));
  const byId = new Map(ladder.competencies.map((c) => [c.id, c]));
  const weight = (c: LadderCompetency) => (scoring?.weighted ? (c.weight ?? 1) : 1);
  const contributions: PointsContribution[] = [];
  const ignored: LevelSuggestion['ignored'] = [];
  for (const [competencyId, rating] of Object.entries(ratings)) {
    const competency = byId.get(competencyId);
    if (!competency) {
      ignored.push({ competencyId, rating, reason: 'not a competency of this ladder' });
      continue;
    }
    if (!competency.trackIds.includes(trackId)) {
      ignored.push({ competencyId, rating, reason: `not assessed on track "${trackId}"` });
      continue;
    }
    const points = pointsFor(scales.get(competency.scaleId), rating);
    if (typeof points === 'string') ignored.push({ competencyId, rating, reason: points });
    else contributions.push({ competencyId, rating, points: points * weight(competency) });
  }
  const total = contributions.reduce((sum, c) => sum + c.points, 0);
  const maxTotal = onTrack.reduce((sum, c) => sum + maxPoints(scales.get(c.scaleId)) * weight(c), 0);
  const unrated = onTrack.filter((c) => !(c.id in ratings)).map((c) => c.id);
  const empty: LevelSuggestion = { scored: false, total, maxTotal, contributions, unrated, ignored, band: null, levelId: null, titles: [] };
  if (!scoring) return empty;

  const bands = scoring.bands;
  let index = -1;
  for (let i = 0; i < bands.length; i++) if (total >= bands[i]!.min) index = i;
  const found = index >= 0 ? bands[index]! : undefined;
  const following = bands[index + 1];
  const parents = new Map(ladder.levels.flatMap((l) => l.subLevels.map((s) => [s.id, l.id] as const)));
  const levelId = found ? (parents.get(found.levelId) ?? found.levelId) : null;
  const titles = scoring.titles
    .filter((t) => (t.trackId === undefined || t.trackId === trackId) && total >= t.min && (t.max === undefined || total <= t.max))
    .map((t) => t.title);
  return {
    ...empty,
    scored: true,
    band: found ? { min: found.min, ...(following ? { endsBefore: following.min } : {}), levelId: found.levelId } : null,
    levelId,
    ...(found && parents.has(found.levelId) ? { subLevelId: found.levelId } : {}),
    titles,
    ...(following ? { next: { min: following.min, levelId: following.levelId, pointsNeeded: following.min - total } } : {}),
  };
}
