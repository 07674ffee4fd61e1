import type { PersonPlacement, Track } from '../domain/person';
import type { CriterionRef, FrozenLadderRef } from '../evidence/refs';

/**
 * The ladders shipped with Trellis as the sample places and assesses people on them: each one's
 * frozen reference (id, version, hash of the bundled file), and what each level a sample person
 * holds asks to be rated — the competencies, the criteria ids, the scale and what the level
 * expects. The generator cannot read ladder files (shared code, no file system), so
 * tests/unit/shared/sample-ladders.test.ts checks all of it against ladders/*.yaml through main:
 * a change to a shipped ladder fails that test until this file follows.
 */
export const sampleLadders = {
  engineering: { ladderId: 'engineering', version: '2.0.0', hash: '7bcc128e67db5934153663306a4c45be712163c717c99742cdbe79418d06afe2' },
  design: { ladderId: 'design', version: '1.0.1', hash: '2dd24f181ea9daa0271a1c79933df198fddd4836cbeeaef59a06368f8e240fd4' },
  product: { ladderId: 'product-management', version: '1.2.0', hash: '7928e521e51537ecef47f9ba7e132538e7ed323d49aed169a2881cbc8f4eb240' },
} as const satisfies Record<string, FrozenLadderRef>;

/** The steps of each rating scale the shipped ladders use, lowest first. */
export const sampleScales = {
  expertise: ['learning', 'practising', 'skilled', 'expert', 'authority'],
  proficiency: ['not-yet', 'developing', 'meets', 'exceeds'],
  'critique-score': [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5],
} as const satisfies Record<string, readonly (string | number)[]>;
export type SampleScale = keyof typeof sampleScales;

/** One thing an assessment at a level rates: a criterion of a competency, or the competency itself. */
export interface SampleTarget {
  competencyId: string;
  /** Absent: the level has no criteria items for it, so the competency is rated as a whole. */
  criterionId?: string;
  scale: SampleScale;
  /** The step the level expects, where the ladder says. */
  expects?: string;
}

/** Where a person of the sample sits on the shipped ladders: a ladder, a track on it, a level. */
export interface SamplePlace {
  ladder: FrozenLadderRef;
  trackId: string;
  levelId: string;
  targets: readonly SampleTarget[];
}

const icExpertise: Record<string, string> = { L1: 'learning', L2: 'practising', L3: 'skilled', L4: 'skilled', L5: 'expert', L6: 'expert' };
const icCompetencies: readonly [string, SampleScale][] = [
  ['code-quality', 'expertise'],
  ['system-design', 'expertise'],
  ['operations', 'expertise'],
  ['delivery', 'proficiency'],
  ['product-impact', 'proficiency'],
  ['eng-communication', 'proficiency'],
  ['eng-collaboration', 'proficiency'],
  ['mentoring', 'proficiency'],
];
/** Managers are not rated on their own code (the ladder marks code quality not applicable from M1). */
const managerCompetencies: readonly [string, SampleScale][] = [...icCompetencies.slice(1), ['people-leadership', 'proficiency'], ['hiring', 'proficiency']];
const managerExpects: Record<string, Record<string, string>> = {
  'system-design': { M1: 'skilled', M2: 'skilled', M3: 'skilled', M4: 'skilled' },
  operations: { M1: 'skilled', M2: 'skilled', M3: 'expert', M4: 'expert' },
};
/** The design and product ladders share communication and collaboration (shared/core.yaml), with criteria; the rest are rated whole. */
const designCompetencies: readonly [string, SampleScale][] = [
  ['design-communication', 'proficiency'],
  ['design-collaboration', 'proficiency'],
  ['interaction-design', 'critique-score'],
  ['visual-design', 'critique-score'],
  ['research', 'proficiency'],
  ['accessibility', 'proficiency'],
  ['design-systems', 'proficiency'],
  ['design-leadership', 'proficiency'],
];
const productCompetencies: readonly [string, SampleScale][] = [
  ['pm-communication', 'proficiency'],
  ['pm-collaboration', 'proficiency'],
  ['discovery', 'proficiency'],
  ['solution-design', 'proficiency'],
  ['data-and-experiments', 'proficiency'],
  ['strategy', 'proficiency'],
  ['delivery-and-outcomes', 'proficiency'],
  ['stakeholders', 'proficiency'],
];
/** communication-l2, collaboration-l3: the shared competencies' criteria ids. */
const sharedCriterion = (competencyId: string, levelId: string) => {
  const shared = /-(communication|collaboration)$/.exec(competencyId);
  return shared ? { criterionId: `${shared[1]}-${levelId.toLowerCase()}` } : {};
};

const icLevels = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'] as const;
const managerLevels = ['M1', 'M2', 'M3', 'M4'] as const;
const otherLevels = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'] as const;

/**
 * A person's place on the shipped ladders from the track and level the org module gave them:
 * engineers on the engineering ladder's IC track (L1–L6), managers on its management track
 * (M1–M4), designers and product managers on their own ladders. Undefined for anything else.
 */
export function samplePlace(track: Track | undefined, level: string | undefined): SamplePlace | undefined {
  if (!level) return undefined;
  if (track === 'engineering' && (icLevels as readonly string[]).includes(level)) {
    const lower = level.toLowerCase();
    return {
      ladder: sampleLadders.engineering,
      trackId: 'ic',
      levelId: level,
      targets: icCompetencies.map(([competencyId, scale]) => ({
        competencyId,
        // The IC levels' criteria drop the "eng-" of the shared competencies' ids.
        criterionId: `${competencyId.replace(/^eng-/, '')}-${lower}`,
        scale,
        ...(scale === 'expertise' ? { expects: icExpertise[level]! } : {}),
      })),
    };
  }
  if (track === 'management' && (managerLevels as readonly string[]).includes(level)) {
    return {
      ladder: sampleLadders.engineering,
      trackId: 'management',
      levelId: level,
      targets: managerCompetencies.map(([competencyId, scale]) => ({
        competencyId,
        criterionId: `${competencyId}-${level.toLowerCase()}`,
        scale,
        ...(managerExpects[competencyId]?.[level] ? { expects: managerExpects[competencyId][level] } : {}),
      })),
    };
  }
  if ((track === 'design' || track === 'product') && (otherLevels as readonly string[]).includes(level)) {
    const competencies = track === 'design' ? designCompetencies : productCompetencies;
    return {
      ladder: track === 'design' ? sampleLadders.design : sampleLadders.product,
      trackId: track,
      levelId: level,
      targets: competencies.map(([competencyId, scale]) => ({ competencyId, ...sharedCriterion(competencyId, level), scale })),
    };
  }
  return undefined;
}

/** The placement a person of the sample is stored with. */
export const placementOf = (place: SamplePlace): PersonPlacement => ({
  ladderId: place.ladder.ladderId,
  trackId: place.trackId,
  levelId: place.levelId,
  against: { ...place.ladder },
});

/** The competencies of a place, as criterion references at its level (what feedback and wins name). */
export function competencyRefsOf(place: SamplePlace): CriterionRef[] {
  return [...new Set(place.targets.map((t) => t.competencyId))].map((competencyId) => ({
    ladderId: place.ladder.ladderId,
    competencyId,
    levelId: place.levelId,
  }));
}
