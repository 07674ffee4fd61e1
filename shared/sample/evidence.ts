import type { Person } from '../domain/person';
import type { CriterionRef } from '../evidence/refs';
import type { SampleContext } from './context';
import { toDay } from './days';
import { competencyRefsOf, samplePlace } from './ladders';
import type { Random } from './random';

/** Someone evidence is written about through the year, from `start` (a sample day number). */
export interface EvidenceSubject {
  person: Person;
  start: number;
  /** The competencies of their place on a shipped ladder (none when they are on none): what their records can name. */
  refs: CriterionRef[];
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
      const place = samplePlace(person.track, person.level);
      return {
        person,
        start: Math.max(today - span, joined ? toDay(joined) : today - span),
        refs: place ? competencyRefsOf(place) : [],
      };
    });
}

/** What a sample record names on the ladder: for someone on one, four times in five one or two competencies of their track at their level. */
export function sampleCriteria(rng: Random, { refs }: EvidenceSubject): CriterionRef[] {
  if (refs.length === 0 || !rng.chance(0.8)) return [];
  return rng.sample(refs, rng.int(1, 2)).map((r) => ({ ...r }));
}
