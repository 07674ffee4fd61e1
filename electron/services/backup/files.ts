/**
 * The file parts of a backup: the user's ladders folder and the ladder version store, read for a
 * backup, and put back on restore without ever replacing a file silently.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

import { backupLimits } from '../../../shared/backup';
import type { StoredFile } from './reader';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code ?? '';

/** Reads the YAML files of a folder and its subfolders (as the ladders watcher sees them). */
export async function collectLadderFiles(folder: string): Promise<{ files: StoredFile[]; skipped: number }> {
  const files: StoredFile[] = [];
  let skipped = 0;
  let total = 0;
  async function walk(dir: string, relative: string, depth: number) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      // Hidden entries are temp files, editors' swap files and .git.
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 5) await walk(full, rel, depth + 1);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        const size = (await stat(full)).size;
        if (files.length >= backupLimits.maxLadderFiles || total + size > backupLimits.maxLadderBytes) {
          skipped += 1;
          continue;
        }
        try {
          files.push({ path: rel, data: await readFile(full) });
          total += size;
        } catch {
          skipped += 1;
        }
      }
    }
  }
  await walk(folder, '', 0);
  return { files, skipped };
}

/** The version store: `<ladder id>/<hash>.json` files. */
export async function collectVersionFiles(root: string): Promise<StoredFile[]> {
  const files: StoredFile[] = [];
  let ids: string[];
  try {
    ids = (await readdir(root)).sort();
  } catch {
    return files;
  }
  for (const id of ids) {
    if (id.startsWith('.')) continue;
    let names: string[];
    try {
      names = (await readdir(path.join(root, id))).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/^[0-9a-f]{64}\.json$/.test(name)) continue;
      try {
        files.push({ path: `${id}/${name}`, data: await readFile(path.join(root, id, name)) });
      } catch {
        // A version being written right now is taken by the next backup.
      }
    }
  }
  return files;
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return null;
    throw error;
  }
}

/** link() refuses an existing name; file systems without hard links (FAT drives) get a check, then rename. */
async function placeWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
    return;
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(codeOf(error))) throw error;
  }
  if (await readOrNull(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
  await rename(temp, target);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;

interface StagedFile {
  temp: string;
  target: string;
  /** Where the file goes if `target` appeared meanwhile with other content. */
  aside: string | null;
}

export interface RestoreFilesReport {
  laddersFolder: string;
  laddersAdded: string[];
  laddersUnchanged: number;
  /** Ladder files that differ from the current ones: the backup's copies, kept apart. */
  laddersKeptApart: string[];
  keptApartFolder: string | null;
  versionsAdded: number;
}

export interface StagedRestore {
  report: RestoreFilesReport;
  commit(): Promise<RestoreFilesReport>;
  abort(): Promise<void>;
}

/**
 * Writes every file a restore adds as a hidden temp file in its final folder (flushed to disk),
 * so that committing is only renames. Ladder files missing from the ladders folder are added;
 * identical ones are left alone; ones that differ are never overwritten: the backup's copy goes
 * to `<userData>/restored-ladders/<date>/`. Stored ladder versions are added when missing.
 */
export async function stageRestoreFiles(options: {
  ladders: StoredFile[];
  versions: StoredFile[];
  laddersFolder: string;
  versionsRoot: string;
  keptApartRoot: string;
  stamp: string;
}): Promise<StagedRestore> {
  const staged: StagedFile[] = [];
  const createdDirs: string[] = [];
  const report: RestoreFilesReport = {
    laddersFolder: options.laddersFolder,
    laddersAdded: [],
    laddersUnchanged: 0,
    laddersKeptApart: [],
    keptApartFolder: null,
    versionsAdded: 0,
  };
  const keptApartFolder = path.join(options.keptApartRoot, options.stamp);

  async function ensureDir(dir: string) {
    const missing: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      try {
        await stat(d);
        break;
      } catch {
        missing.push(d);
        if (path.dirname(d) === d) break;
      }
    }
    await mkdir(dir, { recursive: true });
    createdDirs.push(...missing);
  }

  async function stage(target: string, data: Uint8Array, aside: string | null) {
    await ensureDir(path.dirname(target));
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.restore.tmp`);
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    staged.push({ temp, target, aside });
  }

  async function abort() {
    await Promise.all(staged.map((s) => unlink(s.temp).catch(() => {})));
    // Deepest first, and only folders we made that are still empty.
    for (const dir of [...createdDirs].sort((a, b) => b.length - a.length)) await rmdir(dir).catch(() => {});
  }

  try {
    for (const file of options.ladders) {
      const target = path.join(options.laddersFolder, ...file.path.split('/'));
      const current = await readOrNull(target);
      if (current && sameBytes(current, file.data)) report.laddersUnchanged += 1;
      else if (current) {
        report.laddersKeptApart.push(file.path);
        await stage(path.join(keptApartFolder, ...file.path.split('/')), file.data, null);
      } else {
        report.laddersAdded.push(file.path);
        await stage(target, file.data, path.join(keptApartFolder, ...file.path.split('/')));
      }
    }
    for (const file of options.versions) {
      const target = path.join(options.versionsRoot, ...file.path.split('/'));
      if (await readOrNull(target)) continue;
      report.versionsAdded += 1;
      await stage(target, file.data, null);
    }
  } catch (error) {
    await abort();
    throw error;
  }
  if (report.laddersKeptApart.length > 0) report.keptApartFolder = keptApartFolder;

  return {
    report,
    abort,
    async commit() {
      for (const s of staged) {
        // link() refuses an existing name, so a file made meanwhile is never replaced.
        try {
          await placeWithoutReplacing(s.temp, s.target);
        } catch (error) {
          if (codeOf(error) !== 'EEXIST') throw error;
          const now = await readOrNull(s.target);
          const mine = await readFile(s.temp);
          if (s.aside && !(now && sameBytes(now, mine))) {
            await ensureDir(path.dirname(s.aside));
            await link(s.temp, s.aside).catch(() => {});
            const rel = path.relative(options.laddersFolder, s.target).split(path.sep).join('/');
            report.laddersAdded = report.laddersAdded.filter((p) => p !== rel);
            report.laddersKeptApart.push(rel);
            report.keptApartFolder = keptApartFolder;
          }
        }
        await unlink(s.temp).catch(() => {});
      }
      return report;
    },
  };
}
