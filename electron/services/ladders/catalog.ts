import { readdir } from 'node:fs/promises';
import path from 'node:path';

import type { LadderOrigin, LadderStatus, LadderSummary } from '../../../shared/ipc/ladders';
import { isSharedLadderFile, type Ladder, type LadderProblem } from '../../../shared/ladder';
import { draftPathFor, isLadderFileName, readTextOrNull } from './files';
import { checkInFolder } from './sources';
import type { VersionStore } from './version-store';

export interface InUse {
  ladder: Ladder;
  hash: string;
  /** True when this version came from the version store, not from the file as it is now. */
  fromEarlierFile: boolean;
}

/** What Trellis knows about one ladder file: its content on disk and the version in use. */
export interface EntryState {
  key: string;
  origin: LadderOrigin;
  root: string;
  relative: string;
  diskHash: string;
  diskText: string;
  files: { path: string; text: string }[];
  problems: LadderProblem[];
  inUse: InUse | null;
  hasDraft: boolean;
}

export const keyFor = (origin: LadderOrigin, relative: string) => `${origin}:${relative}`;

/** The ladder files of a folder: YAML files at its top level (subfolders hold included parts). */
export async function entryFiles(root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && isLadderFileName(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

const hasErrors = (problems: LadderProblem[]) => problems.some((p) => p.severity === 'error');

/**
 * Reads and checks one ladder file. When the file is invalid, the version in use stays the
 * previous valid one (`previous`, or the newest stored version from this file after a restart):
 * a broken save in an editor never takes a ladder away from the app.
 */
export async function loadEntry(
  origin: LadderOrigin,
  root: string,
  relative: string,
  previous: EntryState | undefined,
  versions: VersionStore,
): Promise<EntryState | null> {
  // null: not a ladder (gone, or a shared file meant to be included).
  const absolute = path.join(root, relative);
  const text = await readTextOrNull(absolute);
  if (text === null) return null;
  const checked = checkInFolder(root, { path: relative, text });
  // A shared file (scales, competencies for others to include) is not a ladder of its own. A file
  // that checks as a ladder cannot be one, so only a failed check asks (which parses it again).
  if (!checked.check.ladder && isSharedLadderFile(text)) return null;
  const key = keyFor(origin, relative);
  const hasDraft = (await readTextOrNull(draftPathFor(absolute))) !== null;
  const base = { key, origin, root, relative, diskHash: checked.hash, diskText: text, files: checked.files, problems: checked.check.problems, hasDraft };
  const ladder = checked.check.ladder;
  if (ladder && !hasErrors(checked.check.problems)) {
    await versions.remember({
      ladderId: ladder.id,
      hash: checked.hash,
      version: String(ladder.version),
      name: ladder.name,
      sourceKey: key,
      ladder,
      files: checked.files,
    });
    return { ...base, inUse: { ladder, hash: checked.hash, fromEarlierFile: false } };
  }
  if (previous) return { ...base, inUse: previous.inUse ? { ...previous.inUse, fromEarlierFile: true } : null };
  // First load since start: the last valid version may be in the store from an earlier session.
  const stored = await versions.latestFromSource(key);
  return { ...base, inUse: stored ? { ladder: stored.ladder, hash: stored.hash, fromEarlierFile: true } : null };
}

export function statusOf(state: EntryState): LadderStatus {
  if (!hasErrors(state.problems)) return 'valid';
  return state.inUse ? 'invalid-using-last-valid' : 'invalid';
}

export function summarize(state: EntryState): LadderSummary {
  const ladder = state.inUse?.ladder ?? null;
  return {
    key: state.key,
    origin: state.origin,
    file: state.relative,
    id: ladder?.id ?? null,
    name: ladder?.name ?? null,
    version: ladder ? String(ladder.version) : null,
    hash: state.inUse?.hash ?? null,
    diskHash: state.diskHash,
    status: statusOf(state),
    problems: state.problems,
    hasDraft: state.hasDraft,
    readOnly: state.origin === 'bundled',
  };
}
