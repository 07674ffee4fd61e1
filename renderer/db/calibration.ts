import Dexie from 'dexie';

import { emptyDecision, setOutcome } from '../../shared/calibration/decisions';
import {
  type CalibrationSession,
  calibrationSessionSchema,
  type Decision,
  type DecisionOutcome,
  decisionSchema,
  type KnownKey,
  type SessionLogEntry,
  sessionLogEntrySchema,
  type SessionPacket,
  sessionPacketSchema,
} from '../../shared/calibration/model';
import type { OpenedCandidate } from '../../shared/packets/calibration';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';

/** Sessions a screen lists, packets a session holds, log lines a screen shows: at most these. */
export const SESSIONS_LISTED = 200;
export const PACKETS_PER_SESSION = 1_000;
export const LOG_SHOWN = 2_000;

/** What the decision editor autosaves. */
export type DecisionTextPatch = Pick<Decision, 'rationale' | 'openQuestions'>;

/** An opened file to keep: its text as read, and what openCandidates found. */
export type OpenedFile = Pick<OpenedCandidate, 'fileName' | 'fingerprint' | 'flags'> & { text: string | null };

/**
 * Calibration sessions. The packets are stored as opened and never written again; decisions are
 * their own rows, and every decision, change, reveal and export is a line in the session's log,
 * written in the same transaction as what it records.
 */
export class CalibrationRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private stamp = () => this.now().toISOString();

  private log(entry: Omit<SessionLogEntry, 'id'>) {
    return this.db.sessionLog.add(sessionLogEntrySchema.parse({ id: crypto.randomUUID(), ...entry }));
  }

  private touch(sessionId: string, at: string) {
    return this.db.calibrationSessions.update(sessionId, { updatedAt: at });
  }

  async createSession(input: { name: string; scope: string }): Promise<CalibrationSession> {
    const at = this.stamp();
    const parsed = calibrationSessionSchema.safeParse({ id: crypto.randomUUID(), name: input.name, scope: input.scope.trim(), createdAt: at, updatedAt: at });
    if (!parsed.success) throw new ValidationError({ name: parsed.error.issues[0]?.message ?? 'Name the session' });
    await this.db.transaction('rw', this.db.calibrationSessions, this.db.sessionLog, async () => {
      await this.db.calibrationSessions.add(parsed.data);
      await this.log({ sessionId: parsed.data.id, at, kind: 'created', detail: parsed.data.name });
    });
    return parsed.data;
  }

  getSession(id: string): Promise<CalibrationSession | undefined> {
    return this.db.calibrationSessions.get(id);
  }

  /** Newest first. */
  listSessions(): Promise<CalibrationSession[]> {
    return this.db.calibrationSessions.orderBy('updatedAt').reverse().limit(SESSIONS_LISTED).toArray();
  }

  /** A new name for a session, with a log line that keeps the old one. */
  async renameSession(id: string, name: string): Promise<CalibrationSession> {
    return this.db.transaction('rw', this.db.calibrationSessions, this.db.sessionLog, async () => {
      const current = await this.db.calibrationSessions.get(id);
      if (!current) throw new NotFoundError('This calibration session');
      const at = this.stamp();
      const parsed = calibrationSessionSchema.safeParse({ ...current, name, updatedAt: at });
      if (!parsed.success) throw new ValidationError({ name: parsed.error.issues[0]?.message ?? 'Name the session' });
      if (parsed.data.name === current.name) return current;
      await this.db.calibrationSessions.put(parsed.data);
      await this.log({ sessionId: id, at, kind: 'renamed', detail: `${current.name} → ${parsed.data.name}`.slice(0, 5_000) });
      return parsed.data;
    });
  }

  /** What deleting a session takes with it, for the confirmation to say. */
  async sessionSize(id: string): Promise<{ packets: number; decided: number; logEntries: number }> {
    return this.db.transaction('r', [this.db.sessionPackets, this.db.decisions, this.db.sessionLog], async () => ({
      packets: await this.db.sessionPackets.where('sessionId').equals(id).count(),
      decided: await this.db.decisions
        .where('sessionId')
        .equals(id)
        .filter((d) => d.outcome !== null)
        .count(),
      logEntries: await this.db.sessionLog.where('[sessionId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).count(),
    }));
  }

  /** The session with its packets as opened, its decisions and its log; the keys met stay (they are not the session's). */
  async removeSession(id: string): Promise<void> {
    await this.db.transaction('rw', [this.db.calibrationSessions, this.db.sessionPackets, this.db.decisions, this.db.sessionLog], async () => {
      await this.db.sessionPackets.where('sessionId').equals(id).delete();
      await this.db.decisions.where('sessionId').equals(id).delete();
      await this.db.sessionLog.where('[sessionId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
      await this.db.calibrationSessions.delete(id);
    });
  }

  /**
   * Keeps opened files in the session, in one transaction: their text, their checks, an empty
   * decision each, and one log line. A valid signature whose key this Trellis has never met is
   * flagged "new key" (and the key remembered as seen, not trusted).
   */
  async addPackets(sessionId: string, files: readonly OpenedFile[]): Promise<SessionPacket[]> {
    const at = this.stamp();
    return this.db.transaction(
      'rw',
      [this.db.calibrationSessions, this.db.sessionPackets, this.db.decisions, this.db.sessionLog, this.db.knownKeys],
      async () => {
        if (!(await this.db.calibrationSessions.get(sessionId))) throw new NotFoundError('This calibration session');
        const held = await this.db.sessionPackets.where('sessionId').equals(sessionId).count();
        if (held + files.length > PACKETS_PER_SESSION) throw new ValidationError({ files: `A session holds at most ${PACKETS_PER_SESSION} packets.` });
        const fingerprints = [...new Set(files.flatMap((f) => (f.fingerprint ? [f.fingerprint] : [])))];
        const known = new Map((await this.db.knownKeys.bulkGet(fingerprints)).flatMap((k) => (k ? [[k.id, k] as const] : [])));
        const newKeys: KnownKey[] = [];
        const packets = files.map((f, i) => {
          const flags: SessionPacket['flags'] = [...f.flags];
          if (f.fingerprint && !known.has(f.fingerprint)) {
            flags.push({ flag: 'new-key', message: 'Signed with a key this Trellis has not seen before: check with the sender whose it is.' });
            if (!newKeys.some((k) => k.id === f.fingerprint))
              newKeys.push({ id: f.fingerprint, firstSeenAt: at, firstFileName: f.fileName, trusted: 0, label: '' });
          }
          return sessionPacketSchema.parse({
            id: crypto.randomUUID(),
            sessionId,
            fileName: f.fileName,
            text: f.text,
            openedAt: at,
            position: held + i,
            fingerprint: f.fingerprint,
            flags,
          });
        });
        await this.db.sessionPackets.bulkAdd(packets);
        await this.db.decisions.bulkAdd(packets.map((p) => emptyDecision(p.id, sessionId, at)));
        await this.db.knownKeys.bulkAdd(newKeys);
        await this.log({ sessionId, at, kind: 'opened', detail: files.map((f) => f.fileName).join(', ') });
        await this.touch(sessionId, at);
        return packets;
      },
    );
  }

  /** The session's packets in the order they were opened (the index orders them by their random ids). */
  async packets(sessionId: string): Promise<SessionPacket[]> {
    const packets = await this.db.sessionPackets.where('sessionId').equals(sessionId).limit(PACKETS_PER_SESSION).toArray();
    return packets.sort((a, b) => a.position - b.position);
  }

  decisions(sessionId: string): Promise<Decision[]> {
    return this.db.decisions.where('sessionId').equals(sessionId).limit(PACKETS_PER_SESSION).toArray();
  }

  /** The session's log, oldest first. */
  logOf(sessionId: string): Promise<SessionLogEntry[]> {
    return this.db.sessionLog.where('[sessionId+at]').between([sessionId, Dexie.minKey], [sessionId, Dexie.maxKey]).limit(LOG_SHOWN).toArray();
  }

  /** The rationale and open questions (autosaved): text only, so it needs no log line of its own. */
  async saveDecisionText(id: string, patch: DecisionTextPatch): Promise<Decision> {
    return this.db.transaction('rw', this.db.decisions, async () => {
      const current = await this.db.decisions.get(id);
      if (!current) throw new NotFoundError('This decision');
      const next = decisionSchema.parse({ ...current, ...patch, updatedAt: this.stamp() });
      await this.db.decisions.put(next);
      return next;
    });
  }

  /** Records or changes a candidate's outcome (a change needs a reason: DecisionReasonRequiredError), with its log line. */
  async setOutcome(id: string, outcome: DecisionOutcome, reason = '', text?: DecisionTextPatch): Promise<Decision> {
    return this.db.transaction('rw', [this.db.decisions, this.db.sessionLog, this.db.calibrationSessions], async () => {
      const stored = await this.db.decisions.get(id);
      if (!stored) throw new NotFoundError('This decision');
      const at = this.stamp();
      const current = text ? { ...stored, ...text } : stored;
      const change = setOutcome(current, outcome, at, reason);
      await this.db.decisions.put(decisionSchema.parse(change.decision));
      if (change.log) {
        await this.log(change.log);
        await this.touch(stored.sessionId, at);
      }
      return change.decision;
    });
  }

  /** A candidate's name shown on purpose during anonymised reading. */
  async recordReveal(sessionId: string, packetId: string): Promise<void> {
    await this.db.transaction('rw', this.db.sessionLog, () => this.log({ sessionId, at: this.stamp(), kind: 'revealed', packetId }));
  }

  async recordExport(sessionId: string, format: 'CSV' | 'PDF', path: string): Promise<void> {
    await this.db.transaction('rw', this.db.sessionLog, () => this.log({ sessionId, at: this.stamp(), kind: 'exported', detail: `${format}: ${path}` }));
  }

  knownKeys(fingerprints: readonly string[]): Promise<(KnownKey | undefined)[]> {
    return this.db.knownKeys.bulkGet([...fingerprints]);
  }

  /** Marks a key trusted after the committee checked whose it is (e.g. compared the fingerprint with its sender). */
  async trustKey(sessionId: string, fingerprint: string, label: string): Promise<void> {
    const name = label.trim();
    if (!name) throw new ValidationError({ label: 'Say whose key this is' });
    await this.db.transaction('rw', this.db.knownKeys, this.db.sessionLog, async () => {
      const at = this.stamp();
      const current = await this.db.knownKeys.get(fingerprint);
      await this.db.knownKeys.put({
        id: fingerprint,
        firstSeenAt: current?.firstSeenAt ?? at,
        firstFileName: current?.firstFileName ?? '',
        trusted: 1,
        label: name.slice(0, 200),
        trustedAt: at,
      });
      await this.log({ sessionId, at, kind: 'key-trusted', detail: `${name} (${fingerprint})` });
    });
  }
}
