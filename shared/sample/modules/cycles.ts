import type { CycleRequest, CycleResponse, FeedbackCycle } from '../../domain/cycles';
import type { SampleContext, SampleModule } from '../context';
import { fromDay, stampAt, toDay } from '../days';
import { sampleLadder } from './assessments';

const competencies = ['eng-collaboration', 'eng-communication', 'delivery', 'code-quality'] as const;
const answers: Record<(typeof competencies)[number], string[]> = {
  'eng-collaboration': [
    'Always makes time to pair when someone is stuck, and leaves them able to do it alone next time.',
    'Brought the two teams together on the API contract instead of letting it drift.',
    'Could involve others earlier: a few decisions landed as finished plans.',
  ],
  'eng-communication': [
    'Writes the clearest design docs on the floor; product reads them too.',
    'Incident updates were calm and regular, which kept support out of the channel.',
    'Sometimes goes deep into detail when the room needs the headline first.',
  ],
  delivery: [
    'Breaks big work into pieces that ship every week.',
    'Flagged the schedule risk two weeks out, so we could cut scope calmly.',
    'Estimates have been optimistic this half; the last two milestones slipped.',
  ],
  'code-quality': [
    'Reviews are thorough and kind, with examples of a better way.',
    'The test harness they built caught three regressions before release.',
    'Left some of the migration code without tests under deadline pressure.',
  ],
};
const outside = ['Priya from Product', 'Tom (Design)', 'Support lead'];

/**
 * A peer feedback cycle every half-year for the past year and a half, about up to eight of the
 * user's reports, with three peers asked each. Most peers answered on two competencies; the older
 * cycles are mostly followed up, the newest one is still coming in.
 */
export const cyclesModule: SampleModule = {
  id: 'cycles',
  fills: ['feedbackCycles', 'cycleRequests', 'cycleResponses'],
  after: ['org'],
  generate(ctx: SampleContext) {
    const { rng } = ctx;
    const today = toDay(ctx.today);
    const meId = ctx.facts.meId ?? null;
    const active = ctx.tables.people.filter((p) => !p.archived && p.id !== meId);
    const reports = active.filter((p) => p.managerId === meId).slice(0, 8);
    if (reports.length === 0) return;
    const cycles = Math.min(3, Math.max(1, Math.floor(ctx.size.historyWeeks / 26)));
    for (let c = cycles - 1; c >= 0; c--) {
      const end = today - c * 182 - 7;
      const start = end - 181;
      const due = end + 14;
      const stamp = stampAt(start + 150, '09:00');
      const chosen = rng.sample([...competencies], 2);
      const cycle: FeedbackCycle = {
        id: rng.uuid(),
        name: `Peer feedback ${fromDay(end).slice(0, 4)} ${Number(fromDay(end).slice(5, 7)) <= 6 ? 'H1' : 'H2'}`,
        from: fromDay(start),
        to: fromDay(end),
        due: fromDay(due),
        participantIds: reports.map((p) => p.id),
        competencies: chosen.map((competencyId) => ({ ladderId: sampleLadder.ladderId, competencyId })),
        createdAt: stamp,
        updatedAt: stamp,
      };
      ctx.tables.feedbackCycles.push(cycle);
      for (const person of reports) {
        const peers = rng.sample(
          active.filter((p) => p.id !== person.id),
          Math.min(2, active.length - 1),
        );
        const asked: { id: string | null; name: string }[] = [...peers.map((p) => ({ id: p.id, name: '' })), { id: null, name: rng.pick(outside) }];
        for (const peer of asked) {
          const answered = due <= today ? rng.chance(0.85) : rng.chance(0.4);
          const followed = answered && due + 14 <= today && rng.chance(0.75);
          const request: CycleRequest = {
            id: rng.uuid(),
            cycleId: cycle.id,
            personId: person.id,
            peerId: peer.id,
            peerName: peer.name,
            due: cycle.due,
            ...(followed ? { followedUpOn: fromDay(Math.min(due + rng.int(3, 14), today)) } : {}),
            createdAt: stamp,
            updatedAt: stamp,
          };
          ctx.tables.cycleRequests.push(request);
          if (!answered) continue;
          const day = Math.min(end + rng.int(0, 14), today);
          for (const competencyId of chosen) {
            const response: CycleResponse = {
              id: rng.uuid(),
              cycleId: cycle.id,
              requestId: request.id,
              personId: person.id,
              date: fromDay(day),
              visibility: rng.chance(0.7) ? 'shareable' : 'private',
              criteria: [{ ladderId: sampleLadder.ladderId, competencyId }],
              competencyIds: [competencyId],
              respondentId: peer.id,
              respondentName: peer.name,
              text: rng.pick(answers[competencyId as (typeof competencies)[number]]),
              source: 'imported',
              createdAt: stampAt(day, '16:00', rng.int(0, 90)),
            };
            ctx.tables.cycleResponses.push(response);
          }
        }
      }
    }
  },
};
