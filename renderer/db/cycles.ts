import type { ZodType } from 'zod';

import type { ImportedResponse } from '../../shared/domain/cycle-import';
import {
  checkCycleEdit,
  type CycleDraft,
  type CycleRequest,
  cycleRequestSchema,
  type CycleResponse,
  cycleResponseSchema,
  type FeedbackCycle,
  feedbackCycleSchema,
  responseCriteria,
} from '../../shared/domain/cycles';
import { fieldErrorsOf } from '../../shared/domain/person';
import { type Visibility, withCompetencyIds } from '../../shared/evidence/refs';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { registerEvidenceSource } from './evidence';

/** How many cycles the list shows (several a year for decades). */
export const CYCLE_LIST_LIMIT = 500;

export interface NewRequest {
  personId: string;
  peerId: string | null;
  peerName: string;
  due: string;
}

export type ResponsePatch = Partial<Pick<CycleResponse, 'text' | 'date' | 'visibility'> & { competencyId: string | null }>;

export interface NewResponse {
  personId: string;
  respondentId: string | null;
  respondentName: string;
  competencyId: string | null;
  text: string;
  date: string;
  visibility: Visibility;
}

function parse<T>(schema: ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/**
 * Feedback cycles, the peers asked and the responses. A response is tied to the request of its
 * respondent about its participant when there is one, so "received" counts what was asked for.
 * An import writes all its responses in one transaction, or none.
 */
export class CyclesRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(limit = CYCLE_LIST_LIMIT): Promise<FeedbackCycle[]> {
    return this.db.feedbackCycles.orderBy('updatedAt').reverse().limit(limit).toArray();
  }

  get(id: string): Promise<FeedbackCycle | undefined> {
    return this.db.feedbackCycles.get(id);
  }

  async create(draft: CycleDraft): Promise<FeedbackCycle> {
    const stamp = this.now().toISOString();
    const cycle = parse(feedbackCycleSchema, {
      ...draft,
      participantIds: [...new Set(draft.participantIds)],
      id: crypto.randomUUID(),
      createdAt: stamp,
      updatedAt: stamp,
    });
    if (cycle.participantIds.length === 0) throw new ValidationError({ participantIds: 'Choose at least one participant' });
    await this.db.feedbackCycles.add(cycle);
    return cycle;
  }

  /**
   * Renames a cycle or changes its period, due day, participants or competencies. Refused
   * (ValidationError) when it would take away a participant or a competency that a response
   * references (checkCycleEdit); peers asked about a participant taken out, with no answer yet,
   * are deleted with them, in the same transaction.
   */
  async update(id: string, draft: Partial<CycleDraft>): Promise<FeedbackCycle> {
    return this.db.transaction('rw', [this.db.feedbackCycles, this.db.cycleRequests, this.db.cycleResponses], async () => {
      const current = await this.db.feedbackCycles.get(id);
      if (!current) throw new NotFoundError('This cycle');
      const next = parse(feedbackCycleSchema, {
        ...current,
        ...draft,
        ...(draft.participantIds ? { participantIds: [...new Set(draft.participantIds)] } : {}),
        updatedAt: this.now().toISOString(),
      });
      if (next.participantIds.length === 0) throw new ValidationError({ participantIds: 'Choose at least one participant' });
      const [requests, responses] = await Promise.all([this.requests(id), this.responses(id)]);
      const check = checkCycleEdit(next, requests, responses);
      if (Object.keys(check.errors).length > 0) throw new ValidationError(check.errors);
      if (check.droppedRequestIds.length > 0) await this.db.cycleRequests.bulkDelete(check.droppedRequestIds);
      await this.db.feedbackCycles.put(next);
      return next;
    });
  }

  /** Deletes a cycle with its requests and responses. */
  async remove(id: string): Promise<void> {
    await this.db.transaction('rw', [this.db.feedbackCycles, this.db.cycleRequests, this.db.cycleResponses], async () => {
      await this.db.cycleResponses.where('cycleId').equals(id).delete();
      await this.db.cycleRequests.where('cycleId').equals(id).delete();
      await this.db.feedbackCycles.delete(id);
    });
  }

  requests(cycleId: string): Promise<CycleRequest[]> {
    return this.db.cycleRequests.where('cycleId').equals(cycleId).toArray();
  }

  responses(cycleId: string): Promise<CycleResponse[]> {
    return this.db.cycleResponses.where('cycleId').equals(cycleId).toArray();
  }

  responsesFor(cycleId: string, personId: string): Promise<CycleResponse[]> {
    return this.db.cycleResponses.where('[cycleId+personId]').equals([cycleId, personId]).toArray();
  }

  async addRequest(cycleId: string, input: NewRequest): Promise<CycleRequest> {
    const stamp = this.now().toISOString();
    const row = parse(cycleRequestSchema, {
      ...input,
      peerName: input.peerId ? '' : input.peerName.trim(),
      id: crypto.randomUUID(),
      cycleId,
      createdAt: stamp,
      updatedAt: stamp,
    });
    return this.db.transaction('rw', [this.db.feedbackCycles, this.db.cycleRequests, this.db.cycleResponses], async () => {
      const cycle = await this.db.feedbackCycles.get(cycleId);
      if (!cycle) throw new NotFoundError('This cycle');
      if (!cycle.participantIds.includes(row.personId)) throw new ValidationError({ personId: 'This person is not in the cycle' });
      if (row.peerId === row.personId) throw new ValidationError({ peerId: 'Ask someone other than the person themselves' });
      const existing = await this.db.cycleRequests.where('[cycleId+personId]').equals([cycleId, row.personId]).toArray();
      if (existing.some((r) => samePeer(r, row))) throw new ValidationError({ peerId: 'This peer is asked already' });
      await this.db.cycleRequests.add(row);
      // Responses that came in before the request was written now answer it.
      await this.db.cycleResponses
        .where('[cycleId+personId]')
        .equals([cycleId, row.personId])
        .modify((r) => {
          if (r.requestId === null && samePeer({ peerId: r.respondentId, peerName: r.respondentName }, row)) r.requestId = row.id;
        });
      return row;
    });
  }

  /** Deletes a request; its responses stay, as feedback nobody asked for. */
  async removeRequest(id: string): Promise<void> {
    await this.db.transaction('rw', [this.db.cycleRequests, this.db.cycleResponses], async () => {
      const request = await this.db.cycleRequests.get(id);
      if (!request) return;
      await this.db.cycleResponses
        .where('[cycleId+personId]')
        .equals([request.cycleId, request.personId])
        .modify((r) => {
          if (r.requestId === id) r.requestId = null;
        });
      await this.db.cycleRequests.delete(id);
    });
  }

  /** Closes the loop on a request (day given), or opens it again (null). */
  async setFollowedUp(id: string, day: string | null): Promise<CycleRequest> {
    return this.db.transaction('rw', this.db.cycleRequests, async () => {
      const current = await this.db.cycleRequests.get(id);
      if (!current) throw new NotFoundError('This request');
      const { followedUpOn: _old, ...rest } = current;
      const next = parse(cycleRequestSchema, { ...rest, ...(day ? { followedUpOn: day } : {}), updatedAt: this.now().toISOString() });
      await this.db.cycleRequests.put(next);
      return next;
    });
  }

  /** One response written in by hand. */
  async addResponse(cycleId: string, input: NewResponse): Promise<CycleResponse> {
    const [row] = await this.addResponses(cycleId, [input], 'pasted');
    return row!;
  }

  /**
   * The responses of an import (already checked by checkResponses), in one transaction: every
   * row is validated first, so a refusal writes nothing.
   */
  async importResponses(cycleId: string, rows: readonly ImportedResponse[], visibility: Visibility): Promise<CycleResponse[]> {
    return this.addResponses(
      cycleId,
      rows.map((r) => ({ ...r, visibility })),
      'imported',
    );
  }

  private async addResponses(cycleId: string, inputs: readonly NewResponse[], source: CycleResponse['source']): Promise<CycleResponse[]> {
    return this.db.transaction('rw', [this.db.feedbackCycles, this.db.cycleRequests, this.db.cycleResponses], async () => {
      const cycle = await this.db.feedbackCycles.get(cycleId);
      if (!cycle) throw new NotFoundError('This cycle');
      const requests = await this.db.cycleRequests.where('cycleId').equals(cycleId).toArray();
      const stamp = this.now().toISOString();
      const rows = inputs.map((input) => {
        if (!cycle.participantIds.includes(input.personId)) throw new ValidationError({ personId: 'This person is not in the cycle' });
        const request = requests.find((r) => r.personId === input.personId && samePeer(r, { peerId: input.respondentId, peerName: input.respondentName }));
        return parse(
          cycleResponseSchema,
          withCompetencyIds({
            id: crypto.randomUUID(),
            cycleId,
            requestId: request?.id ?? null,
            personId: input.personId,
            date: input.date,
            visibility: input.visibility,
            criteria: responseCriteria(cycle, input.competencyId),
            competencyIds: [],
            respondentId: input.respondentId,
            respondentName: input.respondentId ? '' : input.respondentName.trim(),
            text: input.text,
            source,
            createdAt: stamp,
          }),
        );
      });
      await this.db.cycleResponses.bulkAdd(rows);
      return rows;
    });
  }

  /**
   * Edits a response written in or imported: its text, the competency of the cycle it speaks to
   * (null: in general), its date and visibility. Who wrote it stays (it ties it to a request).
   */
  async updateResponse(id: string, patch: ResponsePatch): Promise<CycleResponse> {
    return this.db.transaction('rw', [this.db.feedbackCycles, this.db.cycleResponses], async () => {
      const current = await this.db.cycleResponses.get(id);
      if (!current) throw new NotFoundError('This response');
      const cycle = await this.db.feedbackCycles.get(current.cycleId);
      if (!cycle) throw new NotFoundError('This cycle');
      const { competencyId, ...rest } = patch;
      if (competencyId !== undefined && competencyId !== null && !cycle.competencies.some((c) => c.competencyId === competencyId))
        throw new ValidationError({ competencyId: 'The cycle does not ask about this competency' });
      const criteria = competencyId === undefined ? current.criteria : responseCriteria(cycle, competencyId);
      const next = parse(cycleResponseSchema, withCompetencyIds({ ...current, ...rest, criteria }));
      await this.db.cycleResponses.put(next);
      return next;
    });
  }

  async removeResponse(id: string): Promise<void> {
    await this.db.cycleResponses.delete(id);
  }
}

/** Same peer: the same person in Trellis, or the same name (case and accents aside). */
function samePeer(a: Pick<CycleRequest, 'peerId' | 'peerName'>, b: Pick<CycleRequest, 'peerId' | 'peerName'>): boolean {
  if (a.peerId || b.peerId) return a.peerId === b.peerId;
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  return norm(a.peerName) !== '' && norm(a.peerName) === norm(b.peerName);
}

/** What peers said in a cycle is evidence about the participant, on the competency asked about. */
registerEvidenceSource({
  kind: 'peer-response',
  async read(db, { personId, competencyId, from, to }) {
    const rows = await db.cycleResponses.where('[personId+date]').between([personId, from], [personId, to], true, true).toArray();
    return rows
      .filter((r) => !competencyId || r.competencyIds.includes(competencyId))
      .map((r) => ({
        kind: 'peer-response' as const,
        id: r.id,
        personId: r.personId,
        date: r.date,
        visibility: r.visibility,
        competencyIds: r.competencyIds,
        title: `Peer feedback: ${r.text.trim().replace(/\s+/g, ' ').slice(0, 60)}`,
      }));
  },
});
