import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

import type { FolderProblem, LadderDetail, LadderList, LadderOrigin, SaveResult } from '../../../shared/ipc/ladders';
import { AppError } from '../../../shared/ipc/result';
import { type LadderProblem, limits } from '../../../shared/ladder';
import { editCellCriteria } from '../../../shared/ladder/edit';
import { criteriaFirstSeen, type LadderReview, reviewLadder } from '../../../shared/ladder/review';
import { createAtomicWriter, errorCode, fileError, type FileSystem, syncFolder } from '../atomic-write';
import { type EntryState, keyFor, loadEntry, scanFolder, summarize, toDraft } from './catalog';
import { isDraftFileName, isLadderFileName } from './files';
import { isInside, type LadderFolder, ladderFolder } from './folder';
import { checkInFolder } from './sources';
import { createVersionStore, type VersionStore } from './version-store';
import { type FolderWatcher, watchFolder } from './watcher';

export interface CellRef {
  trackId: string;
  competencyId: string;
  levelId: string;
}

export interface LaddersServiceOptions {
  bundledDir: string;
  userDataDir: string;
  /** The user's ladders folder as the settings say now. */
  userFolder: () => string;
  /**
   * May this folder be created when it is missing? Only Trellis's own default folder should be:
   * a chosen folder that is gone (an unplugged drive) is reported, never recreated elsewhere.
   */
  mayCreate?: (folder: string) => boolean;
  /** Called with the keys whose content or status changed (to push `ladders:changed`). */
  onChanged: (keys: string[]) => void;
  debounceMs?: number;
  /** How long to wait before trying a folder that failed to load again (it is also retried on every request). */
  retryMs?: number;
  now?: () => Date;
  /** The file system writes go through (tests make it fail, e.g. with a full disk). */
  fs?: FileSystem;
  log?: (message: string, error: unknown) => void;
}

export type CreateResult = { saved: true; key: string; file: string } | { saved: false; problems: LadderProblem[] };

export interface LaddersService {
  list(): Promise<LadderList>;
  get(key: string): Promise<LadderDetail>;
  save(key: string, text: string, baseHash?: string): Promise<SaveResult>;
  saveDraft(key: string, text: string): Promise<{ path: string }>;
  /** Quick edit of one cell's criteria, written into the file that defines the competency. */
  editCell(key: string, cell: CellRef, criteria: string, baseHash?: string): Promise<SaveResult>;
  copyToFolder(key: string): Promise<{ key: string }>;
  /**
   * A new ladder file in the user's folder (an import): checked first, written under `name` or
   * the first free name like it (`team-2.yaml`), never over an existing file.
   */
  createFile(name: string, text: string): Promise<CreateResult>;
  /** `name`, or the first free name like it, in the user's folder now. */
  freeFileName(name: string): Promise<string>;
  /** The criteria review of the version in use, with "unchanged since" taken from the stored versions. */
  review(key: string, since: string): Promise<LadderReview>;
  /** The user's ladders folder as the settings name it now (absolute). */
  folder(): string;
  /** Re-reads the user folder after the setting changed. */
  reloadFolder(): Promise<void>;
  entry(key: string): Promise<EntryState>;
  readonly versions: VersionStore;
  close(): Promise<void>;
}

/** The user's folder as loaded: its files are read through `folder`, watched by `watcher`. */
interface OpenFolder {
  folder: LadderFolder;
  watcher: FolderWatcher | null;
  /** Loaded and watched; false while it cannot be read (it is retried). */
  ok: boolean;
  problems: FolderProblem[];
}

/** Why a folder cannot be used, in the user's words. */
function folderFailure(folder: string, error: unknown): FolderProblem {
  const why: Record<string, string> = {
    ENOENT: 'it does not exist (is its drive plugged in?)',
    ENOTDIR: 'it is not a folder',
    EACCES: 'Trellis is not allowed to read it',
    EPERM: 'Trellis is not allowed to read it',
    ENOSPC: 'the disk is full',
    EIO: 'the disk reported an error',
  };
  const reason = why[errorCode(error)] ?? `it could not be read (${errorCode(error) || 'unknown error'})`;
  return {
    severity: 'error',
    message: `Trellis cannot open your ladders folder ${folder}: ${reason}. It tries again by itself; you can also choose another folder.`,
  };
}

export function createLaddersService(options: LaddersServiceOptions): LaddersService {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const versions = createVersionStore(path.join(options.userDataDir, 'ladder-versions'), now);
  const states = new Map<string, EntryState>();
  const atomic = createAtomicWriter(options.fs);
  const bundled = ladderFolder(options.bundledDir);
  let bundledLoaded = false;
  let bundledProblems: FolderProblem[] = [];
  let user: OpenFolder | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  /** Writes one file of the ladders folder; a failure says what happened in plain words (a full disk…). */
  const write = async (file: string, text: string, where: string) => {
    try {
      await atomic.replace(file, text);
    } catch (error) {
      throw fileError(error, where, 'save');
    }
  };

  // Loads and saves run one at a time, so a save never interleaves with a reload of the same file.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };

  /** Re-reads the given ladder files of one folder; returns the keys whose content or status changed. */
  async function loadFiles(origin: LadderOrigin, folder: LadderFolder, files: string[]): Promise<string[]> {
    const changed: string[] = [];
    const present = new Set<string>();
    for (const relative of files) {
      const key = keyFor(origin, relative);
      present.add(key);
      const before = states.get(key);
      const after = await loadEntry(origin, folder, relative, before, versions);
      if (!after) continue;
      states.set(key, after);
      if (!before || before.diskHash !== after.diskHash || before.hasDraft !== after.hasDraft || before.root !== after.root) changed.push(key);
    }
    return [...changed, ...forget(origin, present)];
  }

  /** Drops the ladders of `origin` that are not in `keep`; returns their keys. */
  function forget(origin: LadderOrigin, keep: Set<string> = new Set()): string[] {
    const gone: string[] = [];
    for (const [key, state] of states) {
      if (state.origin === origin && !keep.has(key)) {
        states.delete(key);
        gone.push(key);
      }
    }
    return gone;
  }

  /** The folders the user folder's ladders include files from: watched besides its top level. */
  function includeDirs(open: OpenFolder): string[] {
    const dirs = new Set<string>();
    const realRoot = open.folder.realRoot();
    for (const state of states.values()) {
      if (state.origin !== 'user') continue;
      for (const file of state.files.slice(1)) {
        const dir = path.posix.dirname(file.path);
        if (dir === '.') continue;
        const real = open.folder.realPathOf(file.path);
        if (real && realRoot && isInside(realRoot, path.dirname(real))) dirs.add(path.dirname(real));
      }
    }
    return [...dirs];
  }

  /** Scans, loads and (once) watches the user folder; a failure is kept as a problem and retried later. */
  async function loadUserFolder(open: OpenFolder): Promise<string[]> {
    try {
      const scan = await scanFolder(open.folder.root, { warn: true });
      const changed = await loadFiles('user', open.folder, scan.files);
      open.problems = scan.problems;
      if (!open.watcher) {
        open.watcher = watchFolder(open.folder.root, () => void serial(() => reloadUser(open)), {
          debounceMs: options.debounceMs,
          accept: (name) => isLadderFileName(name) || isDraftFileName(name),
        });
        await open.watcher.ready;
      }
      await open.watcher.watchOnly(includeDirs(open));
      open.ok = true;
      return changed;
    } catch (error) {
      log(`Ladders folder ${open.folder.root} could not be loaded`, error);
      // A watcher on a folder that went away sees nothing when it comes back: start afresh then.
      await open.watcher?.close();
      open.watcher = null;
      open.ok = false;
      open.problems = [folderFailure(open.folder.root, error)];
      scheduleRetry();
      return forget('user');
    }
  }

  /** A change on disk, or a retry: read the folder again and tell the renderer what changed. */
  async function reloadUser(open: OpenFolder): Promise<void> {
    if (user !== open || closed) return;
    const changed = await loadUserFolder(open);
    if (changed.length > 0) options.onChanged(changed);
  }

  function scheduleRetry() {
    if (retryTimer || closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      const open = user;
      if (open && !open.ok) void serial(() => reloadUser(open));
    }, options.retryMs ?? 10_000);
    retryTimer.unref?.();
  }

  /** Opens the folder the settings name now (again, if it changed or failed before). */
  async function openUserFolder(): Promise<string[]> {
    const root = path.resolve(options.userFolder());
    if (user && user.folder.root === root) return user.ok ? [] : loadUserFolder(user);
    await user?.watcher?.close();
    const open: OpenFolder = { folder: ladderFolder(root), watcher: null, ok: false, problems: [] };
    user = open;
    if (options.mayCreate?.(root) ?? true) {
      try {
        await mkdir(root, { recursive: true });
      } catch {
        // Reported by the scan below, with the reason.
      }
    }
    const changed = await loadUserFolder(open);
    // Keys of a previous folder whose files are not in this one.
    return changed;
  }

  async function loadBundled(): Promise<void> {
    if (bundledLoaded) return;
    try {
      const scan = await scanFolder(bundled.root);
      await loadFiles('bundled', bundled, scan.files);
      bundledLoaded = true;
      bundledProblems = [];
    } catch (error) {
      log('The shipped ladders could not be loaded', error);
      bundledProblems = [{ severity: 'error', message: 'The ladders that ship with Trellis could not be read. Reinstalling Trellis should fix this.' }];
    }
  }

  let firstOpen = true;
  /**
   * Before answering: shipped ladders loaded, the user folder the settings name now loaded (or
   * retried). Changes are announced, except on the very first load (nobody has a list yet).
   */
  async function ready(): Promise<void> {
    const changed = await serial(async () => {
      await loadBundled();
      const wasFirst = firstOpen;
      firstOpen = false;
      const keys = await openUserFolder();
      return wasFirst ? [] : keys;
    });
    if (changed.length > 0) options.onChanged(changed);
  }

  /** Only call after `ready()`; never waits on the queue, so it is safe inside `serial`. */
  function lookup(key: string): EntryState {
    const state = states.get(key);
    if (!state) throw new AppError('not-found', 'That ladder file is no longer there. It may have been moved or deleted.');
    return state;
  }

  /** A top-level file that another ladder includes is a shared part, not a ladder of its own. */
  function isIncludedPart(state: EntryState): boolean {
    for (const other of states.values()) {
      if (other !== state && other.origin === state.origin && other.files.slice(1).some((f) => f.path === state.relative)) return true;
    }
    return false;
  }

  /** Where a file of a user ladder may be written: inside the real ladders folder, or nowhere. */
  function writablePath(state: EntryState, relative: string): { path: string; exists: boolean } {
    if (state.origin !== 'user') throw new AppError('forbidden', 'Ladders that ship with Trellis are read-only. Copy it to your ladders folder to change it.');
    const target = state.folder.writablePath(relative);
    if (!target) throw new AppError('forbidden', `Trellis only writes inside your ladders folder, and ${relative} leads outside it.`);
    return target;
  }

  /** After our own write: reload now, so the watcher's echo finds the same hash and stays silent. */
  async function reloadAfterWrite(state: EntryState): Promise<EntryState> {
    const next = await loadEntry(state.origin, state.folder, state.relative, state, versions);
    if (!next) throw new AppError('io', 'The file was saved but could not be read back.');
    states.set(state.key, next);
    options.onChanged([state.key]);
    return next;
  }

  async function review(key: string, since: string): Promise<LadderReview> {
    await ready();
    const state = lookup(key);
    const inUse = state.inUse;
    if (!inUse) throw new AppError('conflict', `${state.relative} has problems and no earlier valid version to review.`);
    const { ladder, hash } = inUse;
    const infos = await versions.list(ladder.id);
    const inUseSince = infos.find((v) => v.hash === hash)?.firstSeen ?? now().toISOString();
    // History up to the version in use (a file reverted to an old version counts from that version).
    const earlier = infos.filter((v) => v.hash !== hash && v.firstSeen <= inUseSince);
    const stored = await Promise.all(earlier.map((v) => versions.get(ladder.id, v.hash)));
    const history = stored.filter((v) => v !== null).map((v) => ({ firstSeen: v.firstSeen, ladder: v.ladder }));
    return reviewLadder(ladder, { since, firstSeen: criteriaFirstSeen([...history, { firstSeen: inUseSince, ladder }]) });
  }

  /** A text the checker would refuse as too large, before anything is written. */
  const tooLarge = (text: string) => Buffer.byteLength(text, 'utf8') > limits.maxBytes;

  return {
    // Read through the service, the store answers after the ladders are loaded: a version asked
    // for first thing after a start (an assessment opened before any list) is already remembered.
    versions: {
      remember: versions.remember,
      async list(ladderId) {
        await ready();
        return versions.list(ladderId);
      },
      async get(ladderId, hash) {
        await ready();
        return versions.get(ladderId, hash);
      },
      async latestFromSource(sourceKey) {
        await ready();
        return versions.latestFromSource(sourceKey);
      },
    },
    review,
    async entry(key) {
      await ready();
      return lookup(key);
    },
    async list() {
      await ready();
      const ladders = [...states.values()]
        .filter((state) => !isIncludedPart(state))
        .map(summarize)
        .sort((a, b) => (a.name ?? a.file).localeCompare(b.name ?? b.file));
      return { folder: user!.folder.root, bundledFolder: bundled.root, ladders, folderProblems: [...bundledProblems, ...user!.problems] };
    },
    async get(key) {
      await ready();
      const state = lookup(key);
      const draft = state.origin === 'user' ? state.folder.read(toDraft(state.relative)) : null;
      return { summary: summarize(state), ladder: state.inUse?.ladder ?? null, files: state.files, draft: draft?.ok ? draft.text : null };
    },
    save: (key, text, baseHash) =>
      ready().then(() =>
        serial(async () => {
          const state = lookup(key);
          const file = writablePath(state, state.relative);
          const onDisk = state.folder.read(state.relative);
          if (baseHash && onDisk.ok && onDisk.text !== text && checkInFolder(state.folder, { path: state.relative, text: onDisk.text }).hash !== baseHash) {
            throw new AppError('conflict', `${state.relative} changed on disk since you opened it. Reload it, or save your text as a draft.`);
          }
          const checked = checkInFolder(state.folder, { path: state.relative, text });
          if (tooLarge(text) || !checked.check.ladder || checked.check.problems.some((p) => p.severity === 'error')) {
            return { saved: false as const, problems: checked.check.problems };
          }
          await write(file.path, text, state.relative);
          // The draft sits beside the entry, at the top of the folder: rm removes the name itself, never a link's target.
          await rm(state.folder.pathOf(toDraft(state.relative)), { force: true });
          const next = await reloadAfterWrite(state);
          return { saved: true as const, summary: summarize(next) };
        }),
      ),
    saveDraft: (key, text) =>
      ready().then(() =>
        serial(async () => {
          const state = lookup(key);
          const relative = toDraft(state.relative);
          const draft = writablePath(state, relative);
          if (tooLarge(text))
            throw new AppError('invalid-input', `This text is larger than a ladder file may be (${limits.maxBytes.toLocaleString('en')} bytes).`);
          await write(draft.path, text, relative);
          await reloadAfterWrite(state);
          return { path: relative };
        }),
      ),
    editCell: (key, cell, criteria, baseHash) =>
      ready().then(() =>
        serial(async () => {
          const state = lookup(key);
          writablePath(state, state.relative);
          if (baseHash && baseHash !== state.diskHash)
            throw new AppError('conflict', `${state.relative} changed on disk since you opened it. Look at the new version, then edit again.`);
          const ladder = state.inUse?.ladder;
          if (!ladder || state.inUse?.fromEarlierFile)
            throw new AppError('conflict', `${state.relative} has problems on disk. Fix them in the editor before quick edits.`);
          const competency = ladder.competencies.find((c) => c.id === cell.competencyId);
          const track = ladder.tracks.find((t) => t.id === cell.trackId);
          if (!competency || !track?.levelIds.includes(cell.levelId)) throw new AppError('not-found', 'That cell is not in this ladder.');
          const filePath = competency.source?.file ?? state.relative;
          const file = state.files.find((f) => f.path === filePath);
          if (!file) throw new AppError('not-found', `The file that defines ${competency.name} is not in your ladders folder.`);
          const target = writablePath(state, filePath);
          const edited = editCellCriteria(file.text, {
            competencyId: cell.competencyId,
            levelId: cell.levelId,
            levelOrder: ladder.levels.map((l) => l.id),
            criteria,
          });
          if (!edited.ok) throw new AppError('invalid-input', edited.message);
          const overrides = new Map(filePath === state.relative ? [] : [[filePath, edited.text]]);
          const entryText = filePath === state.relative ? edited.text : state.diskText;
          const checked = checkInFolder(state.folder, { path: state.relative, text: entryText }, overrides);
          if (tooLarge(edited.text) || !checked.check.ladder || checked.check.problems.some((p) => p.severity === 'error'))
            return { saved: false as const, problems: checked.check.problems };
          await write(target.path, edited.text, filePath);
          const next = await reloadAfterWrite(state);
          return { saved: true as const, summary: summarize(next) };
        }),
      ),
    copyToFolder: (key) =>
      ready().then(() =>
        serial(async () => {
          const state = lookup(key);
          const open = user!;
          if (!open.ok) throw new AppError('io', open.problems[0]?.message ?? 'Your ladders folder cannot be opened right now.');
          const folder = open.folder;
          const relative = freeName(folder, path.posix.basename(state.relative));
          const [entryFile, ...includes] = state.files;
          for (const include of includes) {
            // An include already there is the user's own: never replaced. One that would land outside is skipped.
            const target = folder.writablePath(include.path);
            if (!target || target.exists) continue;
            await mkdir(path.dirname(target.path), { recursive: true });
            await write(target.path, include.text, include.path);
          }
          const target = folder.writablePath(relative);
          if (!target || target.exists) throw new AppError('forbidden', 'Trellis only writes inside your ladders folder.');
          await write(target.path, entryFile?.text ?? state.diskText, relative);
          const changed = await loadUserFolder(open);
          if (changed.length > 0) options.onChanged(changed);
          return { key: keyFor('user', relative) };
        }),
      ),
    createFile: (name, text) =>
      ready().then(() =>
        serial(async (): Promise<CreateResult> => {
          const open = user!;
          if (!open.ok) throw new AppError('io', open.problems[0]?.message ?? 'Your ladders folder cannot be opened right now.');
          if (tooLarge(text))
            throw new AppError('invalid-input', `This ladder is larger than a ladder file may be (${limits.maxBytes.toLocaleString('en')} bytes).`);
          const checked = checkInFolder(open.folder, { path: name, text });
          if (!checked.check.ladder || checked.check.problems.some((p) => p.severity === 'error')) return { saved: false, problems: checked.check.problems };
          // A file that appears between choosing the name and placing it is never replaced: try the next free name.
          for (let attempt = 0; attempt < 20; attempt++) {
            const relative = freeName(open.folder, name);
            const target = open.folder.writablePath(relative);
            if (!target) throw new AppError('forbidden', 'Trellis only writes inside your ladders folder.');
            if (target.exists) continue;
            let placed = false;
            try {
              const temp = await atomic.writeTemp(target.path, text);
              placed = await atomic.placeWithoutReplacing(temp, target.path);
              if (!placed) await atomic.discard(temp);
              else await syncFolder(path.dirname(target.path), options.fs);
            } catch (error) {
              throw fileError(error, relative, 'save');
            }
            if (!placed) continue;
            const changed = await loadUserFolder(open);
            if (changed.length > 0) options.onChanged(changed);
            return { saved: true, key: keyFor('user', relative), file: relative };
          }
          throw new AppError('conflict', `Could not find a free file name for ${name}.`);
        }),
      ),
    async freeFileName(name) {
      await ready();
      return freeName(user!.folder, name);
    },
    folder: () => path.resolve(options.userFolder()),
    reloadFolder: ready,
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await queue;
      await user?.watcher?.close();
      if (user) user.watcher = null;
    },
  };
}

/** `engineering.yaml`, or `engineering-2.yaml` when that name is taken: a copy never overwrites. */
function freeName(folder: LadderFolder, name: string): string {
  const ext = path.posix.extname(name);
  const stem = path.posix.basename(name, ext);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
    if (!folder.exists(candidate)) return candidate;
  }
  throw new AppError('conflict', `Could not find a free file name for ${name}.`);
}
