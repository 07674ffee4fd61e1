import type { DraftPatch } from '../../shared/domain/assessments';
import type { FeedbackDraft } from '../../shared/domain/feedback';
import type { WinDraft } from '../../shared/domain/wins';
import type { DecisionTextPatch } from '../db/calibration';
import type { GoalTextPatch } from '../db/goals';
import type { NotesPatch } from '../db/meetings';
import type { PacketPatch } from '../db/packets';
import type { Repositories } from './data';

/**
 * A write-ahead copy of typing that was still waiting for its autosave when the page went away.
 *
 * Chromium does not wait for IndexedDB writes started in `beforeunload` or `pagehide`: on a
 * reload or a close they are usually cut off. localStorage is synchronous, so the pending value
 * is kept there at that moment and written to the database at the next start, before any
 * screen reads it. An entry is removed as soon as the same value has been saved normally, so a
 * kept copy is never older than what the database holds. It holds note text in the same
 * profile folder as the database itself; it never leaves the machine and is not in backups.
 */

/** The writes that may be kept, by kind. Each sets a value (never adds), so replaying twice is harmless. */
const replayers = {
  'meeting-notes': (repos: Repositories, [id, patch]: [string, NotesPatch]) => repos.meetings.saveNotes(id, patch),
  // A draft finished (locked) meanwhile in another window has nothing left to save into.
  'assessment-draft': (repos: Repositories, [id, patch]: [string, DraftPatch]) =>
    repos.assessments.saveDraft(id, patch).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'AssessmentLockedError') return;
      throw error;
    }),
  // A packet deleted meanwhile has nothing left to save into.
  'packet-draft': (repos: Repositories, [id, patch]: [string, PacketPatch]) =>
    repos.packets.save(id, patch).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'NotFoundError') return;
      throw error;
    }),
  // Typing the repository refuses (every SBI field emptied) was never saved either: nothing to keep.
  'feedback-entry': (repos: Repositories, [id, draft]: [string, FeedbackDraft]) =>
    repos.feedback.save(id, draft).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'ValidationError') return;
      throw error;
    }),
  // A session deleted meanwhile has nothing left to save into.
  'calibration-decision': (repos: Repositories, [id, patch]: [string, DecisionTextPatch]) =>
    repos.calibration.saveDecisionText(id, patch).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'NotFoundError') return;
      throw error;
    }),
  'goal-text': (repos: Repositories, [id, patch]: [string, GoalTextPatch]) => repos.goals.saveText(id, patch),
  // As for feedback: typing the repository refuses (the title emptied, a bad link) was never saved either.
  win: (repos: Repositories, [id, draft]: [string, WinDraft]) =>
    repos.wins.save(id, draft).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'ValidationError') return;
      throw error;
    }),
} satisfies Record<string, (repos: Repositories, args: never) => Promise<unknown>>;

type Kind = keyof typeof replayers;

/** One pending write: `key` names the editor it comes from (one entry per editor). */
export type UnsavedWrite = { [K in Kind]: { kind: K; key: string; args: Parameters<(typeof replayers)[K]>[1] } }[Kind];

const PREFIX = 'trellis.unsaved:';

type Stored = { kind: string; args: unknown; keptAt: string };

const body = (write: UnsavedWrite) => JSON.stringify(write.args);

let keepAllowed = () => true;
/** The passphrase lock switches keeping off: localStorage would hold the typing in the clear. */
export function setKeepUnsavedAllowed(allowed: () => boolean): void {
  keepAllowed = allowed;
}

/** Keeps `write` synchronously; a full or unavailable storage is not an error here (the normal save still runs). */
export function keepUnsaved(write: UnsavedWrite, storage: Storage = localStorage): void {
  if (!keepAllowed()) return;
  try {
    storage.setItem(PREFIX + write.key, JSON.stringify({ kind: write.kind, args: write.args, keptAt: new Date().toISOString() } satisfies Stored));
  } catch {
    // Quota or a storage that is switched off: nothing more can be done synchronously.
  }
}

/** After a normal save of `write`: the kept copy is dropped if it holds exactly that value, never a newer one. */
export function forgetIfSaved(write: UnsavedWrite, storage: Storage = localStorage): void {
  const stored = read(storage, PREFIX + write.key);
  if (stored && stored.kind === write.kind && JSON.stringify(stored.args) === body(write)) storage.removeItem(PREFIX + write.key);
}

/** Drops every kept write (after a restore has replaced the data they were typed into). */
export function discardUnsaved(storage: Storage | undefined = globalThis.localStorage): void {
  if (!storage) return;
  for (const key of keysOf(storage)) storage.removeItem(key);
}

export interface ReplayOutcome {
  replayed: number;
  /** Writes that failed for another reason than their record being gone; kept for the next start. */
  failed: { key: string; error: unknown }[];
}

/** Writes every kept value to the database. Run once at start, before the app reads anything. */
export async function replayUnsaved(repos: Repositories, storage: Storage = localStorage): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = { replayed: 0, failed: [] };
  for (const key of keysOf(storage)) {
    const stored = read(storage, key);
    const replay = stored && (replayers as Record<string, ((repos: Repositories, args: unknown) => Promise<unknown>) | undefined>)[stored.kind];
    if (!stored || !replay || !Array.isArray(stored.args)) {
      storage.removeItem(key);
      continue;
    }
    try {
      await replay(repos, stored.args);
      storage.removeItem(key);
      outcome.replayed++;
    } catch (error) {
      // The meeting was deleted meanwhile: there is nothing left to save the typing into. (By
      // name: an error thrown inside a Dexie transaction may come back as another instance.)
      if (error instanceof Error && error.name === 'NotFoundError') storage.removeItem(key);
      else outcome.failed.push({ key: key.slice(PREFIX.length), error });
    }
  }
  return outcome;
}

function keysOf(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

function read(storage: Storage, key: string): Stored | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    return value && typeof value === 'object' && 'kind' in value && typeof value.kind === 'string' ? (value as Stored) : null;
  } catch {
    return null;
  }
}
