import type { Decision, DecisionOutcome, SessionLogEntry } from './model';

/** A change of a recorded decision without a reason: refused, so the log always says why. */
export class DecisionReasonRequiredError extends Error {
  constructor() {
    super('Say why the decision changes: a recorded decision can only be changed with a reason.');
    this.name = 'DecisionReasonRequiredError';
  }
}

export const emptyDecision = (id: string, sessionId: string, at: string): Decision => ({
  id,
  sessionId,
  outcome: null,
  rationale: '',
  openQuestions: '',
  decidedAt: null,
  updatedAt: at,
});

export type OutcomeChange = { decision: Decision; log: Omit<SessionLogEntry, 'id'> | null };

/**
 * The rules for setting a candidate's outcome. The first outcome is recorded as a decision; any
 * later different outcome is a change and needs a reason; the same outcome again changes nothing.
 * A decision is never taken back to "undecided" (defer says that on purpose). The manager's
 * proposal is not part of a decision at all, so nothing here can touch it.
 */
export function setOutcome(current: Decision, outcome: DecisionOutcome, at: string, reason = ''): OutcomeChange {
  if (current.outcome === outcome) return { decision: current, log: null };
  const decision: Decision = { ...current, outcome, decidedAt: at, updatedAt: at };
  const base = { sessionId: current.sessionId, at, packetId: current.id, to: outcome, rationale: current.rationale };
  if (current.outcome === null) return { decision, log: { ...base, kind: 'decided' } };
  if (reason.trim() === '') throw new DecisionReasonRequiredError();
  return { decision, log: { ...base, kind: 'changed', from: current.outcome, reason: reason.trim() } };
}

/** How many times a candidate's decision changed, and the last reason, from the session log. */
export function changesOf(log: readonly SessionLogEntry[], packetId: string): { count: number; lastReason: string } {
  const changes = log.filter((e) => e.kind === 'changed' && e.packetId === packetId);
  return { count: changes.length, lastReason: changes.at(-1)?.reason ?? '' };
}
