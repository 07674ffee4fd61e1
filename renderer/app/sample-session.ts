import Dexie from 'dexie';
import { z } from 'zod';

import { defaultTimeZone } from '../../shared/domain/cadence';
import { todayIso } from '../../shared/domain/dates';
import type { SampleData } from '../../shared/sample';
import { recordIdSchema, type UserRole, userRoleSchema } from '../../shared/settings';
import { TrellisDatabase } from '../db/database';
import { forgetSearchIndex, renewSearchGeneration, searchIndexStoreName } from '../db/search-index-store';
import { flushAll } from './flush';
import { discardUnsaved } from './unsaved';

/**
 * "Try with a sample team": the generated `small` sample (shared/sample) in a database of its
 * own, so the user's data is never read, written or mixed with it. While a session is open the
 * app starts on that database instead (main.tsx asks `readSampleSession()` before opening);
 * leaving ends the session and deletes the sample database, so nothing of it stays behind.
 */
export const SAMPLE_DATABASE_NAME = 'trellis-sample';

/** Kept in localStorage: it has to be known synchronously, before the database opens. */
const KEY = 'trellis.sample-session';

const sessionSchema = z.object({
  /** The sample's person who is "me" while trying it. */
  meId: recordIdSchema,
  /** The role the sample is tried as (the user's own setting is not changed by the sample). */
  role: userRoleSchema,
  /** The sample's "today": its history ends on the day it was opened. */
  openedOn: z.string().max(10),
});
export type SampleSession = z.output<typeof sessionSchema>;

export interface SessionOptions {
  storage?: Storage;
  /** Starts the app again on the other database (location.reload in the app). */
  restart?: () => void;
}

/** The open session, or null. A damaged entry counts as none (and the sample is then removed at start). */
export function readSampleSession(storage: Storage | undefined = globalThis.localStorage): SampleSession | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Who an engineer is in the sample: one of the manager's reports on the engineering track. The
 * sample's team changes with the day it is made for, and its first report may be the designer;
 * any report, then the manager, only if it has no engineer at all.
 */
export function sampleEngineer(sample: Pick<SampleData, 'meId' | 'tables'>): string {
  const reports = sample.tables.people.filter((p) => p.managerId === sample.meId && !p.archived);
  return (reports.find((p) => p.track === 'engineering') ?? reports[0])?.id ?? sample.meId;
}

/**
 * Builds the sample database and opens a session on it. An engineer tries it as one of the
 * team's engineers; a manager and a committee member as the team's manager. The sample
 * database is built from scratch every time (loadSample refuses a database that has rows).
 */
export async function openSampleTeam(
  role: UserRole,
  { storage = localStorage, restart = () => location.reload() }: SessionOptions = {},
): Promise<SampleSession> {
  // What the user was typing is saved into their own data before the app leaves it.
  await flushAll();
  const [{ generateSample }, { loadSample }] = await Promise.all([import('../../shared/sample'), import('../db/sample')]);
  const today = todayIso();
  const sample = generateSample({ size: 'small', seed: 'trellis-sample', today, timeZone: defaultTimeZone() });
  await Dexie.delete(SAMPLE_DATABASE_NAME);
  await forgetSearchIndex(SAMPLE_DATABASE_NAME);
  renewSearchGeneration(SAMPLE_DATABASE_NAME);
  const db = new TrellisDatabase(SAMPLE_DATABASE_NAME);
  try {
    await loadSample(db, sample);
  } catch (error) {
    db.close();
    await Dexie.delete(SAMPLE_DATABASE_NAME).catch(() => {});
    throw error;
  }
  db.close();
  const session: SampleSession = { meId: role === 'engineer' ? sampleEngineer(sample) : sample.meId, role, openedOn: today };
  storage.setItem(KEY, JSON.stringify(session));
  restart();
  return session;
}

/** Ends the session; the app starts again on the user's own data and deletes the sample there. */
export async function leaveSampleTeam({ storage = localStorage, restart = () => location.reload() }: SessionOptions = {}): Promise<void> {
  await flushAll();
  // Typing kept for replay belongs to the sample now; it must not be replayed into the user's data.
  discardUnsaved(storage);
  storage.removeItem(KEY);
  restart();
}

/**
 * Run at start when no session is open: removes a sample database left from a session that
 * ended (or from one whose entry was damaged). Nothing else ever has this name.
 */
export async function removeLeftoverSample(storage: Storage | undefined = globalThis.localStorage): Promise<void> {
  if (readSampleSession(storage)) return;
  const names = await Dexie.getDatabaseNames().catch(() => [SAMPLE_DATABASE_NAME]);
  if (names.includes(SAMPLE_DATABASE_NAME)) await Dexie.delete(SAMPLE_DATABASE_NAME);
  if (names.includes(searchIndexStoreName(SAMPLE_DATABASE_NAME))) await forgetSearchIndex(SAMPLE_DATABASE_NAME);
}
