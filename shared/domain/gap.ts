/**
 * The gap to the next level: per competency, what the next level asks beyond the current one
 * (levelDelta, which follows the track's progression), what is expected now and then, the
 * current ratings, and how much evidence exists. A readiness summary counts coverage; it never
 * becomes a single score that decides a promotion.
 */
import type { Criterion, Ladder, LadderCompetency, RatingScale } from '../ladder';
import { levelDelta } from '../ladder';
import { type Assessment, ratingTargets, valueLabel } from './assessments';

export interface CompetencyGap {
  competency: LadderCompetency;
  scale: RatingScale;
  /** Criteria the next level asks that the current one does not, and those reworded for it. */
  added: Criterion[];
  changed: { before: Criterion; after: Criterion }[];
  expectsNow: string | null;
  expectsNext: string | null;
  /** The current ratings of this competency's criteria, in words, by kind ("Skilled", "Not applicable"). */
  self: string[];
  manager: string[];
  /** Evidence records naming this competency. */
  evidence: number;
  /** Whether anything is asked beyond the current level. */
  grows: boolean;
}

export interface Gap {
  trackId: string;
  levelId: string;
  /** null at the top of the track. */
  nextLevelId: string | null;
  nextLevelTitle: string | null;
  competencies: CompetencyGap[];
  readiness: { growing: number; withEvidence: number; ratedBoth: number };
}

type Rated = Pick<Assessment, 'ratings' | 'levelId'> | undefined;

function ratingWords(assessment: Rated, competencyId: string, scale: RatingScale): string[] {
  if (!assessment) return [];
  return assessment.ratings
    .filter((r) => r.ref.competencyId === competencyId)
    .map((r) => (r.notApplicable ? 'Not applicable' : valueLabel(scale, r.value)))
    .filter((w) => w !== 'Not rated');
}

export function gapToNextLevel(
  ladder: Ladder,
  at: { trackId: string; levelId: string },
  ratings: { self?: Rated; manager?: Rated },
  evidenceByCompetency: ReadonlyMap<string, number>,
): Gap {
  const track = ladder.tracks.find((t) => t.id === at.trackId);
  const levels = track?.levelIds ?? [];
  const index = levels.indexOf(at.levelId);
  const nextLevelId = index >= 0 && index < levels.length - 1 ? levels[index + 1]! : null;
  const nextLevelTitle = nextLevelId ? (track?.titles[nextLevelId] ?? ladder.levels.find((l) => l.id === nextLevelId)?.title ?? nextLevelId) : null;
  const competencies: CompetencyGap[] = [];
  for (const c of ratingTargets(ladder, at.trackId, at.levelId)) {
    const delta = nextLevelId ? levelDelta(ladder, at.trackId, c.competency.id, at.levelId, nextLevelId) : null;
    const added = delta?.added.map((a) => a.criterion) ?? [];
    const changed = delta?.changed.map((x) => ({ before: x.before.criterion, after: x.after.criterion })) ?? [];
    const label = (v: string | number | undefined) => (v === undefined ? null : valueLabel(c.scale, v));
    const expectsNow = label(delta?.expects.from ?? c.asks.expects);
    const expectsNext = label(delta?.expects.to);
    competencies.push({
      competency: c.competency,
      scale: c.scale,
      added,
      changed,
      expectsNow,
      expectsNext,
      self: ratingWords(ratings.self, c.competency.id, c.scale),
      manager: ratingWords(ratings.manager, c.competency.id, c.scale),
      evidence: evidenceByCompetency.get(c.competency.id) ?? 0,
      grows: added.length > 0 || changed.length > 0 || (expectsNext !== null && expectsNext !== expectsNow),
    });
  }
  const growing = competencies.filter((c) => c.grows);
  return {
    trackId: at.trackId,
    levelId: at.levelId,
    nextLevelId,
    nextLevelTitle,
    competencies,
    readiness: {
      growing: growing.length,
      withEvidence: growing.filter((c) => c.evidence > 0).length,
      ratedBoth: growing.filter((c) => c.self.length > 0 && c.manager.length > 0).length,
    },
  };
}
