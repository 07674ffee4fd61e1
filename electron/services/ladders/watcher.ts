import path from 'node:path';

import { type FSWatcher, watch } from 'chokidar';

export interface FolderWatcher {
  /** Resolves once chokidar has scanned the folder; events before that are not reported. */
  ready: Promise<void>;
  /** Also watches exactly these folders (absolute; the ones includes name), and no others. */
  watchOnly(dirs: string[]): Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time after the last event before `onChange` runs: one save = one reload. */
  debounceMs?: number;
  /** How long a file's size must stay still before it counts as written (editors write in chunks). */
  stabilityMs?: number;
  /** Which files matter (by base name); others never wake the loader. */
  accept: (fileName: string) => boolean;
}

/**
 * Watches the top level of a folder, plus the folders its ladders include files from, and
 * reports the set of paths touched, debounced. Never deeper, and never through a symbolic
 * link: a huge folder (/, a home folder) costs one folder's watch, not a walk of the disk, and a
 * link never makes Trellis watch something outside. An editor's rename-on-save arrives as
 * unlink + add of the same path inside one debounce window, so the loader sees one change.
 */
export function watchFolder(folder: string, onChange: (paths: Set<string>) => void, options: WatchOptions): FolderWatcher {
  const { debounceMs = 120, stabilityMs = 100, accept } = options;
  const root = path.resolve(folder);
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.size === 0) return;
    const batch = new Set(pending);
    pending.clear();
    onChange(batch);
  };
  const note = (file: string) => {
    if (!accept(path.basename(file))) return;
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  let extra = new Set<string>();
  const watched = () => new Set([root, ...extra]);
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    depth: 0,
    followSymlinks: false,
    awaitWriteFinish: { stabilityThreshold: stabilityMs, pollInterval: Math.max(20, Math.round(stabilityMs / 3)) },
    // Hidden entries are our own temp files (and .git); folders other than the watched ones are not looked into.
    ignored: (file, stats) => {
      const resolved = path.resolve(file);
      if (watched().has(resolved)) return false;
      if (path.basename(resolved).startsWith('.')) return true;
      return stats?.isDirectory() === true;
    },
  });
  watcher.on('add', note).on('change', note).on('unlink', note);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  // A watch error (folder removed, permissions) must not crash main; the next reload reports it.
  watcher.on('error', () => {});
  return {
    ready,
    async watchOnly(dirs) {
      const next = new Set(dirs.map((d) => path.resolve(d)).filter((d) => d !== root));
      const added = [...next].filter((d) => !extra.has(d));
      const removed = [...extra].filter((d) => !next.has(d));
      extra = next;
      if (removed.length > 0) watcher.unwatch(removed);
      if (added.length === 0) return;
      watcher.add(added);
      // chokidar has no "ready" for added paths: wait (briefly, bounded) until it lists them as watched.
      for (let i = 0; i < 100; i++) {
        const known = watcher.getWatched();
        if (added.every((d) => d in known)) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      clearTimeout(timer);
      pending.clear();
      await watcher.close();
    },
  };
}
