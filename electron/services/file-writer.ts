import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

import { isPlainFileName } from '../../shared/domain/file-names';
import { AppError } from '../../shared/ipc/result';
import { createAtomicWriter, fileError, type FileSystem } from './atomic-write';

/**
 * Writing exports to disk, through the atomic writer: a crash or a full disk never leaves half a
 * file under the real name. Existing files are never replaced unless the user chose that exact
 * path in a save dialog (which asks about replacing); folder exports pick a free name instead.
 */

export interface TextFile {
  name: string;
  content: string;
}

export { fileError, type FileSystem };

/** Every name a plain file name, none twice (case-insensitively, as Windows and macOS compare). */
export function checkExportNames(files: TextFile[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    if (!isPlainFileName(file.name)) throw new AppError('invalid-input', `"${file.name}" is not a plain file name, so Trellis will not write it.`);
    const key = file.name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new AppError('invalid-input', `"${file.name}" appears twice in this export.`);
    seen.add(key);
  }
}

export function createFileWriter(fs: FileSystem = nodeFs) {
  const atomic = createAtomicWriter(fs);

  /** Saves one file at a path the user chose (the save dialog already asked about replacing). */
  async function saveText(target: string, content: string | Uint8Array): Promise<string> {
    try {
      await atomic.replace(target, content, 0o600);
      return target;
    } catch (error) {
      throw fileError(error, path.basename(target));
    }
  }

  /** Saves one file at `target`, or at the first free name beside it ("a-2.md"): never replaces a file. */
  async function saveTextBeside(target: string, content: string | Uint8Array): Promise<string> {
    const folder = path.dirname(target);
    const name = path.basename(target);
    let temp: string | null = null;
    try {
      temp = await atomic.writeTemp(target, content, 0o600);
      for (let n = 1; n < 1000; n += 1) {
        const candidateName = candidate(name, n);
        if (await atomic.placeWithoutReplacing(temp, path.join(folder, candidateName))) return path.join(folder, candidateName);
      }
      throw new AppError('conflict', `Every name like ${name} is taken in that folder. Choose another name.`);
    } catch (error) {
      if (temp) await atomic.discard(temp);
      throw fileError(error, name);
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
    checkExportNames(files);
    for (const file of files) {
      const resolved = path.resolve(folder, file.name);
      if (path.dirname(resolved) !== path.resolve(folder)) throw new AppError('invalid-input', `"${file.name}" points outside the chosen folder.`);
    }
    const temps: string[] = [];
    const placed: string[] = [];
    try {
      for (const file of files) temps.push(await atomic.writeTemp(path.join(folder, file.name), file.content, 0o600));
      for (const [i, file] of files.entries()) {
        let n = 1;
        while (!(await atomic.placeWithoutReplacing(temps[i]!, path.join(folder, candidate(file.name, n))))) n += 1;
        placed.push(candidate(file.name, n));
      }
      return placed;
    } catch (error) {
      await Promise.all(temps.map((t) => atomic.discard(t)));
      await Promise.all(placed.map((name) => atomic.discard(path.join(folder, name))));
      throw fileError(error, folder);
    }
  }

  return { saveText, saveTextBeside, exportFolder };
}

export type FileWriter = ReturnType<typeof createFileWriter>;
