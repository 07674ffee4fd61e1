/**
 * The gap to the next level: per competency, what the next level asks beyond the current one
 * (levelDelta, which follows the track's progression), what is expected now and then, the
 * current ratings, and the evidence that exists for each criterion the next level asks. The
 * readiness summary is coverage of evidence per criterion; it never becomes a single score that
 * decides a promotion. On a points ladder the level the ratings' points suggest is offered as a
 * suggestion, next to everything else.
 */
import type { EvidenceItem } from '../evidence/coverage';
import type { Criterion, Ladder, LadderCompetency, RatingScale } from '../ladder';
import { levelDelta, suggestLevel } from '../ladder';
import { type Assessment, type EvidenceLink, ratingTargets, valueLabel } from './assessments';
import { scalePosition } from './compare';

export interface CriterionEvidence {
  criterion: Criterion;
  /** New at the next level, or asked again in other words. */
  change: 'added' | 'reworded';
  /** Records that name this criterion (a goal, a win, feedback…), newest first. */
  records: EvidenceItem[];
  /** Evidence attached to a rating of this criterion in the latest self or manager assessment. */
  links: EvidenceLink[];
}

export interface CompetencyGap {
  competency: LadderCompetency;
  scale: RatingScale;
  /** Criteria the next level asks that the current one does not, and those reworded for it. */
  added: Criterion[];
  changed: { before: Criterion; after: Criterion }[];
  /** The same criteria with the evidence for each. */
  criteria: CriterionEvidence[];
  expectsNow: string | null;
  expectsNext: string | null;
  /** The current ratings of this competency's criteria, in words, by kind ("Skilled", "Not applicable"). */
  self: string[];
  manager: string[];
  /** Evidence records naming this competency (for any of its criteria, or the competency as a whole). */
  evidence: number;
  /** Records about the competency as a whole, naming none of its criteria. */
  generalRecords: EvidenceItem[];
  /** Whether anything is asked beyond the current level. */
  grows: boolean;
}

export interface Readiness {
  /** Competencies where the next level asks more. */
  growing: number;
  withEvidence: number;
  ratedBoth: number;
  /** Criteria the next level adds or rewords, and how many of them have evidence of their own. */
  criteria: number;
  criteriaWithEvidence: number;
}

export interface Gap {
  trackId: string;
  levelId: string;
  /** null at the top of the track. */
  nextLevelId: string | null;
  nextLevelTitle: string | null;
  competencies: CompetencyGap[];
  readiness: Readiness;
}

type Rated = Pick<Assessment, 'ratings' | 'levelId'> | undefined;

function ratingWords(assessment: Rated, competencyId: string, scale: RatingScale): string[] {
  if (!assessment) return [];
  return assessment.ratings
    .filter((r) => r.ref.competencyId === competencyId)
    .map((r) => (r.notApplicable ? 'Not applicable' : valueLabel(scale, r.value)))
    .filter((w) => w !== 'Not rated');
}

function linksFor(criterionId: string, ...assessments: Rated[]): EvidenceLink[] {
  const out: EvidenceLink[] = [];
  const seen = new Set<string>();
  for (const a of assessments)
    for (const r of a?.ratings ?? []) {
      if (r.ref.criterionId !== criterionId) continue;
      for (const e of r.evidence) {
        const key = e.type === 'url' ? e.url : `${e.link.kind}:${e.link.id}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(e);
        }
      }
    }
  return out;
}

/**
 * `evidence`: the person's evidence records (evidenceFor), assessments left out by the caller.
 */
export function gapToNextLevel(
  ladder: Ladder,
  at: { trackId: string; levelId: string },
  ratings: { self?: Rated; manager?: Rated },
  evidence: readonly EvidenceItem[],
): Gap {
  const track = ladder.tracks.find((t) => t.id === at.trackId);
  const levels = track?.levelIds ?? [];
  const index = levels.indexOf(at.levelId);
  const nextLevelId = index >= 0 && index < levels.length - 1 ? levels[index + 1]! : null;
  const nextLevelTitle = nextLevelId ? (track?.titles[nextLevelId] ?? ladder.levels.find((l) => l.id === nextLevelId)?.title ?? nextLevelId) : null;
  const byCompetency = new Map<string, EvidenceItem[]>();
  for (const item of evidence) for (const c of item.competencyIds) byCompetency.set(c, [...(byCompetency.get(c) ?? []), item]);
  const competencies: CompetencyGap[] = [];
  for (const c of ratingTargets(ladder, at.trackId, at.levelId)) {
    const delta = nextLevelId ? levelDelta(ladder, at.trackId, c.competency.id, at.levelId, nextLevelId) : null;
    const added = delta?.added.map((a) => a.criterion) ?? [];
    const changed = delta?.changed.map((x) => ({ before: x.before.criterion, after: x.after.criterion })) ?? [];
    const records = byCompetency.get(c.competency.id) ?? [];
    const named = (id: string) => records.filter((r) => r.criterionIds?.includes(id));
    const criteria: CriterionEvidence[] = [
      ...added.map((criterion) => ({ criterion, change: 'added' as const })),
      ...changed.map((x) => ({ criterion: x.after, change: 'reworded' as const })),
    ].map((x) => ({ ...x, records: named(x.criterion.id), links: linksFor(x.criterion.id, ratings.self, ratings.manager) }));
    const own = new Set(c.targets.map((t) => t.ref.criterionId).filter(Boolean));
    for (const x of criteria) own.add(x.criterion.id);
    const label = (v: string | number | undefined) => (v === undefined ? null : valueLabel(c.scale, v));
    const expectsNow = label(delta?.expects.from ?? c.asks.expects);
    const expectsNext = label(delta?.expects.to);
    competencies.push({
      competency: c.competency,
      scale: c.scale,
      added,
      changed,
      criteria,
      expectsNow,
      expectsNext,
      self: ratingWords(ratings.self, c.competency.id, c.scale),
      manager: ratingWords(ratings.manager, c.competency.id, c.scale),
      evidence: records.length,
      generalRecords: records.filter((r) => !r.criterionIds?.some((id) => own.has(id))),
      grows: added.length > 0 || changed.length > 0 || (expectsNext !== null && expectsNext !== expectsNow),
    });
  }
  const growing = competencies.filter((c) => c.grows);
  const asked = competencies.flatMap((c) => c.criteria);
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
      criteria: asked.length,
      criteriaWithEvidence: asked.filter((x) => x.records.length > 0 || x.links.length > 0).length,
    },
  };
}

export interface PointsSuggestion {
  levelId: string | null;
  /** The level's title on the track ("Senior Platform Engineer"), or null below the first band. */
  levelTitle: string | null;
  titles: string[];
  total: number;
  maxTotal: number;
  /** Competencies on the track with no rating to score. */
  unrated: number;
  next?: { levelId: string; pointsNeeded: number };
}

/**
 * The level a points ladder's scoring suggests for one assessment's ratings, or null when the
 * ladder has no scoring. A competency rated criterion by criterion counts at its lowest rating
 * (what every one of its criteria reaches); not applicable and unrated ones score nothing.
 */
export function pointsSuggestion(ladder: Ladder, trackId: string, assessment: Pick<Assessment, 'ratings'>): PointsSuggestion | null {
  if (!ladder.scoring) return null;
  const scales = new Map(ladder.scales.map((s) => [s.id, s]));
  const lowest = new Map<string, { value: string | number; position: number }>();
  for (const r of assessment.ratings) {
    if (r.notApplicable || r.value === undefined) continue;
    const competency = ladder.competencies.find((c) => c.id === r.ref.competencyId);
    const scale = competency ? scales.get(competency.scaleId) : undefined;
    const position = scale ? scalePosition(scale, r.value) : undefined;
    if (position === undefined) continue;
    const seen = lowest.get(r.ref.competencyId);
    if (!seen || position < seen.position) lowest.set(r.ref.competencyId, { value: r.value, position });
  }
  const s = suggestLevel(ladder, trackId, Object.fromEntries([...lowest].map(([id, v]) => [id, v.value])));
  const track = ladder.tracks.find((t) => t.id === trackId);
  const title = (id: string | null) => (id ? (track?.titles[id] ?? ladder.levels.find((l) => l.id === id)?.title ?? id) : null);
  return {
    levelId: s.levelId,
    levelTitle: title(s.levelId),
    titles: s.titles,
    total: s.total,
    maxTotal: s.maxTotal,
    unrated: s.unrated.length,
    ...(s.next ? { next: { levelId: s.next.levelId, pointsNeeded: s.next.pointsNeeded } } : {}),
  };
}
