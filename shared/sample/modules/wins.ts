import type { Win } from '../../domain/wins';
import type { CriterionRef } from '../../evidence/refs';
import { competencyIdsOf } from '../../evidence/refs';
import type { SampleContext, SampleModule } from '../context';
import { fromDay, stampAt, toDay } from '../days';
import { competencyRefsOf, samplePlace } from '../ladders';

const titles = [
  'Shipped the billing migration with no downtime',
  'Cut the build time from 14 to 6 minutes',
  'Led the incident review and wrote the follow-up plan',
  'Mentored the new joiner through their first on-call week',
  'Ran the design review for the search rewrite',
  'Closed the oldest customer bug in the backlog',
  'Gave a talk on testing at the engineering all-hands',
];
const impacts = [
  'Finance closed the month two days earlier',
  'Every engineer gets feedback on a change in minutes instead of a quarter of an hour',
  'The same outage has not happened again',
  'They handled two pages on their own by the end of the week',
  'Three teams agreed on one approach',
  '',
];
const links = ['https://git.example.com/team/app/pull/1284', 'https://wiki.example.com/postmortems/search-outage', 'https://docs.example.com/design/search'];

/**
 * Wins the user and their people logged over the last year: about one every five weeks per
 * current person, most naming a competency of the shipped engineering ladder; half agreed to a
 * public shout-out.
 */
export const winsModule: SampleModule = {
  id: 'wins',
  fills: ['wins'],
  after: ['org', 'assessments'],
  generate(ctx: SampleContext) {
    const { rng } = ctx;
    const today = toDay(ctx.today);
    const span = Math.min(ctx.size.historyWeeks, 52) * 7;
    const meId = ctx.facts.meId ?? null;
    for (const person of ctx.tables.people.filter((p) => !p.archived && p.id !== meId)) {
      const joined = ctx.facts.tenure?.get(person.id)?.joined;
      const start = Math.max(today - span, joined ? toDay(joined) : today - span);
      const place = samplePlace(person.track, person.level);
      const refs = place ? competencyRefsOf(place) : [];
      for (let day = start + rng.int(0, 30); day <= today; day += rng.int(20, 50)) {
        const criteria: CriterionRef[] = refs.length > 0 && rng.chance(0.8) ? rng.sample(refs, rng.int(1, 2)).map((r) => ({ ...r })) : [];
        const stamp = stampAt(day, '15:00', rng.int(0, 120));
        const win: Win = {
          id: rng.uuid(),
          personId: person.id,
          date: fromDay(day),
          visibility: rng.chance(0.85) ? 'shareable' : 'private',
          criteria,
          competencyIds: competencyIdsOf(criteria),
          title: rng.pick(titles),
          impact: rng.pick(impacts),
          links: rng.chance(0.4) ? [rng.pick(links)] : [],
          celebrate: rng.chance(0.5),
          createdAt: stamp,
          updatedAt: stamp,
        };
        ctx.tables.wins.push(win);
      }
    }
  },
};
