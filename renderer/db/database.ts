import Dexie, { type EntityTable, type Table } from 'dexie';

import type { CalibrationSession, Decision, KnownKey, SessionLogEntry, SessionPacket } from '../../shared/calibration/model';
import type { Assessment } from '../../shared/domain/assessments';
import type { CycleRequest, CycleResponse, FeedbackCycle } from '../../shared/domain/cycles';
import type { FeedbackEntry, FollowUp } from '../../shared/domain/feedback';
import type { ActionItem, Meeting, MeetingTemplate, Series, TalkingPoint } from '../../shared/domain/meetings';
import type { Person } from '../../shared/domain/person';
import type { CheckIn, Goal, Milestone } from '../../shared/domain/plans';
import type { Relationship } from '../../shared/domain/relationships';
import type { LearningBudget, LearningItem, StretchProject } from '../../shared/domain/stretch';
import type { Team } from '../../shared/domain/team';
import type { Win } from '../../shared/domain/wins';
import type { PacketDraft } from '../../shared/packets/model';
import type { SigningKeyRow } from '../../shared/packets/signing';
import type { KeyRing } from './lock/keyring';
import { encryptionMiddleware, LockState } from './lock/middleware';

export const DATABASE_NAME = 'trellis';

/** One lock state per database name, so every connection to it (e.g. `durable(db)`) encrypts alike. */
const lockStates = new Map<string, LockState>();
export function lockStateFor(name: string): LockState {
  let state = lockStates.get(name);
  if (!state) lockStates.set(name, (state = new LockState()));
  return state;
}

/**
 * Sets every series' `latestMeeting` from the meetings: one key-only pass over [seriesId+date]
 * (ascending, so the last key seen per series is its newest). Used by the version 3 upgrade and
 * after bulk writes that bypass the repositories.
 */
export async function fillLatestMeetings(meetings: Table<Meeting, string>, series: Table<SeriesRow, string>): Promise<void> {
  const latest = new Map<string, MeetingRef>();
  await meetings.orderBy('[seriesId+date]').eachKey((key, cursor) => {
    const [seriesId, date] = key as [string, string];
    latest.set(seriesId, { id: cursor.primaryKey as string, date });
  });
  await series.toCollection().modify((s) => {
    s.latestMeeting = latest.get(s.id) ?? null;
  });
}

/**
 * Action items as stored: `open` mirrors `done` as 1/0 because IndexedDB cannot index booleans,
 * and "open items of Alex" / "all open items" are the queries the 1:1 screens run.
 */
export type ActionItemRow = ActionItem & { open: 0 | 1 };

/** A meeting as index-only reads know it: its id and date. */
export interface MeetingRef {
  id: string;
  date: string;
}

/**
 * Series as stored: `latestMeeting` is the series' newest meeting (any date), kept by every write
 * that adds or removes one, in the same transaction, so Today and the 1:1s list know when each
 * series last met from the series rows alone. null: it never met. Absent (a row restored from
 * before version 3): not known, and read from the [seriesId+date] index instead.
 */
export type SeriesRow = Series & { latestMeeting?: MeetingRef | null };

/**
 * The local database. Released versions are never edited (docs/data-migrations.md): every
 * schema change is a new `this.version(n)` with an upgrade and a test from old data.
 */
export class TrellisDatabase extends Dexie {
  people!: EntityTable<Person, 'id'>;
  teams!: EntityTable<Team, 'id'>;
  relationships!: EntityTable<Relationship, 'id'>;
  series!: EntityTable<SeriesRow, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  actionItems!: EntityTable<ActionItemRow, 'id'>;
  talkingPoints!: EntityTable<TalkingPoint, 'id'>;
  /** User-made templates and the user's edits of built-in ones (same id as the built-in). */
  templates!: EntityTable<MeetingTemplate, 'id'>;
  /** Self and manager assessments (renderer/db/assessments.ts). */
  assessments!: EntityTable<Assessment, 'id'>;
  /** Promotion packet drafts (renderer/db/packets.ts). */
  packets!: EntityTable<PacketDraft, 'id'>;
  /** The packet signing key, one row (renderer/db/packets.ts); its private half never leaves. */
  signingKeys!: EntityTable<SigningKeyRow, 'id'>;
  /** Feedback entries (renderer/db/feedback.ts). */
  feedback!: EntityTable<FeedbackEntry, 'id'>;
  /** Follow-ups of feedback entries, with a 0/1 `open` for the indexes. */
  followUps!: EntityTable<FollowUp, 'id'>;
  /** Feedback cycles (renderer/db/cycles.ts): the plan, the peers asked, what came back. */
  feedbackCycles!: EntityTable<FeedbackCycle, 'id'>;
  cycleRequests!: EntityTable<CycleRequest, 'id'>;
  cycleResponses!: EntityTable<CycleResponse, 'id'>;
  /** The wins log (renderer/db/wins.ts). */
  wins!: EntityTable<Win, 'id'>;
  /** Growth plans (renderer/db/goals.ts): goals, their milestones and check-ins. */
  goals!: EntityTable<Goal, 'id'>;
  goalMilestones!: EntityTable<Milestone, 'id'>;
  goalCheckIns!: EntityTable<CheckIn, 'id'>;
  /** Stretch work and learning (renderer/db/stretch.ts). */
  stretchProjects!: EntityTable<StretchProject, 'id'>;
  learningItems!: EntityTable<LearningItem, 'id'>;
  learningBudgets!: EntityTable<LearningBudget, 'id'>;
  /** Calibration sessions (renderer/db/calibration.ts): packets as opened, decisions beside them, the log, keys met. */
  calibrationSessions!: EntityTable<CalibrationSession, 'id'>;
  sessionPackets!: EntityTable<SessionPacket, 'id'>;
  decisions!: EntityTable<Decision, 'id'>;
  sessionLog!: EntityTable<SessionLogEntry, 'id'>;
  knownKeys!: EntityTable<KnownKey, 'id'>;
  /** The passphrase lock's key ring (renderer/db/lock/keyring.ts): one row while the lock is on. */
  keyring!: EntityTable<KeyRing, 'id'>;
  /** What the encryption layer knows (the data key only while unlocked). */
  readonly lock: LockState;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.lock = lockStateFor(name);
    // Protected fields (shared/evidence/at-rest.ts) are encrypted right above IndexedDB.
    this.use(encryptionMiddleware(this.lock));
    // Version 1 (released in 0.1.0). Booleans are not indexable in IndexedDB: `archived` is filtered in memory.
    this.version(1).stores({
      people: 'id, name, email, managerId, updatedAt',
    });
    // Version 2: teams, relationships and 1:1s. Only new tables and one new index on people,
    // so existing rows need no rewriting (people without `teamId` simply have no team).
    this.version(2).stores({
      people: 'id, name, email, managerId, teamId, updatedAt',
      teams: 'id, name',
      relationships: 'id, fromId, toId, kind',
      series: 'id, personId, [personId+kind]',
      meetings: 'id, personId, seriesId, date, [personId+date], [seriesId+date]',
      actionItems: 'id, personId, meetingId, open, [personId+open], due',
      talkingPoints: 'id, personId, meetingId',
      templates: 'id, name',
    });
    // Version 3: screens read only what they show, from a smaller database.
    // - actionItems [open+due]: open items by due date, so "overdue" is one bounded range;
    //   [personId+doneAt]: a person's items closed since a meeting began (they still show in it);
    //   [personId+createdAt]: a person's items since a date (the timeline), or all of them.
    //   IndexedDB builds them from the rows already there.
    // - Indexes no query uses any more are dropped: actionItems personId, open and due; meetings
    //   personId and seriesId ([personId+…] and [seriesId+date] answer those). At five years an
    //   index entry per row per index is a large share of the database, and Chromium's time to
    //   open it grows with its size. The rows keep every field.
    // - series.latestMeeting (not indexed): filled here from the [seriesId+date] index, then kept
    //   by MeetingsRepository; see SeriesRow.
    this.version(3)
      .stores({
        meetings: 'id, date, [personId+date], [seriesId+date]',
        actionItems: 'id, meetingId, [personId+open], [open+due], [personId+doneAt], [personId+createdAt]',
      })
      .upgrade((tx) => fillLatestMeetings(tx.table('meetings'), tx.table('series')));
    // Version 4: the passphrase lock's key ring. No row changes here: turning the lock on is an
    // explicit step (LockService.enable) that encrypts the protected fields in one transaction,
    // so an upgrade never needs the passphrase (docs/passphrase-lock.md).
    this.version(4).stores({ keyring: 'id' });
    // Version 5 (growth plans, landing after 6): new tables only, so nothing to upgrade.
    // - goals [personId+status]: a person's goals in progress (prep, stagnation) as one key range;
    //   [personId+date] and *competencyIds as for every evidence table.
    // - goalMilestones, goalCheckIns: evidence records of their own; goalId lists a goal's parts,
    //   goalCheckIns fromMeetingId the check-ins made in one 1:1.
    // - stretchProjects (evidence: sponsorId finds what someone sponsors), learningItems
    //   ([personId+date]: a year's spend is one range), learningBudgets (id `<personId>:<year>`).
    this.version(5).stores({
      goals: 'id, [personId+status], [personId+date], *competencyIds',
      goalMilestones: 'id, goalId, [personId+date], *competencyIds',
      goalCheckIns: 'id, goalId, fromMeetingId, [personId+date], *competencyIds',
      stretchProjects: 'id, sponsorId, [personId+date], *competencyIds',
      learningItems: 'id, [personId+date]',
      learningBudgets: 'id, personId',
    });
    // Version 6 (4 and 5 are other features'): assessments, a new table, so nothing to upgrade.
    // [personId+date] and *competencyIds as for every evidence table; chainId lists the
    // revisions of one assessment.
    this.version(6).stores({
      assessments: 'id, [personId+date], *competencyIds, chainId',
    });
    // Version 7 (feedback): new tables only, so nothing to upgrade. feedback as every evidence
    // table, plus date (the newest entries about anyone); followUps by entry, [open+due] (due by a
    // day, the inbox) and [personId+open] (a person's open ones, for the 1:1 prep view).
    this.version(7).stores({
      feedback: 'id, date, [personId+date], *competencyIds',
      followUps: 'id, feedbackId, [open+due], [personId+open]',
    });
    // Version 8: promotion packets (drafts by person, newest first) and the signing key. New tables only.
    this.version(8).stores({
      packets: 'id, personId, updatedAt',
      signingKeys: 'id',
    });
    // Version 9: calibration sessions. New tables only: sessions newest first; a session's packets,
    // decisions and its log in time order ([sessionId+at]); signing keys met, by fingerprint (their id).
    this.version(9).stores({
      calibrationSessions: 'id, updatedAt',
      sessionPackets: 'id, sessionId',
      decisions: 'id, sessionId',
      sessionLog: 'id, [sessionId+at]',
      knownKeys: 'id',
    });
    // Version 10 (feedback cycles and wins): new tables only, so nothing
    // to upgrade, and only this version's tables (Dexie carries the others forward).
    // - feedbackCycles by updatedAt (the list, newest first).
    // - cycleRequests [cycleId+personId]: one participant's peers; cycleId: a cycle's health.
    // - cycleResponses as every evidence table ([personId+date], *competencyIds), plus
    //   [cycleId+personId] (a participant's summary) and cycleId (the cycle's health).
    // - wins as every evidence table, plus date (the newest wins of anyone).
    this.version(10).stores({
      feedbackCycles: 'id, updatedAt',
      cycleRequests: 'id, cycleId, [cycleId+personId]',
      cycleResponses: 'id, cycleId, [cycleId+personId], [personId+date], *competencyIds',
      wins: 'id, date, [personId+date], *competencyIds',
    });
    // Version 11: meetings gain [personId+kind+date], so a person's newest meeting of one kind
    // (the last career conversation, on prep, the person page and the growth screens) is one key
    // at the end of a range instead of a walk through their whole history, notes and all. No
    // row changes: IndexedDB builds the index from the rows.
    this.version(11).stores({
      meetings: 'id, date, [personId+date], [seriesId+date], [personId+kind+date]',
    });
  }
}

export type DatabaseEvents = {
  /** Runs before the database closes for an upgrade elsewhere: pending autosaves are written first. */
  beforeClose?: () => Promise<unknown>;
  /** Another window or a newer Trellis wants to upgrade the database: we closed it. */
  onVersionChange?: () => void;
  /** An older connection elsewhere blocks our upgrade. */
  onBlocked?: () => void;
};

export function openDatabase(events: DatabaseEvents = {}, name?: string): TrellisDatabase {
  const db = new TrellisDatabase(name);
  db.on('versionchange', () => {
    // Save what is pending, then let the upgrade go ahead; `beforeClose` bounds its own wait.
    void Promise.resolve(events.beforeClose?.())
      .catch(() => {})
      .finally(() => {
        db.close();
        events.onVersionChange?.();
      });
    return false;
  });
  db.on('blocked', () => events.onBlocked?.());
  // Start opening now, while the first screen's code loads: opening years of data takes Chromium
  // a moment. A failure here is reported again by the first query, where the screen handles it.
  db.open().catch(() => {});
  return db;
}
