import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

import { isPlainFileName } from '../../shared/domain/file-names';
import { AppError } from '../../shared/ipc/result';

/**
 * Writing exports to disk. Every file goes to a temp file in the same folder, is fsynced and
 * then moved into place, so a crash or a full disk never leaves half a file under the real
 * name. Existing files are never replaced unless the user chose that exact path in a save
 * dialog (which asks about replacing); folder exports pick a free name instead.
 */

/** The parts of fs/promises we use, so tests can make a write fail (e.g. ENOSPC). */
export interface FileSystem {
  open: typeof nodeFs.open;
  link: typeof nodeFs.link;
  rename: typeof nodeFs.rename;
  unlink: typeof nodeFs.unlink;
  stat: typeof nodeFs.stat;
}

export interface TextFile {
  name: string;
  content: string;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code ?? '';

/** A plain-language AppError for a file-system failure; `where` names the file or folder. */
export function fileError(error: unknown, where: string): AppError {
  if (error instanceof AppError) return error;
  switch (codeOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('io', `The disk is full, so nothing was written to ${where}. Free some space and export again.`);
    case 'EACCES':
    case 'EPERM':
      return new AppError('io', `Trellis is not allowed to write to ${where}. Choose another folder, or change its permissions.`);
    case 'EROFS':
      return new AppError('io', `${where} is on a read-only disk. Choose another folder.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('io', `${where} does not exist any more. Choose the folder again.`);
    case 'ENAMETOOLONG':
      return new AppError('io', `The path ${where} is too long for this disk. Choose a folder with a shorter path.`);
    case 'EMFILE':
    case 'ENFILE':
      return new AppError('io', 'Too many files are open right now. Close some programs and try again.');
    default:
      return new AppError('io', `Trellis could not write to ${where} (${codeOf(error) || 'unknown error'}).`);
  }
}

export function createFileWriter(fs: FileSystem = nodeFs) {
  /** Writes `content` to a new temp file beside `target` and flushes it to disk. */
  async function writeTemp(target: string, content: string): Promise<string> {
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => {});
      await fs.unlink(temp).catch(() => {});
      throw error;
    }
    return temp;
  }

  /**
   * Moves a temp file to `target` only if nothing is there: link() fails on an existing name,
   * so a file created meanwhile is never replaced. File systems without hard links (FAT
   * drives) get a check then rename.
   */
  async function placeWithoutReplacing(temp: string, target: string): Promise<boolean> {
    try {
      await fs.link(temp, target);
      await fs.unlink(temp);
      return true;
    } catch (error) {
      if (codeOf(error) === 'EEXIST') return false;
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(codeOf(error))) throw error;
    }
    if (await exists(target)) return false;
    await fs.rename(temp, target);
    return true;
  }

  async function exists(file: string): Promise<boolean> {
    try {
      await fs.stat(file);
      return true;
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return false;
      throw error;
    }
  }

  /** Saves one file at a path the user chose (the save dialog already asked about replacing). */
  async function saveText(target: string, content: string): Promise<string> {
    const where = path.basename(target);
    let temp: string | null = null;
    try {
      temp = await writeTemp(target, content);
      await fs.rename(temp, target);
      return target;
    } catch (error) {
      if (temp) await fs.unlink(temp).catch(() => {});
      throw fileError(error, where);
    }
  }

  /** Free name in `folder`: "a.md", else "a-2.md", "a-3.md"… */
  function candidate(name: string, n: number): string {
    if (n === 1) return name;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
  }

  /**
   * Writes all files into `folder`, or none: every temp file is written and synced first; if
   * any write fails, all temps are removed and so are files already moved into place.
   */
  async function exportFolder(folder: string, files: TextFile[]): Promise<string[]> {
    const seen = new Set<string>();
    for (const file of files) {
      if (!isPlainFileName(file.name)) throw new AppError('invalid-input', `"${file.name}" is not a plain file name, so Trellis will not write it.`);
      const resolved = path.resolve(folder, file.name);
      if (path.dirname(resolved) !== path.resolve(folder)) throw new AppError('invalid-input', `"${file.name}" points outside the chosen folder.`);
      if (seen.has(file.name.toLowerCase())) throw new AppError('invalid-input', `"${file.name}" appears twice in this export.`);
      seen.add(file.name.toLowerCase());
    }
    const temps: string[] = [];
    const placed: string[] = [];
    try {
      for (const file of files) temps.push(await writeTemp(path.join(folder, file.name), file.content));
      for (const [i, file] of files.entries()) {
        let n = 1;
        while (!(await placeWithoutReplacing(temps[i]!, path.join(folder, candidate(file.name, n))))) n += 1;
        placed.push(candidate(file.name, n));
      }
      return placed;
    } catch (error) {
      await Promise.all(temps.map((t) => fs.unlink(t).catch(() => {})));
      await Promise.all(placed.map((name) => fs.unlink(path.join(folder, name)).catch(() => {})));
      throw fileError(error, folder);
    }
  }

  return { saveText, exportFolder };
}

export type FileWriter = ReturnType<typeof createFileWriter>;
