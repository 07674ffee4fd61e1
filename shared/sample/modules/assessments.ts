import type { Assessment, Rating } from '../../domain/assessments';
import { competencyIdsOf } from '../../evidence/refs';
import type { SampleContext, SampleModule } from '../context';
import { stampAt, toDay } from '../days';

/**
 * The shipped engineering ladder as the sample assesses against it: its frozen reference and the
 * criteria its IC levels ask, with the scale each competency is rated on. The generator cannot
 * read ladder files (shared code, no file system), so tests/unit/shared/sample-assessments.test.ts
 * checks this against ladders/engineering.yaml: a change there fails that test until this follows.
 */
export const sampleLadder = { ladderId: 'engineering', version: '2.0.0', hash: '7bcc128e67db5934153663306a4c45be712163c717c99742cdbe79418d06afe2' } as const;

const expertise = ['learning', 'practising', 'skilled', 'expert', 'authority'] as const;
const proficiency = ['not-yet', 'developing', 'meets', 'exceeds'] as const;
/** Competency → its scale's steps, lowest first; criteria ids are `<competency without "eng-">-<level>`. */
export const sampleCompetencies: Record<string, readonly string[]> = {
  'code-quality': expertise,
  'system-design': expertise,
  operations: expertise,
  delivery: proficiency,
  'product-impact': proficiency,
  'eng-communication': proficiency,
  'eng-collaboration': proficiency,
  mentoring: proficiency,
};
export const sampleLevels = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'] as const;

export const sampleCriterionId = (competencyId: string, levelId: string) => `${competencyId.replace(/^eng-/, '')}-${levelId.toLowerCase()}`;

/** The half-years ending on or before `today`, newest first. */
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

/**
 * Self and manager assessments for the engineers on the IC levels: one pair per half-year they
 * were there (the newest half-year's self-assessment still a draft for some), rated around what
 * their level expects, frozen against the shipped engineering ladder.
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
      if (person.archived || person.track !== 'engineering' || !sampleLevels.includes(person.level as (typeof sampleLevels)[number])) continue;
      const levelId = person.level!;
      periods.forEach((period, index) => {
        if (person.startDate && person.startDate > period.to) return;
        for (const kind of ['self', 'manager'] as const) {
          const finished = index > 0 || kind === 'manager' || rng.chance(0.6);
          const ratings: Rating[] = Object.entries(sampleCompetencies).map(([competencyId, steps]) => {
            const position = Math.max(0, Math.min(steps.length - 1, Math.round(steps.length / 2 - 1 + rng.int(-1, 1) + (kind === 'self' ? rng.int(0, 1) : 0))));
            return {
              ref: { ladderId: sampleLadder.ladderId, competencyId, levelId, criterionId: sampleCriterionId(competencyId, levelId) },
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
            date: period.to,
            visibility: 'shareable',
            criteria,
            competencyIds: competencyIdsOf(criteria),
            kind,
            ladder: { ...sampleLadder },
            trackId: 'ic',
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
