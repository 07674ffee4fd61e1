import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

import { limits } from '../../../shared/ladder';

/**
 * Reading and writing inside one ladders folder, and nowhere else. Every path is resolved with
 * realpath and compared with the folder's own real path, so a symbolic link (or a folder that
 * is one) never leads out of it, whichever file or include names it. Reads are bounded: a file
 * over the size limit is refused before it is read whole.
 */

/** Bigger than any real ladder by far (the shipped ones are ~40 kB); the checker's own limit. */
export const MAX_LADDER_FILE_BYTES = limits.maxBytes;

export type ReadResult =
  | { ok: true; text: string; real: string }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'outside' }
  | { ok: false; reason: 'too-large'; size: number };

/** Why a file was not read, in words for the problem shown on it. */
export function refusalMessage(name: string, result: Exclude<ReadResult, { ok: true }>): { message: string; hint: string } | null {
  switch (result.reason) {
    case 'outside':
      return {
        message: `"${name}" is a link to a file outside your ladders folder; Trellis does not follow it`,
        hint: 'copy the file into the ladders folder instead of linking to it',
      };
    case 'too-large':
      return {
        message: `"${name}" is too large (${megabytes(result.size)}; the limit is ${megabytes(MAX_LADDER_FILE_BYTES)}), so Trellis did not read it`,
        hint: 'split it into files joined with "include"',
      };
    default:
      return null;
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code ?? '';

/** True when `child` is `folder` itself or inside it (both already absolute and real). */
export function isInside(folder: string, child: string): boolean {
  const relative = path.relative(folder, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

export interface LadderFolder {
  /** The folder as the settings name it. */
  readonly root: string;
  /** Where it really is (links resolved); null when it cannot be resolved (gone, unplugged). */
  realRoot(): string | null;
  /** Absolute path of a `/`-separated path relative to the folder (not checked). */
  pathOf(relative: string): string;
  /** Reads a file of the folder; never follows a link out of it and never reads past the limit. */
  read(relative: string, maxBytes?: number): ReadResult;
  /** Where a file of the folder really is, if it exists and is inside; null otherwise. */
  realPathOf(relative: string): string | null;
  /**
   * Where to write `relative`: the real path of the file (an existing link inside the folder is
   * written through) and whether it exists; null when the file or a folder above it leads outside.
   */
  writablePath(relative: string): { path: string; exists: boolean } | null;
  /** True when something (even a dangling link) has this name. */
  exists(relative: string): boolean;
}

export function ladderFolder(root: string): LadderFolder {
  const absoluteRoot = path.resolve(root);
  const pathOf = (relative: string) => path.join(absoluteRoot, ...relative.split('/'));
  let cachedReal: string | null = null;
  const realRoot = () => {
    // Resolved again until it succeeds: the folder may appear later (created, drive plugged in).
    if (cachedReal) return cachedReal;
    try {
      cachedReal = realpathSync(absoluteRoot);
    } catch {
      return null;
    }
    return cachedReal;
  };
  const inside = (real: string) => {
    const rootReal = realRoot();
    return rootReal !== null && isInside(rootReal, real);
  };

  function read(relative: string, maxBytes = MAX_LADDER_FILE_BYTES): ReadResult {
    let real: string;
    try {
      real = realpathSync(pathOf(relative));
    } catch {
      return { ok: false, reason: 'missing' };
    }
    if (!inside(real)) return { ok: false, reason: 'outside' };
    let fd: number;
    try {
      fd = openSync(real, 'r');
    } catch {
      return { ok: false, reason: 'missing' };
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { ok: false, reason: 'missing' };
      if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
      // Read at most one byte past the limit: a file that grew since fstat is still refused.
      const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        const n = readSync(fd, buffer, length, buffer.length - length, length);
        if (n === 0) break;
        length += n;
      }
      if (length > maxBytes) return { ok: false, reason: 'too-large', size: length };
      const text = buffer.subarray(0, length).toString('utf8');
      return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, real };
    } catch {
      return { ok: false, reason: 'missing' };
    } finally {
      closeSync(fd);
    }
  }

  function writablePath(relative: string): { path: string; exists: boolean } | null {
    const target = pathOf(relative);
    if (!isInside(absoluteRoot, target) || target === absoluteRoot) return null;
    try {
      // An existing file (or link): write where it really is, if that is inside.
      const real = realpathSync(target);
      return inside(real) ? { path: real, exists: true } : null;
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') return null;
    }
    // A dangling link must not be written through (it would create a file wherever it points).
    try {
      lstatSync(target);
      return null;
    } catch {
      // Nothing there: fine.
    }
    // A new file: the nearest folder above it that exists must really be inside.
    let dir = path.dirname(target);
    const missing: string[] = [path.basename(target)];
    for (;;) {
      try {
        const real = realpathSync(dir);
        return inside(real) ? { path: path.join(real, ...missing), exists: false } : null;
      } catch (error) {
        if (codeOf(error) !== 'ENOENT' || dir === absoluteRoot) return null;
        missing.unshift(path.basename(dir));
        dir = path.dirname(dir);
      }
    }
  }

  return {
    root: absoluteRoot,
    realRoot,
    pathOf,
    read,
    writablePath,
    realPathOf(relative) {
      try {
        const real = realpathSync(pathOf(relative));
        return inside(real) ? real : null;
      } catch {
        return null;
      }
    },
    exists(relative) {
      try {
        lstatSync(pathOf(relative));
        return true;
      } catch {
        return false;
      }
    },
  };
}
