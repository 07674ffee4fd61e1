import { defaultVisibility, type FeedbackEntry, type FeedbackKind, type FollowUp } from '../../domain/feedback';
import type { CriterionRef } from '../../evidence/refs';
import { competencyIdsOf } from '../../evidence/refs';
import type { SampleContext, SampleModule } from '../context';
import { fromDay, stampAt, toDay } from '../days';
import { competencyRefsOf, samplePlace } from '../ladders';

const situations = [
  'In the design review for the billing migration',
  'During last week’s incident on the search cluster',
  'At the sprint demo',
  'While pairing with the new joiner on the onboarding flow',
  'In the planning meeting with product',
  'On the code review of the caching change',
];
const behaviours = [
  'you laid out two options with their costs before anyone asked',
  'you kept the channel updated every half hour and handed over clearly',
  'you answered the question about scope before checking with the team',
  'you explained the trade-off in words the product manager could repeat',
  'you left detailed, kind review comments with examples',
  'you took over the demo when the plan was to let the junior engineer run it',
];
const impacts = [
  'the team decided in one meeting instead of three',
  'support knew what to tell customers and nobody was paged twice',
  'the team felt committed to a date they had not estimated',
  'product changed the roadmap with confidence',
  'the change landed a day later but with far fewer bugs',
  'they did not get the practice we had planned for them',
];
const nextSteps = [
  'Keep doing this; share the template with the other teams',
  'Check with the team before committing to dates',
  'Let others lead the next demo',
  '',
];
const followUpNotes = ['Ask how the next planning went', 'Check whether the template was shared', 'See how the next demo went', 'Revisit after the release'];
const outcomes = [
  'Done: it went well, they led it themselves',
  'Talked it through; agreed to try again next sprint',
  'They had already shared it with two teams',
];

const kinds: readonly (readonly [FeedbackKind, number])[] = [
  ['recognition', 4],
  ['constructive', 3],
  ['peer', 2],
  ['self-reflection', 1],
];

/**
 * Feedback the manager wrote or passed on over the last year: about one entry every three weeks
 * per current report, SBI all filled in, most naming a competency of the shipped engineering
 * ladder. A third carry a follow-up: those due in the past are mostly closed with an outcome, the
 * recent ones open — some overdue, some still to come.
 */
export const feedbackModule: SampleModule = {
  id: 'feedback',
  fills: ['feedback', 'followUps'],
  after: ['org', 'assessments'],
  generate(ctx: SampleContext) {
    const { rng } = ctx;
    const today = toDay(ctx.today);
    const span = Math.min(ctx.size.historyWeeks, 52) * 7;
    const meId = ctx.facts.meId ?? null;
    const others = ctx.tables.people.filter((p) => !p.archived && p.id !== meId);
    for (const person of others) {
      const joined = ctx.facts.tenure?.get(person.id)?.joined;
      const start = Math.max(today - span, joined ? toDay(joined) : today - span);
      const place = samplePlace(person.track, person.level);
      const refs = place ? competencyRefsOf(place) : [];
      for (let day = start + rng.int(0, 20); day <= today; day += rng.int(10, 32)) {
        const kind = rng.weighted(kinds);
        const peer = kind === 'peer' ? rng.pick(others.filter((p) => p.id !== person.id).concat(person)) : null;
        const fromId = kind === 'self-reflection' ? person.id : kind === 'peer' ? (peer && peer.id !== person.id ? peer.id : null) : meId;
        const criteria: CriterionRef[] = refs.length > 0 && rng.chance(0.8) ? rng.sample(refs, rng.int(1, 2)).map((r) => ({ ...r })) : [];
        const stamp = stampAt(day, '17:30', rng.int(0, 120));
        const entry: FeedbackEntry = {
          id: rng.uuid(),
          personId: person.id,
          date: fromDay(day),
          visibility: defaultVisibility(kind, fromId, meId),
          criteria,
          competencyIds: competencyIdsOf(criteria),
          kind,
          fromId,
          fromName: fromId === null ? 'A colleague from another team' : '',
          situation: rng.pick(situations),
          behaviour: rng.pick(behaviours),
          impact: rng.pick(impacts),
          nextStep: rng.pick(nextSteps),
          createdAt: stamp,
          updatedAt: stamp,
        };
        ctx.tables.feedback.push(entry);
        if (!rng.chance(0.33)) continue;
        const due = day + rng.int(7, 28);
        const closed = due < today - 7 ? rng.chance(0.85) : due < today && rng.chance(0.3);
        const followUp: FollowUp = {
          id: rng.uuid(),
          feedbackId: entry.id,
          personId: person.id,
          due: fromDay(due),
          note: rng.pick(followUpNotes),
          visibility: entry.visibility,
          open: closed ? 0 : 1,
          outcome: closed ? rng.pick(outcomes) : '',
          ...(closed ? { closedAt: stampAt(Math.min(due + rng.int(0, 3), today), '11:00') } : {}),
          createdAt: stamp,
          updatedAt: closed ? stampAt(Math.min(due + rng.int(0, 3), today), '11:00') : stamp,
        };
        ctx.tables.followUps.push(followUp);
      }
    }
  },
};
