import { opendir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { FolderProblem, LadderOrigin, LadderStatus, LadderSummary } from '../../../shared/ipc/ladders';
import { fileProblem, isSharedLadderFile, type Ladder, type LadderProblem } from '../../../shared/ladder';
import { draftPathFor, isLadderFileName, sha256 } from './files';
import { type LadderFolder, refusalMessage } from './folder';
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
  folder: LadderFolder;
  relative: string;
  diskHash: string;
  diskText: string;
  files: { path: string; text: string }[];
  problems: LadderProblem[];
  inUse: InUse | null;
  hasDraft: boolean;
}

export const keyFor = (origin: LadderOrigin, relative: string) => `${origin}:${relative}`;

/** How much of a folder is read at most: a huge folder (/, a home folder) must not stall main. */
export const SCAN_LIMITS = { entries: 5_000, ladderFiles: 200, otherEntriesBeforeWarning: 200 };

export interface FolderScan {
  /** Top-level ladder files (regular files and links; links are checked when read). */
  files: string[];
  problems: FolderProblem[];
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * The ladder files of a folder: YAML files at its top level (subfolders hold included parts),
 * reading at most SCAN_LIMITS.entries entries, with a warning when the folder does not look
 * like a ladders folder.
 */
export async function scanFolder(root: string, options: { warn?: boolean } = {}): Promise<FolderScan> {
  const files: string[] = [];
  const problems: FolderProblem[] = [];
  let scanned = 0;
  let others = 0;
  let more = false;
  const dir = await opendir(root, { bufferSize: 64 });
  try {
    for await (const entry of dir) {
      if (scanned >= SCAN_LIMITS.entries) {
        more = true;
        break;
      }
      scanned += 1;
      const candidate = (entry.isFile() || entry.isSymbolicLink()) && isLadderFileName(entry.name) && !/[\p{Cc}]/u.test(entry.name);
      if (!candidate) others += 1;
      else if (files.length < SCAN_LIMITS.ladderFiles) files.push(entry.name);
      else more = true;
    }
  } finally {
    await dir.close().catch(() => {});
  }
  if (options.warn) {
    const resolved = path.resolve(root);
    const hint = 'Choose a folder that holds only your ladder files.';
    if (resolved === path.parse(resolved).root)
      problems.push({ severity: 'warning', message: `Your ladders folder is the top of the disk (${resolved}). ${hint}` });
    else if (resolved === path.resolve(os.homedir())) problems.push({ severity: 'warning', message: `Your ladders folder is your whole home folder. ${hint}` });
    if (more)
      problems.push({
        severity: 'warning',
        message: `This folder has too many entries: Trellis read the first ${SCAN_LIMITS.entries.toLocaleString('en')} and loads at most ${plural(SCAN_LIMITS.ladderFiles, 'ladder file')}. ${hint}`,
      });
    else if (others > SCAN_LIMITS.otherEntriesBeforeWarning)
      problems.push({ severity: 'warning', message: `This folder holds ${plural(others, 'other file')} and folders besides ladders. ${hint}` });
  }
  return { files: files.sort(), problems };
}

const hasErrors = (problems: LadderProblem[]) => problems.some((p) => p.severity === 'error');

/**
 * Reads and checks one ladder file. When the file is invalid, the version in use stays the
 * previous valid one (`previous`, or the newest stored version from this file after a restart):
 * a broken save in an editor never takes a ladder away from the app.
 */
export async function loadEntry(
  origin: LadderOrigin,
  folder: LadderFolder,
  relative: string,
  previous: EntryState | undefined,
  versions: VersionStore,
): Promise<EntryState | null> {
  // null: not a ladder (gone, or a shared file meant to be included).
  const read = folder.read(relative);
  if (!read.ok && read.reason === 'missing') return null;
  const key = keyFor(origin, relative);
  const draft = folder.read(toDraft(relative));
  const hasDraft = draft.ok || draft.reason === 'too-large';
  const root = folder.root;
  if (!read.ok) {
    // Refused before reading (a link out of the folder, too large): listed, with the reason on the file.
    const words = refusalMessage(relative, read)!;
    const size = read.reason === 'too-large' ? read.size : 0;
    const problem = fileProblem(relative, 'error', read.reason === 'outside' ? 'link-outside-folder' : 'too-large', words.message, words.hint);
    const base = {
      key,
      origin,
      root,
      folder,
      relative,
      diskHash: sha256(`refused\0${read.reason}\0${size}`),
      diskText: '',
      files: [],
      problems: [problem],
      hasDraft,
    };
    if (read.reason === 'outside') return { ...base, inUse: null };
    return { ...base, inUse: await earlierInUse(key, previous, versions) };
  }
  const text = read.text;
  const checked = checkInFolder(folder, { path: relative, text });
  // A shared file (scales, competencies for others to include) is not a ladder of its own. A file
  // that checks as a ladder cannot be one, so only a failed check asks (which parses it again).
  if (!checked.check.ladder && isSharedLadderFile(text)) return null;
  const base = {
    key,
    origin,
    root,
    folder,
    relative,
    diskHash: checked.hash,
    diskText: text,
    files: checked.files,
    problems: checked.check.problems,
    hasDraft,
  };
  const ladder = checked.check.ladder;
  if (ladder && !hasErrors(checked.check.problems)) {
    try {
      await versions.remember({
        ladderId: ladder.id,
        hash: checked.hash,
        version: String(ladder.version),
        name: ladder.name,
        sourceKey: key,
        ladder,
        files: checked.files,
      });
    } catch {
      // A full disk must not take the ladder away: it stays in use, only its copy is missing.
      base.problems = [
        ...base.problems,
        fileProblem(
          relative,
          'warning',
          'version-not-stored',
          'Trellis could not keep a copy of this version (is the disk full?); it tries again the next time the file is read',
        ),
      ];
    }
    return { ...base, inUse: { ladder, hash: checked.hash, fromEarlierFile: false } };
  }
  return { ...base, inUse: await earlierInUse(key, previous, versions) };
}

/** A broken file keeps the previous valid version in use; after a restart, the last one stored from it. */
async function earlierInUse(key: string, previous: EntryState | undefined, versions: VersionStore): Promise<InUse | null> {
  if (previous) return previous.inUse ? { ...previous.inUse, fromEarlierFile: true } : null;
  const stored = await versions.latestFromSource(key);
  return stored ? { ladder: stored.ladder, hash: stored.hash, fromEarlierFile: true } : null;
}

/** `team.yaml` → `team.draft.yaml`, as a path relative to the folder. */
export const toDraft = (relative: string) => draftPathFor(relative).split(path.sep).join('/');

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
