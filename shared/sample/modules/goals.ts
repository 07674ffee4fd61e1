import type { CheckIn, Goal, Milestone } from '../../domain/plans';
import { competencyIdsOf, type CriterionRef } from '../../evidence/refs';
import type { SampleContext, SampleModule } from '../context';
import { fromDay, stampAt, toDay } from '../days';
import { sampleCompetencies, sampleCriterionId, sampleLadder, sampleLevels } from './assessments';

const goalIdeas: { title: string; competencyIds: string[]; outcome?: string; milestones: string[] }[] = [
  {
    title: 'Lead the design of the next service split',
    competencyIds: ['system-design'],
    outcome: 'Deploys independent of the monolith',
    milestones: ['Write the design doc', 'Review it with two teams', 'Ship the first slice'],
  },
  {
    title: 'Run the incident review practice',
    competencyIds: ['operations', 'eng-communication'],
    outcome: 'Fewer repeat incidents',
    milestones: ['Facilitate two reviews', 'Write the review guide'],
  },
  {
    title: 'Mentor the new joiner through their first quarter',
    competencyIds: ['mentoring'],
    milestones: ['Agree goals with them', 'Pair weekly for a month', 'Hand over a feature they own'],
  },
  {
    title: 'Own the quarterly planning for the team',
    competencyIds: ['delivery', 'product-impact'],
    outcome: 'A plan the team believes in',
    milestones: ['Gather the asks', 'Draft the plan', 'Present it'],
  },
  {
    title: 'Raise the bar on code review',
    competencyIds: ['code-quality', 'eng-collaboration'],
    milestones: ['Write the review checklist', 'Review every change for a sprint'],
  },
];

const notes = [
  'Good progress: the first draft is out for comments.',
  'Blocked on another team; agreed to ask for a decision by Friday.',
  'Talked through what done looks like; it is smaller than we thought.',
  'Went well. Next step is doing it without me in the room.',
  'Slipped a week because of the incident; still on track overall.',
];

/**
 * Growth goals for about half of the engineers on the IC levels: one or two, linked to criteria
 * of their level on the shipped engineering ladder, with milestones (some done) and check-ins on
 * the days of their recent 1:1s. The rest have none, so some show up in the growth check.
 */
export const goalsModule: SampleModule = {
  id: 'goals',
  fills: ['goals', 'goalMilestones', 'goalCheckIns'],
  after: ['org', 'one-on-ones'],
  generate(ctx: SampleContext) {
    const { rng } = ctx;
    const today = toDay(ctx.today);
    const meetingDays = new Map<string, string[]>();
    for (const m of ctx.tables.meetings) if (m.date <= ctx.today) meetingDays.set(m.personId, [...(meetingDays.get(m.personId) ?? []), m.date]);
    for (const person of ctx.tables.people) {
      if (person.archived || person.track !== 'engineering' || !sampleLevels.includes(person.level as (typeof sampleLevels)[number])) continue;
      if (!rng.chance(0.55)) continue;
      const levelId = person.level!;
      const count = rng.int(1, 2);
      const days = (meetingDays.get(person.id) ?? []).sort();
      for (let g = 0; g < count; g++) {
        const idea = rng.pick(goalIdeas);
        const criteria: CriterionRef[] = idea.competencyIds
          .filter((c) => c in sampleCompetencies)
          .map((competencyId) => ({ ladderId: sampleLadder.ladderId, competencyId, levelId, criterionId: sampleCriterionId(competencyId, levelId) }));
        const startDay = today - rng.int(20, 150);
        const status = g === 0 ? 'in-progress' : rng.pick(['in-progress', 'done', 'planned'] as const);
        const id = rng.uuid();
        const created = stampAt(startDay, '11:00');
        const goal: Goal = {
          id,
          personId: person.id,
          date: fromDay(startDay),
          visibility: 'shareable',
          criteria,
          competencyIds: competencyIdsOf(criteria),
          title: idea.title,
          description: rng.chance(0.6) ? 'What done looks like: agreed in our 1:1, written down here.' : '',
          privateNotes: '',
          ...(idea.outcome ? { teamOutcome: idea.outcome } : {}),
          status,
          targetDate: fromDay(startDay + rng.int(60, 200)),
          ...(status === 'done' ? { closedOn: fromDay(Math.min(today, startDay + rng.int(30, 90))) } : {}),
          createdAt: created,
          updatedAt: created,
        };
        ctx.tables.goals.push(goal);
        idea.milestones.forEach((title, order) => {
          const done = status === 'done' || (status === 'in-progress' && order < idea.milestones.length - 1 && rng.chance(0.5));
          const due = startDay + 20 * (order + 1);
          const doneOn = done ? fromDay(Math.min(today, due - rng.int(0, 5))) : undefined;
          const row: Milestone = {
            id: rng.uuid(),
            goalId: id,
            personId: person.id,
            date: doneOn ?? fromDay(due),
            visibility: 'shareable',
            criteria,
            competencyIds: goal.competencyIds,
            title,
            due: fromDay(due),
            ...(doneOn ? { doneOn } : {}),
            order,
            createdAt: created,
            updatedAt: created,
          };
          ctx.tables.goalMilestones.push(row);
        });
        if (status === 'planned') continue;
        for (const date of days.filter((d) => d >= goal.date).slice(-rng.int(1, 4))) {
          const row: CheckIn = {
            id: rng.uuid(),
            goalId: id,
            personId: person.id,
            date,
            visibility: 'shareable',
            criteria,
            competencyIds: goal.competencyIds,
            note: rng.pick(notes),
            createdAt: stampAt(toDay(date), '10:40'),
          };
          ctx.tables.goalCheckIns.push(row);
        }
      }
    }
  },
};
