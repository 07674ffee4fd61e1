import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../shared/ipc/result';

/**
 * The one way main writes a file: ladder files, drafts, stored versions and exports. Content goes
 * to a temp file in the same folder (same file system, so the rename is atomic), is flushed to
 * disk, then renamed over the target or linked to a free name. A reader or a crash sees the old
 * file or the new one, never half of it, and a failure leaves no temp file behind.
 */

/** The parts of fs/promises the writer uses, so tests can make a write fail (ENOSPC, EACCES…). */
export interface FileSystem {
  open: typeof nodeFs.open;
  link: typeof nodeFs.link;
  rename: typeof nodeFs.rename;
  unlink: typeof nodeFs.unlink;
  stat: typeof nodeFs.stat;
}

export const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException | null)?.code ?? '';

/**
 * Temp names are short and always the same length, whatever the target is called: a long
 * multi-byte target name that fits the file system must never fail because its temp name does not.
 */
export const TEMP_NAME_LENGTH = '.trellis-'.length + 12 + '.tmp'.length;
export function tempPathIn(folder: string): string {
  return path.join(folder, `.trellis-${randomBytes(6).toString('hex')}.tmp`);
}
export const tempPathBeside = (target: string): string => tempPathIn(path.dirname(target));

export const isTempFileName = (name: string) => /^\.trellis-[0-9a-f]{12}\.tmp$/.test(name);

/** What the user was doing when the write failed, for the last words of the message. */
export type WriteAction = 'export' | 'save';

/** A plain-language AppError for a failed write; `where` names the file or folder. */
export function fileError(error: unknown, where: string, action: WriteAction = 'export'): AppError {
  if (error instanceof AppError) return error;
  const again = action === 'save' ? 'save again' : 'export again';
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('io', `The disk is full, so nothing was written to ${where}. Free some space and ${again}.`);
    case 'EACCES':
    case 'EPERM':
      return new AppError('io', `Trellis is not allowed to write to ${where}. Choose another folder, or change its permissions.`);
    case 'EROFS':
      return new AppError('io', `${where} is on a read-only disk. Choose another folder.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('io', `${where} does not exist any more. Choose the folder again.`);
    case 'ENAMETOOLONG':
      return new AppError('io', `The name or path of ${where} is too long for this disk. Choose a shorter name or a folder with a shorter path.`);
    case 'EMFILE':
    case 'ENFILE':
      return new AppError('io', 'Too many files are open right now. Close some programs and try again.');
    default:
      return new AppError('io', `Trellis could not write to ${where} (${errorCode(error) || 'unknown error'}).`);
  }
}

export interface AtomicWriter {
  /** Writes `content` to a new temp file beside `target`, flushed to disk; returns the temp path. */
  writeTemp(target: string, content: string | Uint8Array, mode?: number): Promise<string>;
  /** Replaces (or creates) `target` in one step. */
  replace(target: string, content: string | Uint8Array, mode?: number): Promise<void>;
  /** Moves a temp file to `target` only if nothing is there; false when the name is taken. */
  placeWithoutReplacing(temp: string, target: string): Promise<boolean>;
  exists(file: string): Promise<boolean>;
  discard(temp: string): Promise<void>;
}

/** Makes a rename itself durable where the platform allows opening a folder (not Windows). */
export async function syncFolder(dir: string, fs: Pick<FileSystem, 'open'> = nodeFs): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse to fsync a folder; the file itself is already flushed.
  }
}

export function createAtomicWriter(fs: FileSystem = nodeFs): AtomicWriter {
  async function writeTemp(target: string, content: string | Uint8Array, mode = 0o644): Promise<string> {
    const temp = tempPathBeside(target);
    const handle = await fs.open(temp, 'wx', mode);
    try {
      // Text as UTF-8; bytes (a PDF) as they are.
      await (typeof content === 'string' ? handle.writeFile(content, 'utf8') : handle.writeFile(content));
      await handle.sync();
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => {});
      await fs.unlink(temp).catch(() => {});
      throw error;
    }
    return temp;
  }

  async function exists(file: string): Promise<boolean> {
    try {
      await fs.stat(file);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }

  return {
    writeTemp,
    exists,
    discard: (temp) => fs.unlink(temp).catch(() => {}),
    async replace(target, content, mode) {
      const temp = await writeTemp(target, content, mode);
      try {
        await fs.rename(temp, target);
      } catch (error) {
        await fs.unlink(temp).catch(() => {});
        throw error;
      }
      await syncFolder(path.dirname(target), fs);
    },
    /**
     * link() fails on an existing name, so a file created meanwhile is never replaced. File
     * systems without hard links (FAT drives) get a check then rename.
     */
    async placeWithoutReplacing(temp, target) {
      try {
        await fs.link(temp, target);
        await fs.unlink(temp);
        return true;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') return false;
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errorCode(error))) throw error;
      }
      if (await exists(target)) return false;
      await fs.rename(temp, target);
      return true;
    },
  };
}

const defaultWriter = createAtomicWriter();

/** Replaces `file` atomically with the real file system (ladder files, drafts, stored versions). */
export const writeFileAtomic = (file: string, text: string): Promise<void> => defaultWriter.replace(file, text);
