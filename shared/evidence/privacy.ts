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
import type { EvidenceItem } from './coverage';

/**
 * The one place that decides what may leave the machine. Every exporter (Markdown, HTML, PDF,
 * JSON, CSV, .ics, exchange files, packets) passes records through `shareable()` or
 * `shareableRecords()`; no exporter filters private data on its own.
 *
 * Policies are keyed by Dexie table name, and a test checks that every table of the database has
 * one: a feature that adds a table must write down here which of its fields may never leave.
 */

export interface PrivacyPolicy<Row, Field extends keyof Row & string = keyof Row & string> {
  /** Fields that are never exported, whatever the record's visibility. */
  privateFields: readonly Field[];
  /** True when the whole record must stay on the machine (e.g. `visibility: 'private'`). */
  isPrivate(row: Row): boolean;
}

const never = () => false;
/** The common rule for evidence records: the record's own `visibility`. */
export const privateByVisibility = (row: { visibility: 'private' | 'shareable' }) => row.visibility === 'private';

function policy<Row>() {
  return <Field extends keyof Row & string = never>(p: PrivacyPolicy<Row, Field>) => p;
}

/** Every table's policy. Add yours when you add a table (tests/unit/shared/privacy-policies.test.ts checks). */
export const privacyPolicies = {
  people: policy<Person>()({ privateFields: [], isPrivate: never }),
  teams: policy<Team>()({ privateFields: [], isPrivate: never }),
  relationships: policy<Relationship>()({ privateFields: [], isPrivate: never }),
  series: policy<Series>()({ privateFields: [], isPrivate: never }),
  /** A manager's private notes are theirs alone. */
  meetings: policy<Meeting>()({ privateFields: ['privateNotes'], isPrivate: never }),
  actionItems: policy<ActionItem>()({ privateFields: [], isPrivate: never }),
  talkingPoints: policy<TalkingPoint>()({ privateFields: [], isPrivate: never }),
  templates: policy<MeetingTemplate>()({ privateFields: [], isPrivate: never }),
  /** An assessment's private notes are its author's alone; a private assessment never leaves at all. */
  assessments: policy<Assessment>()({ privateFields: ['privateNotes'], isPrivate: privateByVisibility }),
  /** A packet draft is written to be sent: what it says leaves with it (its evidence goes through `shareableEvidence`). */
  packets: policy<PacketDraft>()({ privateFields: [], isPrivate: never }),
  /** The packet signing key: only its public half travels, inside a signed file, never this row. */
  signingKeys: policy<SigningKeyRow>()({ privateFields: ['privateKey'], isPrivate: () => true }),
  /** A private entry never leaves at all; a shareable one leaves whole. */
  feedback: policy<FeedbackEntry>()({ privateFields: [], isPrivate: privateByVisibility }),
  /** A follow-up carries its entry's visibility: a private entry's note and outcome stay too. */
  followUps: policy<FollowUp>()({ privateFields: [], isPrivate: privateByVisibility }),
  /** A cycle's plan (name, period, who and what it asks about) is no secret. */
  feedbackCycles: policy<FeedbackCycle>()({ privateFields: [], isPrivate: never }),
  /** Who was asked about whom is the manager's own bookkeeping: never in an export. */
  cycleRequests: policy<CycleRequest>()({ privateFields: [], isPrivate: () => true }),
  /** A peer's response is evidence: a private one never leaves; a shareable one leaves whole. */
  cycleResponses: policy<CycleResponse>()({ privateFields: [], isPrivate: privateByVisibility }),
  /** A private win never leaves; a shareable one leaves whole. */
  wins: policy<Win>()({ privateFields: [], isPrivate: privateByVisibility }),
  /** A goal's private notes are the manager's own; a private goal never leaves at all. */
  goals: policy<Goal>()({ privateFields: ['privateNotes'], isPrivate: privateByVisibility }),
  goalMilestones: policy<Milestone>()({ privateFields: [], isPrivate: privateByVisibility }),
  goalCheckIns: policy<CheckIn>()({ privateFields: [], isPrivate: privateByVisibility }),
  /** A stretch project's private notes are the manager's own. */
  stretchProjects: policy<StretchProject>()({ privateFields: ['privateNotes'], isPrivate: privateByVisibility }),
  /** What someone's learning cost is between them and their manager: never in an export. */
  learningItems: policy<LearningItem>()({ privateFields: ['cost', 'currency'], isPrivate: never }),
  learningBudgets: policy<LearningBudget>()({ privateFields: [], isPrivate: () => true }),
  /**
   * Calibration: packets as other managers sent them (already shareable when they left), the
   * committee's decisions and log (exported on purpose, for HR records), keys met. Nothing private.
   */
  calibrationSessions: policy<CalibrationSession>()({ privateFields: [], isPrivate: never }),
  sessionPackets: policy<SessionPacket>()({ privateFields: [], isPrivate: never }),
  decisions: policy<Decision>()({ privateFields: [], isPrivate: never }),
  sessionLog: policy<SessionLogEntry>()({ privateFields: [], isPrivate: never }),
  knownKeys: policy<KnownKey>()({ privateFields: [], isPrivate: never }),
  /** The passphrase lock's key ring: wrapped keys never leave the machine except in the user's own backup. */
  keyring: policy<{ id: string }>()({ privateFields: [], isPrivate: () => true }),
} as const;

export type PolicyTable = keyof typeof privacyPolicies;
type RowOf<T extends PolicyTable> = (typeof privacyPolicies)[T] extends PrivacyPolicy<infer R, infer _F> ? R : never;
type FieldOf<T extends PolicyTable> = (typeof privacyPolicies)[T] extends PrivacyPolicy<infer _R, infer F> ? F : never;
/** A record as it may leave the machine: its private fields may be absent. */
export type Shared<T extends PolicyTable> = Omit<RowOf<T>, FieldOf<T>>;

/**
 * The record as it may leave the machine: `null` when the record is private, otherwise a copy
 * without its private fields. There is no way to ask for them: no export, packet or exchange
 * file ever holds a private field (the backup, which stays the user's own copy of everything,
 * does not go through here).
 */
export function shareable<T extends PolicyTable>(table: T, row: RowOf<T>): Shared<T> | null {
  const p = privacyPolicies[table] as unknown as PrivacyPolicy<RowOf<T>, string & keyof RowOf<T>>;
  if (p.isPrivate(row)) return null;
  const copy: Record<string, unknown> = { ...(row as object) };
  for (const field of p.privateFields) delete copy[field];
  return copy as Shared<T>;
}

/** `shareable()` over a list, dropping private records. */
export function shareableRecords<T extends PolicyTable>(table: T, rows: readonly RowOf<T>[]): Shared<T>[] {
  const out: Shared<T>[] = [];
  for (const row of rows) {
    const kept = shareable(table, row);
    if (kept) out.push(kept);
  }
  return out;
}

/** The private fields of a table, for tests that plant a canary in each of them. */
export function privateFieldsOf(table: PolicyTable): readonly string[] {
  return privacyPolicies[table].privateFields;
}

/**
 * Evidence as the readers (packets, calibration) may pass it on: private records dropped. Every
 * source already names a record's visibility; this is the one place that acts on it.
 */
export function shareableEvidence(items: readonly EvidenceItem[]): EvidenceItem[] {
  return items.filter((item) => item.visibility !== 'private');
}
