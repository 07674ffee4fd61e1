import type { Person } from '../domain/person';
import type { CriterionRef } from '../evidence/refs';
import type { SampleContext } from './context';
import { toDay } from './days';
import { sampleCompetencies, sampleLadder, sampleLevels } from './modules/assessments';
import type { Random } from './random';

/** Someone evidence is written about through the year, from `start` (a sample day number). */
export interface EvidenceSubject {
  person: Person;
  start: number;
  /** On the shipped engineering ladder, at one of its levels: their records can name its competencies. */
  onLadder: boolean;
}

/**
 * The people the feedback and wins modules write about: every current person but the user, each
 * from a year back (or the sample's whole history when shorter), or from the day they joined.
 */
export function evidenceSubjects(ctx: SampleContext): EvidenceSubject[] {
  const today = toDay(ctx.today);
  const span = Math.min(ctx.size.historyWeeks, 52) * 7;
  const meId = ctx.facts.meId ?? null;
  return ctx.tables.people
    .filter((p) => !p.archived && p.id !== meId)
    .map((person) => {
      const joined = ctx.facts.tenure?.get(person.id)?.joined;
      return {
        person,
        start: Math.max(today - span, joined ? toDay(joined) : today - span),
        onLadder: person.track === 'engineering' && sampleLevels.includes(person.level as (typeof sampleLevels)[number]),
      };
    });
}

/** What a sample record names on the ladder: for someone on it, four times in five one or two competencies at their level. */
export function sampleCriteria(rng: Random, { person, onLadder }: EvidenceSubject): CriterionRef[] {
  if (!onLadder || !rng.chance(0.8)) return [];
  return rng
    .sample(Object.keys(sampleCompetencies), rng.int(1, 2))
    .map((competencyId) => ({ ladderId: sampleLadder.ladderId, competencyId, levelId: person.level! }));
}
