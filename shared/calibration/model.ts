import { z } from 'zod';

import { type CandidateFlag } from '../packets/calibration';

/**
 * A committee's calibration session, kept in the local data (Dexie v9) so that opened packets,
 * decisions and the log survive a restart. The packets are stored exactly as opened (their file
 * text); the manager's proposal is read from that text and nothing ever writes over it. The
 * committee's decisions live in their own rows beside it.
 */

export const calibrationSessionSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1, 'Name the session').max(200),
    /** What the session calibrates, in the committee's words ("Senior engineers, H2 2026"). */
    scope: z.string().max(500),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type CalibrationSession = z.output<typeof calibrationSessionSchema>;

export const candidateFlags = [
  'changed',
  'unreadable',
  'unsigned',
  'bad-signature',
  'other-ladder-version',
  'unknown-ladder',
  'new-key',
] as const satisfies readonly (CandidateFlag | 'new-key')[];
export type SessionFlag = (typeof candidateFlags)[number];

/** A packet file as it was opened into a session: its text, untouched, and what the checks found then. */
export const sessionPacketSchema = z
  .object({
    id: z.string().min(1),
    sessionId: z.string().min(1),
    fileName: z.string().min(1).max(300),
    /** The file's text as opened (null when it could not be read at all). */
    text: z.string().max(5_000_000).nullable(),
    openedAt: z.string(),
    /** Order of opening, for stable "Candidate n" pseudonyms. */
    position: z.number().int().nonnegative(),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    flags: z.array(z.object({ flag: z.enum(candidateFlags), message: z.string().max(1_000) }).strict()).max(20),
  })
  .strict();
export type SessionPacket = z.output<typeof sessionPacketSchema>;

export const decisionOutcomes = ['promote', 'not-yet', 'defer'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];
export const outcomeLabels: Record<DecisionOutcome, string> = { promote: 'Promote', 'not-yet': 'Not yet', defer: 'Defer' };

/** The committee's decision on one candidate (one row per session packet, same id). */
export const decisionSchema = z
  .object({
    id: z.string().min(1),
    sessionId: z.string().min(1),
    /** null until the committee decides. */
    outcome: z.enum(decisionOutcomes).nullable(),
    rationale: z.string().max(20_000),
    openQuestions: z.string().max(20_000),
    decidedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .strict();
export type Decision = z.output<typeof decisionSchema>;

export const logKinds = ['created', 'opened', 'decided', 'changed', 'revealed', 'key-trusted', 'exported', 'renamed'] as const;
export type LogKind = (typeof logKinds)[number];

/** One line of the session log: what happened, to whom (by session packet), when, and why. */
export const sessionLogEntrySchema = z
  .object({
    id: z.string().min(1),
    sessionId: z.string().min(1),
    at: z.string(),
    kind: z.enum(logKinds),
    packetId: z.string().optional(),
    from: z.enum(decisionOutcomes).optional(),
    to: z.enum(decisionOutcomes).optional(),
    /** Why a decision changed (required for `changed`). */
    reason: z.string().max(5_000).optional(),
    /** The rationale as it stood when the decision was recorded or changed. */
    rationale: z.string().max(20_000).optional(),
    /** Anything else: the file names opened, the export format, the key's fingerprint, the name before a rename. */
    detail: z.string().max(5_000).optional(),
  })
  .strict();
export type SessionLogEntry = z.output<typeof sessionLogEntrySchema>;

/** A signing key the committee has met: seen in an opened packet, and perhaps marked trusted. */
export const knownKeySchema = z
  .object({
    /** The key's fingerprint (sha256 of the public key, hex). */
    id: z.string().regex(/^[0-9a-f]{64}$/),
    firstSeenAt: z.string(),
    firstFileName: z.string().max(300),
    /** 0 | 1 (indexable). */
    trusted: z.union([z.literal(0), z.literal(1)]),
    /** Whose key the committee checked it to be, in their words. */
    label: z.string().max(200),
    /** When it was marked trusted (absent on keys trusted before Trellis kept the time: the session log has it). */
    trustedAt: z.string().optional(),
  })
  .strict();
export type KnownKey = z.output<typeof knownKeySchema>;
