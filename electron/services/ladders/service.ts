import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

import type { LadderDetail, LadderList, LadderOrigin, SaveResult } from '../../../shared/ipc/ladders';
import { AppError } from '../../../shared/ipc/result';
import { editCellCriteria } from '../../../shared/ladder/edit';
import { criteriaFirstSeen, type LadderReview, reviewLadder } from '../../../shared/ladder/review';
import { createAtomicWriter, fileError, type FileSystem } from '../atomic-write';
import { entryFiles, type EntryState, keyFor, loadEntry, summarize } from './catalog';
import { draftPathFor, isInside, readTextOrNull } from './files';
import { isLadderFileName } from './files';
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
  /** Called with the keys whose content or status changed (to push `ladders:changed`). */
  onChanged: (keys: string[]) => void;
  debounceMs?: number;
  now?: () => Date;
  /** The file system writes go through (tests make it fail, e.g. with a full disk). */
  fs?: FileSystem;
}

export interface LaddersService {
  list(): Promise<LadderList>;
  get(key: string): Promise<LadderDetail>;
  save(key: string, text: string, baseHash?: string): Promise<SaveResult>;
  saveDraft(key: string, text: string): Promise<{ path: string }>;
  /** Quick edit of one cell's criteria, written into the file that defines the competency. */
  editCell(key: string, cell: CellRef, criteria: string, baseHash?: string): Promise<SaveResult>;
  copyToFolder(key: string): Promise<{ key: string }>;
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

export function createLaddersService(options: LaddersServiceOptions): LaddersService {
  const now = options.now ?? (() => new Date());
  const versions = createVersionStore(path.join(options.userDataDir, 'ladder-versions'), now);
  const states = new Map<string, EntryState>();
  const atomic = createAtomicWriter(options.fs);
  /** Writes one file of the ladders folder; a failure says what happened in plain words (a full disk…). */
  const write = async (file: string, text: string, where: string) => {
    try {
      await atomic.replace(file, text);
    } catch (error) {
      throw fileError(error, where, 'save');
    }
  };
  let watcher: FolderWatcher | null = null;
  let watchedFolder: string | null = null;
  let started: Promise<void> | null = null;
  // Loads and saves run one at a time, so a save never interleaves with a reload of the same file.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };

  /** Re-reads every ladder file of one folder; returns the keys whose content or status changed. */
  async function loadFolder(origin: LadderOrigin, root: string): Promise<string[]> {
    const changed: string[] = [];
    const present = new Set<string>();
    for (const relative of await entryFiles(root)) {
      const key = keyFor(origin, relative);
      present.add(key);
      const before = states.get(key);
      const after = await loadEntry(origin, root, relative, before, versions);
      if (!after) continue;
      states.set(key, after);
      if (!before || before.diskHash !== after.diskHash || before.hasDraft !== after.hasDraft || before.root !== after.root) changed.push(key);
    }
    for (const [key, state] of states) {
      if (state.origin === origin && !present.has(key)) {
        states.delete(key);
        changed.push(key);
      }
    }
    return changed;
  }

  async function watchUserFolder(): Promise<void> {
    const folder = path.resolve(options.userFolder());
    if (watchedFolder === folder && watcher) return;
    await watcher?.close();
    await mkdir(folder, { recursive: true });
    watchedFolder = folder;
    watcher = watchFolder(
      folder,
      () =>
        void serial(async () => {
          const changed = await loadFolder('user', folder);
          if (changed.length > 0) options.onChanged(changed);
        }),
      { debounceMs: options.debounceMs, accept: (name) => isLadderFileName(name) || /\.draft\.ya?ml$/i.test(name) },
    );
    await watcher.ready;
  }

  function ensureStarted(): Promise<void> {
    started ??= serial(async () => {
      await loadFolder('bundled', path.resolve(options.bundledDir));
      await watchUserFolder();
      await loadFolder('user', watchedFolder!);
    });
    return started;
  }

  /** The folder setting may have changed (Settings, another window): follow it before answering. */
  async function followFolderSetting(): Promise<void> {
    if (watchedFolder === path.resolve(options.userFolder())) return;
    await serial(async () => {
      await watchUserFolder();
      const changed = await loadFolder('user', watchedFolder!);
      if (changed.length > 0) options.onChanged(changed);
    });
  }

  async function ready(): Promise<void> {
    await ensureStarted();
    await followFolderSetting();
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

  function writableTarget(state: EntryState): string {
    if (state.origin !== 'user') throw new AppError('forbidden', 'Ladders that ship with Trellis are read-only. Copy it to your ladders folder to change it.');
    const file = path.join(state.root, state.relative);
    if (!isInside(state.root, file)) throw new AppError('forbidden', 'Trellis only writes inside your ladders folder.');
    return file;
  }

  /** After our own write: reload now, so the watcher's echo finds the same hash and stays silent. */
  async function reloadAfterWrite(state: EntryState): Promise<EntryState> {
    const next = await loadEntry(state.origin, state.root, state.relative, state, versions);
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

  return {
    versions,
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
      return { folder: watchedFolder!, bundledFolder: path.resolve(options.bundledDir), ladders };
    },
    async get(key) {
      await ready();
      const state = lookup(key);
      const draft = await readTextOrNull(draftPathFor(path.join(state.root, state.relative)));
      return { summary: summarize(state), ladder: state.inUse?.ladder ?? null, files: state.files, draft };
    },
    save: (key, text, baseHash) =>
      ready().then(() =>
        serial(async () => {
          const state = lookup(key);
          const file = writableTarget(state);
          const onDisk = await readTextOrNull(file);
          if (baseHash && onDisk !== null && checkInFolder(state.root, { path: state.relative, text: onDisk }).hash !== baseHash && onDisk !== text) {
            throw new AppError('conflict', `${state.relative} changed on disk since you opened it. Reload it, or save your text as a draft.`);
          }
          const checked = checkInFolder(state.root, { path: state.relative, text });
          if (!checked.check.ladder || checked.check.problems.some((p) => p.severity === 'error')) {
            return { saved: false as const, problems: checked.check.problems };
          }
          await write(file, text, state.relative);
          await rm(draftPathFor(file), { force: true });
          const next = await reloadAfterWrite(state);
          return { saved: true as const, summary: summarize(next) };
        }),
      ),
    saveDraft: (key, text) =>
      ready().then(() =>
        serial(async () => {
          const state = lookup(key);
          const draft = draftPathFor(writableTarget(state));
          await write(draft, text, path.basename(draft));
          await reloadAfterWrite(state);
          return { path: path.relative(state.root, draft).split(path.sep).join('/') };
        }),
      ),
    editCell: (key, cell, criteria, baseHash) =>
      ready().then(() =>
        serial(async () => {
          const state = lookup(key);
          writableTarget(state);
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
          const target = path.join(state.root, ...filePath.split('/'));
          if (!file || !isInside(state.root, target))
            throw new AppError('not-found', `The file that defines ${competency.name} is not in your ladders folder.`);
          const edited = editCellCriteria(file.text, {
            competencyId: cell.competencyId,
            levelId: cell.levelId,
            levelOrder: ladder.levels.map((l) => l.id),
            criteria,
          });
          if (!edited.ok) throw new AppError('invalid-input', edited.message);
          const overrides = new Map(filePath === state.relative ? [] : [[filePath, edited.text]]);
          const entryText = filePath === state.relative ? edited.text : state.diskText;
          const checked = checkInFolder(state.root, { path: state.relative, text: entryText }, overrides);
          if (!checked.check.ladder || checked.check.problems.some((p) => p.severity === 'error'))
            return { saved: false as const, problems: checked.check.problems };
          await write(target, edited.text, filePath);
          const next = await reloadAfterWrite(state);
          return { saved: true as const, summary: summarize(next) };
        }),
      ),
    copyToFolder: (key) =>
      ready().then(() =>
        serial(async () => {
          const state = lookup(key);
          const folder = watchedFolder!;
          const relative = await freeName(folder, path.basename(state.relative));
          const [entryFile, ...includes] = state.files;
          for (const include of includes) {
            const target = path.join(folder, ...include.path.split('/'));
            if (!isInside(folder, target) || (await readTextOrNull(target)) !== null) continue;
            await mkdir(path.dirname(target), { recursive: true });
            await write(target, include.text, include.path);
          }
          await write(path.join(folder, relative), entryFile?.text ?? state.diskText, relative);
          const changed = await loadFolder('user', folder);
          if (changed.length > 0) options.onChanged(changed);
          return { key: keyFor('user', relative) };
        }),
      ),
    folder: () => path.resolve(options.userFolder()),
    reloadFolder: ready,
    async close() {
      await queue;
      await watcher?.close();
      watcher = null;
    },
  };
}

/** `engineering.yaml`, or `engineering-2.yaml` when that name is taken: a copy never overwrites. */
async function freeName(folder: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = path.basename(name, ext);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
    if ((await readTextOrNull(path.join(folder, candidate))) === null) return candidate;
  }
  throw new AppError('conflict', `Could not find a free file name for ${name}.`);
}
