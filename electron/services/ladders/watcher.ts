import path from 'node:path';

import { type FSWatcher, watch } from 'chokidar';

export interface FolderWatcher {
  /** Resolves once chokidar has scanned the folder; events before that are not reported. */
  ready: Promise<void>;
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
 * Watches a folder (and its subfolders, where included files may live) and reports the set of
 * paths touched, debounced. An editor's rename-on-save arrives as unlink + add of the same path
 * inside one debounce window, so the loader sees one change and re-reads the file.
 */
export function watchFolder(folder: string, onChange: (paths: Set<string>) => void, options: WatchOptions): FolderWatcher {
  const { debounceMs = 120, stabilityMs = 100, accept } = options;
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
  const watcher: FSWatcher = watch(folder, {
    ignoreInitial: true,
    depth: 4,
    awaitWriteFinish: { stabilityThreshold: stabilityMs, pollInterval: Math.max(20, Math.round(stabilityMs / 3)) },
    // Hidden entries are our own temp files (and .git): never worth a reload.
    ignored: (file) => path.basename(file).startsWith('.') && path.resolve(file) !== path.resolve(folder),
  });
  watcher.on('add', note).on('change', note).on('unlink', note);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  // A watch error (folder removed, permissions) must not crash main; the next reload reports it.
  watcher.on('error', () => {});
  return {
    ready,
    async close() {
      clearTimeout(timer);
      pending.clear();
      await watcher.close();
    },
  };
}
