/**
 * File access for ladders, shared by the CLI and the app's main process: a fs-backed ReadInclude
 * and "check this file". Plain Node, no electron. Reads are synchronous because the checker is.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

import {
  checkLadder,
  checkSharedLadderFile,
  isSharedLadderFile,
  type LadderCheck,
  type LadderSource,
  limits,
  type ReadInclude,
  type SharedFileCheck,
} from '../../shared/ladder';

export interface ReadIncludeOptions {
  /** When set, includes outside this folder are treated as unreadable (a ladders folder stays self-contained). */
  root?: string;
}

/** Reads a text file, at most one character past the checker's limit (it then reports "too large"). */
export function readLadderText(file: string): string | null {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return null;
    const size = Math.min(stat.size, limits.maxBytes * 4 + 4);
    const buffer = Buffer.alloc(size);
    const fd = openSync(file, 'r');
    try {
      let read = 0;
      while (read < size) {
        const n = readSync(fd, buffer, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      return stripBom(buffer.subarray(0, read).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readLadderSource(file: string): LadderSource | null {
  const absolute = path.resolve(file);
  const text = readLadderText(absolute);
  return text === null ? null : { path: absolute, text };
}

/** Includes are relative to the including file; paths come back absolute so cycles are found. */
export function createFsReadInclude(options: ReadIncludeOptions = {}): ReadInclude {
  const root = options.root === undefined ? undefined : path.resolve(options.root);
  return (fromPath, includePath) => {
    const target = path.resolve(path.dirname(fromPath), includePath);
    if (root !== undefined && path.relative(root, target).startsWith('..')) return null;
    return readLadderSource(target);
  };
}

/** Checks a ladder file on disk; null when the file itself cannot be read. */
export function checkLadderFile(file: string, options: ReadIncludeOptions = {}): LadderCheck | null {
  const source = readLadderSource(file);
  if (!source) return null;
  return checkLadder(source, createFsReadInclude(options));
}

/**
 * Checks any ladder-folder file: a ladder, or a shared file that ladders include (checked on its
 * own for what can be checked without the ladder). null when the file cannot be read.
 */
export function checkAnyLadderFile(
  file: string,
  options: ReadIncludeOptions = {},
): ({ kind: 'ladder' } & LadderCheck) | ({ kind: 'shared' } & SharedFileCheck) | null {
  const source = readLadderSource(file);
  if (!source) return null;
  const readInclude = createFsReadInclude(options);
  if (isSharedLadderFile(source.text)) return { kind: 'shared', ...checkSharedLadderFile(source, readInclude) };
  return { kind: 'ladder', ...checkLadder(source, readInclude) };
}
