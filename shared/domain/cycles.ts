/**
 * Feedback cycles: a structured round of peer feedback a few times a year. A cycle names its
 * period, the people it is about (participants) and the competencies to ask about. Per
 * participant the manager asks peers (requests, each with a due day); responses come back pasted
 * or imported from a survey tool's export (cycle-import.ts), and are evidence about the
 * participant. "Closing the loop" is following up on what was received: a request is followed up
 * when the manager took its responses back to the person (or thanked the peer) and said so here.
 * Pure code: the repository (renderer/db/cycles.ts) stores.
 */
import { z } from 'zod';

import { type CriterionRef, criterionRefSchema, evidenceFieldsSchema } from '../evidence/refs';
import { isoDateSchema } from './dates';

export const MAX_CYCLE_NAME = 120;
export const MAX_RESPONSE_TEXT = 10_000;
export const MAX_PARTICIPANTS = 500;

export const feedbackCycleSchema = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().trim().min(1, 'Give the cycle a name').max(MAX_CYCLE_NAME),
    /** The period the feedback is about (inclusive ISO days). */
    from: isoDateSchema,
    to: isoDateSchema,
    /** When responses are due, by default for every request. */
    due: isoDateSchema,
    participantIds: z.array(z.string().min(1).max(200)).max(MAX_PARTICIPANTS),
    /** The competencies to ask about (ladder and competency ids; no level: peers speak to the competency). */
    competencies: z.array(criterionRefSchema).max(100),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict()
  .refine((c) => c.from <= c.to, { message: 'The period ends before it starts', path: ['to'] });
export type FeedbackCycle = z.output<typeof feedbackCycleSchema>;
export type CycleDraft = Pick<FeedbackCycle, 'name' | 'from' | 'to' | 'due' | 'participantIds' | 'competencies'>;

/**
 * A peer asked for feedback about one participant. The peer is a person in Trellis or a name.
 * `followedUpOn` is the day the manager closed the loop on what came back.
 */
export const cycleRequestSchema = z
  .object({
    id: z.string().min(1).max(200),
    cycleId: z.string().min(1).max(200),
    personId: z.string().min(1).max(200),
    peerId: z.string().max(200).nullable(),
    peerName: z.string().max(120),
    due: isoDateSchema,
    followedUpOn: isoDateSchema.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict()
  .refine((r) => r.peerId !== null || r.peerName.trim() !== '', { message: 'Choose or name the peer', path: ['peerId'] });
export type CycleRequest = z.output<typeof cycleRequestSchema>;

/**
 * One answer a peer gave about a participant, on one competency of the cycle (or in general when
 * `criteria` is empty). Evidence like any other: private ones never leave the machine.
 */
export const cycleResponseSchema = evidenceFieldsSchema
  .extend({
    id: z.string().min(1).max(200),
    cycleId: z.string().min(1).max(200),
    /** The request it answers, when the respondent was asked; null for feedback nobody asked for. */
    requestId: z.string().max(200).nullable(),
    respondentId: z.string().max(200).nullable(),
    respondentName: z.string().max(120),
    text: z.string().trim().min(1, 'Write the response').max(MAX_RESPONSE_TEXT),
    source: z.enum(['pasted', 'imported']),
    createdAt: z.string(),
  })
  .strict();
export type CycleResponse = z.output<typeof cycleResponseSchema>;

/** Requested vs received vs followed up, and the share of received feedback that was followed up. */
export interface CycleHealth {
  requested: number;
  received: number;
  followedUp: number;
  /** followedUp / received, 0–1; null when nothing was received yet. */
  closedLoopRate: number | null;
  /** Requests past their due day with no response. */
  overdue: number;
}

export function cycleHealth(requests: readonly CycleRequest[], responses: readonly Pick<CycleResponse, 'requestId'>[], today: string): CycleHealth {
  const answered = new Set(responses.map((r) => r.requestId).filter((id): id is string => id !== null));
  const received = requests.filter((r) => answered.has(r.id));
  const followedUp = received.filter((r) => r.followedUpOn !== undefined).length;
  return {
    requested: requests.length,
    received: received.length,
    followedUp,
    closedLoopRate: received.length === 0 ? null : followedUp / received.length,
    overdue: requests.filter((r) => !answered.has(r.id) && r.due < today).length,
  };
}

/** "67%", or "—" when there is nothing to follow up yet. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

export interface CompetencyGroup {
  /** Null: responses that name no competency of the cycle ("In general"). */
  competencyId: string | null;
  responses: CycleResponse[];
}

/**
 * One participant's responses grouped by the cycle's competencies, in the cycle's order, then
 * competencies the cycle no longer lists, then "in general"; oldest first inside a group.
 */
export function summaryByCompetency(cycle: Pick<FeedbackCycle, 'competencies'>, responses: readonly CycleResponse[]): CompetencyGroup[] {
  const order = cycle.competencies.map((c) => c.competencyId);
  const groups = new Map<string | null, CycleResponse[]>();
  for (const r of [...responses].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))) {
    const key = r.competencyIds[0] ?? null;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const rank = (id: string | null) => (id === null ? Number.MAX_SAFE_INTEGER : order.includes(id) ? order.indexOf(id) : order.length);
  return [...groups.entries()]
    .map(([competencyId, list]) => ({ competencyId, responses: list }))
    .sort((a, b) => rank(a.competencyId) - rank(b.competencyId) || String(a.competencyId).localeCompare(String(b.competencyId)));
}

/** The criterion reference a response names for a competency of the cycle. */
export function responseCriteria(cycle: Pick<FeedbackCycle, 'competencies'>, competencyId: string | null): CriterionRef[] {
  if (competencyId === null) return [];
  const ref = cycle.competencies.find((c) => c.competencyId === competencyId);
  return ref ? [{ ladderId: ref.ladderId, competencyId: ref.competencyId }] : [];
}

export interface CycleEditCheck {
  /** Why the edit cannot be saved, by field (participantIds, competencies); empty when it can. */
  errors: Record<string, string>;
  /** Requests of participants the edit takes out that nobody answered yet: they go with them. */
  droppedRequestIds: string[];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Whether `next` may replace a cycle's participants and competencies: nothing a response
 * references may go (a participant someone answered about, a competency a response is filed
 * under), so an edit never orphans what peers wrote. Peers asked about a participant taken out,
 * with no answer yet, go with them (the dialog says so).
 */
export function checkCycleEdit(
  next: Pick<FeedbackCycle, 'participantIds' | 'competencies'>,
  requests: readonly Pick<CycleRequest, 'id' | 'personId'>[],
  responses: readonly Pick<CycleResponse, 'personId' | 'criteria'>[],
  words: { personName?: (id: string) => string; competencyName?: (ref: CriterionRef) => string } = {},
): CycleEditCheck {
  const { personName = () => 'a participant', competencyName = (ref) => ref.competencyId } = words;
  const staying = new Set(next.participantIds);
  const errors: Record<string, string> = {};
  const answeredAbout = new Map<string, number>();
  for (const r of responses) if (!staying.has(r.personId)) answeredAbout.set(r.personId, (answeredAbout.get(r.personId) ?? 0) + 1);
  if (answeredAbout.size > 0)
    errors.participantIds = `${[...answeredAbout].map(([id, n]) => `${personName(id)} (${count(n, 'response', 'responses')})`).join(', ')}: delete ${answeredAbout.size === 1 && [...answeredAbout.values()][0] === 1 ? 'that response' : 'those responses'} first to take ${answeredAbout.size === 1 ? 'them' : 'these people'} out of the cycle.`;
  const asked = (ref: CriterionRef) => next.competencies.some((c) => c.ladderId === ref.ladderId && c.competencyId === ref.competencyId);
  const filedUnder = new Map<string, { ref: CriterionRef; n: number }>();
  for (const r of responses)
    for (const ref of r.criteria) {
      if (asked(ref)) continue;
      const key = `${ref.ladderId}/${ref.competencyId}`;
      filedUnder.set(key, { ref, n: (filedUnder.get(key)?.n ?? 0) + 1 });
    }
  if (filedUnder.size > 0)
    errors.competencies = `${[...filedUnder.values()].map(({ ref, n }) => `${competencyName(ref)} (${count(n, 'response', 'responses')})`).join(', ')}: responses are filed under ${filedUnder.size === 1 ? 'it' : 'them'}; move or delete them first.`;
  const droppedRequestIds = requests.filter((r) => !staying.has(r.personId) && !answeredAbout.has(r.personId)).map((r) => r.id);
  return { errors, droppedRequestIds };
}
