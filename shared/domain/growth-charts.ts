/**
 * What the growth charts show, as plain numbers a table can show too: a category profile (self,
 * manager and the next level's expectation), a team heatmap (rating against expectation per
 * person and competency) and one person's progression across assessments.
 *
 * Competencies use different scales (three labelled steps, a 1–5 score), so a category mixes
 * them as a share of each scale: 0 is its lowest step, 100 its highest.
 */
import { expectedStep, type Ladder, type RatingScale } from '../ladder';
import type { Assessment, RatingValue } from './assessments';
import { scalePosition } from './compare';

/** Where `value` sits on `scale`, 0 (lowest step) to 100 (highest). */
export function shareOfScale(scale: RatingScale, value: RatingValue | undefined): number | undefined {
  const position = scalePosition(scale, value);
  if (position === undefined) return undefined;
  if (scale.kind === 'labels') return scale.steps.length < 2 ? 100 : (position / (scale.steps.length - 1)) * 100;
  const min = scale.min ?? 0;
  const max = scale.max ?? 5;
  return max === min ? 100 : Math.min(100, Math.max(0, ((position - min) / (max - min)) * 100));
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length);
const round = (x: number | undefined) => (x === undefined ? undefined : Math.round(x));

function scaleOf(ladder: Ladder, competencyId: string): RatingScale | undefined {
  const competency = ladder.competencies.find((c) => c.id === competencyId);
  return ladder.scales.find((s) => s.id === competency?.scaleId) ?? ladder.scales.find((s) => s.id === ladder.defaultScaleId);
}

/** Each competency's ratings as shares of its scale (criteria averaged), not-applicable and unrated left out. */
export function competencyShares(ladder: Ladder, assessment: Pick<Assessment, 'ratings'>): Map<string, number> {
  const by = new Map<string, number[]>();
  for (const r of assessment.ratings) {
    if (r.notApplicable || r.value === undefined) continue;
    const scale = scaleOf(ladder, r.ref.competencyId);
    const share = scale ? shareOfScale(scale, r.value) : undefined;
    if (share === undefined) continue;
    by.set(r.ref.competencyId, [...(by.get(r.ref.competencyId) ?? []), share]);
  }
  return new Map([...by].map(([id, xs]) => [id, mean(xs)!]));
}

export interface CategoryPoint {
  categoryId: string;
  category: string;
  self?: number;
  manager?: number;
  /** What the next level expects (or this level, at the top of the track), as a share of the scales. */
  expected?: number;
}

/** Per category of the ladder (on the track): the mean share of self, manager and the expected step. */
export function categoryProfile(
  ladder: Ladder,
  trackId: string,
  expectedLevelId: string | null,
  self: Pick<Assessment, 'ratings'> | undefined,
  manager: Pick<Assessment, 'ratings'> | undefined,
): CategoryPoint[] {
  const selfShares = self ? competencyShares(ladder, self) : new Map<string, number>();
  const managerShares = manager ? competencyShares(ladder, manager) : new Map<string, number>();
  const out: CategoryPoint[] = [];
  for (const category of ladder.categories) {
    const competencies = ladder.competencies.filter((c) => c.categoryId === category.id && c.trackIds.includes(trackId));
    if (competencies.length === 0) continue;
    const pick = (m: Map<string, number>) => round(mean(competencies.flatMap((c) => (m.has(c.id) ? [m.get(c.id)!] : []))));
    const expected = expectedLevelId
      ? round(
          mean(
            competencies.flatMap((c) => {
              const step = expectedStep(ladder, trackId, c.id, expectedLevelId);
              const share = step ? shareOfScale(step.scale, step.value) : undefined;
              return share === undefined ? [] : [share];
            }),
          ),
        )
      : undefined;
    const point: CategoryPoint = { categoryId: category.id, category: category.name };
    const s = pick(selfShares);
    const m = pick(managerShares);
    if (s !== undefined) point.self = s;
    if (m !== undefined) point.manager = m;
    if (expected !== undefined) point.expected = expected;
    out.push(point);
  }
  return out;
}

export type HeatState = 'below' | 'meets' | 'above' | 'rated' | 'none';

export interface HeatCell {
  competencyId: string;
  state: HeatState;
  /** Mean rating minus the expected step, in steps (points on a numeric scale); undefined when either is missing. */
  delta?: number;
  /** "Skilled", or "2 of 3 criteria at or above" when rated criterion by criterion. */
  label: string;
  /** How many ratings of the competency there are, and how many reach the expected step. */
  rated: number;
  reaching: number;
  /** Where the ratings sit on the scale, 0 (lowest step) to 100: given when the level expects nothing there ('rated'). */
  share?: number;
}

/**
 * One person's row of the team heatmap: per competency of `competencyIds`, their ratings in
 * `assessment` (against its own frozen `ladder`) compared with what their level expects there.
 */
export function heatmapRow(ladder: Ladder, assessment: Pick<Assessment, 'ratings' | 'trackId' | 'levelId'>, competencyIds: readonly string[]): HeatCell[] {
  return competencyIds.map((competencyId) => {
    const scale = scaleOf(ladder, competencyId);
    const ratings = assessment.ratings.filter((r) => r.ref.competencyId === competencyId && !r.notApplicable && r.value !== undefined);
    const positions = scale ? ratings.flatMap((r) => (scalePosition(scale, r.value) === undefined ? [] : [scalePosition(scale, r.value)!])) : [];
    const notApplicable = assessment.ratings.some((r) => r.ref.competencyId === competencyId && r.notApplicable);
    if (positions.length === 0) return { competencyId, state: 'none', label: notApplicable ? 'Not applicable' : 'Not rated', rated: 0, reaching: 0 };
    const step = expectedStep(ladder, assessment.trackId, competencyId, assessment.levelId);
    const average = mean(positions)!;
    const word =
      ratings.length === 1 && scale
        ? scale.kind === 'labels'
          ? (scale.steps.find((s) => s.id === ratings[0]!.value)?.label ?? String(ratings[0]!.value))
          : String(ratings[0]!.value)
        : undefined;
    if (!step) {
      const shares = scale ? ratings.flatMap((r) => shareOfScale(scale, r.value) ?? []) : [];
      const share = round(mean(shares));
      return {
        competencyId,
        state: 'rated',
        label: word ?? `${positions.length} rated`,
        rated: positions.length,
        reaching: 0,
        ...(share !== undefined ? { share } : {}),
      };
    }
    const reaching = positions.filter((p) => p >= step.position).length;
    const delta = Math.round((average - step.position) * 100) / 100;
    const state: HeatState = delta < 0 ? 'below' : delta > 0 ? 'above' : 'meets';
    return { competencyId, state, delta, label: word ?? `${reaching} of ${positions.length} at or above`, rated: positions.length, reaching };
  });
}

export interface ProgressionPoint {
  assessmentId: string;
  /** The end of the assessment's period (ISO day). */
  date: string;
  kind: Assessment['kind'];
  levelId: string;
  /** Mean share of its scale per category id. */
  byCategory: Record<string, number>;
  /** Mean over every rated competency. */
  overall?: number;
}

/**
 * One person's finished assessments in time order, each as its mean share per category (read
 * against the ladder version each was made on: `ladderOf` gives it, null when it cannot be read).
 */
export function progression(assessments: readonly Assessment[], ladderOf: (a: Assessment) => Ladder | null): ProgressionPoint[] {
  const out: ProgressionPoint[] = [];
  for (const a of [...assessments].filter((x) => x.status === 'finished').sort((x, y) => x.period.to.localeCompare(y.period.to) || x.revision - y.revision)) {
    const ladder = ladderOf(a);
    if (!ladder) continue;
    const shares = competencyShares(ladder, a);
    const byCategory: Record<string, number> = {};
    for (const category of ladder.categories) {
      const xs = ladder.competencies.filter((c) => c.categoryId === category.id && shares.has(c.id)).map((c) => shares.get(c.id)!);
      const m = round(mean(xs));
      if (m !== undefined) byCategory[category.id] = m;
    }
    const overall = round(mean([...shares.values()]));
    out.push({ assessmentId: a.id, date: a.period.to, kind: a.kind, levelId: a.levelId, byCategory, ...(overall !== undefined ? { overall } : {}) });
  }
  return out;
}
