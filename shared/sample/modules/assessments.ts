import type { Assessment, Rating } from '../../domain/assessments';
import { competencyIdsOf } from '../../evidence/refs';
import type { SampleContext, SampleModule } from '../context';
import { fromDay, stampAt, toDay } from '../days';
import { sampleLadders, samplePlace, sampleScales, type SampleTarget } from '../ladders';

/** The shipped engineering ladder as the goals, packets and cycles of the sample name it (see ../ladders.ts). */
export const sampleLadder = sampleLadders.engineering;

/** The engineering IC competencies, each with its scale's steps, lowest first; criteria ids are `<competency without "eng-">-<level>`. */
export const sampleCompetencies: Record<string, readonly string[]> = {
  'code-quality': sampleScales.expertise,
  'system-design': sampleScales.expertise,
  operations: sampleScales.expertise,
  delivery: sampleScales.proficiency,
  'product-impact': sampleScales.proficiency,
  'eng-communication': sampleScales.proficiency,
  'eng-collaboration': sampleScales.proficiency,
  mentoring: sampleScales.proficiency,
};
export const sampleLevels = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'] as const;

export const sampleCriterionId = (competencyId: string, levelId: string) => `${competencyId.replace(/^eng-/, '')}-${levelId.toLowerCase()}`;

/** The half-year under way on `today` and those before it, newest first. */
function halfYears(today: string, count: number): { from: string; to: string }[] {
  let year = Number(today.slice(0, 4));
  let first = Number(today.slice(5, 7)) <= 6;
  const out: { from: string; to: string }[] = [];
  for (let i = 0; i < count; i++) {
    out.push(first ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` });
    if (first) year -= 1;
    first = !first;
  }
  return out;
}

const comments = [
  'Shipped the work the team planned, with tests and a rollout plan.',
  'Clear progress this half; the next step is doing it without a nudge.',
  'Strong here: others come to them for it.',
  'Still growing into it; we agreed on one project to practise.',
  'Did this well on the incident review and the migration.',
];

/** Where a target's rating sits on its scale when it is as the level asks: its `expects`, else the middle ("meets", a 3 of 5). */
function centre(target: SampleTarget): number {
  const steps: readonly (string | number)[] = sampleScales[target.scale];
  if (target.expects !== undefined) return steps.indexOf(target.expects);
  return target.scale === 'proficiency' ? steps.indexOf('meets') : Math.floor(steps.length / 2);
}

/**
 * Self and manager assessments for everyone placed on a shipped ladder (engineers, managers,
 * designers, product managers; not the user): one pair per half-year they were there, rated
 * around what their level expects — a step below or above here and there, self-assessments a
 * little higher — and frozen against the ladder's real version. The newest half-year's
 * self-assessment is still a draft for some, and so is the manager's for a few (its finished one
 * is then the half-year before).
 */
export const assessmentsModule: SampleModule = {
  id: 'assessments',
  fills: ['assessments'],
  after: ['org'],
  generate(ctx: SampleContext) {
    const { rng } = ctx;
    const halves = ctx.sizeName === 'small' ? 1 : 4;
    const periods = halfYears(ctx.today, halves);
    for (const person of ctx.tables.people) {
      if (person.archived || person.id === ctx.facts.meId) continue;
      const place = samplePlace(person.track, person.level);
      if (!place) continue;
      const { levelId } = place;
      periods.forEach((period, index) => {
        if (person.startDate && person.startDate > period.to) return;
        for (const kind of ['self', 'manager'] as const) {
          const finished = index > 0 || (kind === 'manager' ? halves === 1 || rng.chance(0.85) : rng.chance(0.6));
          const ratings: Rating[] = place.targets.map((target) => {
            const steps: readonly (string | number)[] = sampleScales[target.scale];
            const wobble = target.scale === 'critique-score' ? rng.int(-2, 2) : rng.int(-1, 1);
            const position = Math.max(0, Math.min(steps.length - 1, centre(target) + wobble + (kind === 'self' ? rng.int(0, 1) : 0)));
            return {
              ref: {
                ladderId: place.ladder.ladderId,
                competencyId: target.competencyId,
                levelId,
                ...(target.criterionId ? { criterionId: target.criterionId } : {}),
              },
              value: steps[position]!,
              comment: rng.chance(0.4) ? rng.pick(comments) : '',
              evidence: [],
            };
          });
          const criteria = ratings.map((r) => r.ref);
          const day = Math.min(toDay(period.to), toDay(ctx.today));
          const createdAt = stampAt(day - rng.int(10, 30), '10:00');
          const finishedAt = stampAt(day - rng.int(0, 9), '16:00');
          const id = rng.uuid();
          const row: Assessment = {
            id,
            personId: person.id,
            // The day it was written: the end of its half-year, or today for the half-year still under way.
            date: fromDay(day),
            visibility: 'shareable',
            criteria,
            competencyIds: competencyIdsOf(criteria),
            kind,
            ladder: { ...place.ladder },
            trackId: place.trackId,
            levelId,
            period,
            status: finished ? 'finished' : 'draft',
            revision: 1,
            chainId: id,
            ratings,
            summary: finished && rng.chance(0.5) ? rng.pick(comments) : '',
            privateNotes: '',
            createdAt,
            updatedAt: finished ? finishedAt : createdAt,
            ...(finished ? { finishedAt } : {}),
          };
          ctx.tables.assessments.push(row);
        }
      });
    }
  },
};
