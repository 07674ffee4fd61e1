import type { CalibrationSession, Decision, KnownKey, SessionLogEntry, SessionPacket } from '../calibration/model';
import type { Assessment } from '../domain/assessments';
import type { CycleRequest, CycleResponse, FeedbackCycle } from '../domain/cycles';
import type { FeedbackEntry, FollowUp } from '../domain/feedback';
import type { ActionItem, Meeting, MeetingTemplate, Series, TalkingPoint } from '../domain/meetings';
import type { Person } from '../domain/person';
import type { CheckIn, Goal, Milestone } from '../domain/plans';
import type { Relationship } from '../domain/relationships';
import type { LearningBudget, LearningItem, StretchProject } from '../domain/stretch';
import type { Team } from '../domain/team';
import type { Win } from '../domain/wins';
import type { PacketDraft } from '../packets/model';
import type { SigningKeyRow } from '../packets/signing';

/**
 * Which fields the passphrase lock encrypts at rest, keyed by Dexie table like `privacyPolicies`
 * (a test fails when a table has none). A table that later issues add (feedback, wins, goals,
 * packets) declares its fields here and is encrypted without any other change.
 *
 * - `private`: encrypted whenever the lock is on (a manager's own text).
 * - `noteText`: encrypted too when the user chose "all note text".
 *
 * An encrypted field is never indexed (IndexedDB would keep its plaintext in the index) and never
 * part of the primary key: tests/unit/renderer/lock-db.test.ts checks both against the schema.
 */
export interface AtRestPolicy<Row> {
  private: readonly (keyof Row & string)[];
  noteText: readonly (keyof Row & string)[];
}

/** The lock's choice of what to encrypt. */
export const lockScopes = ['private', 'all-text'] as const;
export type LockScope = (typeof lockScopes)[number];

function atRest<Row>(p: AtRestPolicy<Row>): AtRestPolicy<Row> {
  return p;
}

const nothing = { private: [], noteText: [] } as const;

export const atRestPolicies = {
  people: atRest<Person>(nothing),
  teams: atRest<Team>(nothing),
  relationships: atRest<Relationship>(nothing),
  series: atRest<Series>(nothing),
  meetings: atRest<Meeting>({ private: ['privateNotes'], noteText: ['sharedNotes', 'agenda'] }),
  actionItems: atRest<ActionItem>({ private: [], noteText: ['text'] }),
  talkingPoints: atRest<TalkingPoint>({ private: [], noteText: ['text'] }),
  templates: atRest<MeetingTemplate>(nothing),
  /**
   * The author's private notes always; with "all note text", the summary and the ratings (each
   * rating's comment, not-applicable reason and evidence titles travel in it, and its value with
   * them). What stays readable: whose assessment, its date, period, level, ladder and status.
   */
  assessments: atRest<Assessment>({ private: ['privateNotes'], noteText: ['summary', 'ratings'] }),
  /** Feedback (optional, with "all note text"): the SBI text and who it came from when that is a name. */
  feedback: atRest<FeedbackEntry>({ private: [], noteText: ['situation', 'behaviour', 'impact', 'nextStep', 'fromName'] }),
  followUps: atRest<FollowUp>({ private: [], noteText: ['note', 'outcome'] }),
  /** Cycles: the name is a plan's title, readable; requests name a peer when they are outside Trellis. */
  feedbackCycles: atRest<FeedbackCycle>({ private: [], noteText: ['name'] }),
  cycleRequests: atRest<CycleRequest>({ private: [], noteText: ['peerName'] }),
  /** A peer's words and, when they are outside Trellis, their name. */
  cycleResponses: atRest<CycleResponse>({ private: [], noteText: ['text', 'respondentName'] }),
  /** Wins: what happened, what it led to and the links, with "all note text". */
  wins: atRest<Win>({ private: [], noteText: ['title', 'impact', 'links'] }),
  /** Goals: the manager's private notes always; the rest of their text with "all note text". */
  goals: atRest<Goal>({ private: ['privateNotes'], noteText: ['title', 'description', 'teamOutcome'] }),
  goalMilestones: atRest<Milestone>({ private: [], noteText: ['title'] }),
  goalCheckIns: atRest<CheckIn>({ private: [], noteText: ['note'] }),
  stretchProjects: atRest<StretchProject>({ private: ['privateNotes'], noteText: ['title', 'outcome'] }),
  // What learning cost is private to the person and their manager (privacyPolicies): encrypted whenever the lock is on.
  learningItems: atRest<LearningItem>({ private: ['cost', 'currency'], noteText: ['title'] }),
  learningBudgets: atRest<LearningBudget>(nothing),
  /** A packet draft is written to be sent, but until then it is note text: its summary and narratives. */
  packets: atRest<PacketDraft>({ private: [], noteText: ['summary', 'criteria'] }),
  /** The packet signing key's private half: encrypted whenever the lock is on (issue: "encrypted when the passphrase lock is on"). */
  signingKeys: atRest<SigningKeyRow>({ private: ['privateKey'], noteText: [] }),
  /**
   * Calibration (with "all note text"): the packets' text (narratives about people), the
   * committee's rationale and open questions, and what the log kept of them. Names of sessions,
   * flags, dates and outcomes stay readable.
   */
  calibrationSessions: atRest<CalibrationSession>({ private: [], noteText: ['scope'] }),
  sessionPackets: atRest<SessionPacket>({ private: [], noteText: ['text'] }),
  decisions: atRest<Decision>({ private: [], noteText: ['rationale', 'openQuestions'] }),
  sessionLog: atRest<SessionLogEntry>({ private: [], noteText: ['reason', 'rationale'] }),
  knownKeys: atRest<KnownKey>(nothing),
  /** The lock's own key ring: wrapped keys are already encrypted, and it must be readable while locked. */
  keyring: { private: [], noteText: [] } as AtRestPolicy<Record<string, unknown>>,
};

export type AtRestTable = keyof typeof atRestPolicies;

/** The fields of `table` the lock encrypts under `scope` (none for a table without a policy). */
export function encryptedFieldsOf(table: string, scope: LockScope): readonly string[] {
  const p = (atRestPolicies as unknown as Record<string, { private: readonly string[]; noteText: readonly string[] }>)[table];
  if (!p) return [];
  return scope === 'all-text' ? [...p.private, ...p.noteText] : p.private;
}
