import path from 'node:path';

import { checkLadder, type LadderCheck, type LadderSource, type ReadInclude } from '../../../shared/ladder';
import { readLadderText } from '../ladder-files';
import { sha256 } from './files';

/** Ladder paths inside a folder are relative and use `/`, whatever the platform. */
export const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * Paths stay relative to the ladders folder (what the user sees in problems, what the version
 * store keeps), unlike the CLI's absolute-path reader; reading itself is shared with it.
 * Reads included files from inside `root` only (an include can't reach outside the ladders
 * folder), and records each text it served so the caller can hash exactly what was checked.
 */
export function folderReader(root: string, served: Map<string, string>, overrides: Map<string, string> = new Map()): ReadInclude {
  return (fromPath, includePath) => {
    const relative = path.posix.normalize(path.posix.join(path.posix.dirname(fromPath), includePath.replace(/\\/g, '/')));
    if (relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative)) return null;
    const text = overrides.get(relative) ?? readLadderText(path.join(root, ...relative.split('/')));
    if (text === null) return null;
    served.set(relative, text);
    return { path: relative, text };
  };
}

/**
 * One hash for a ladder made of several files. A ladder in a single file hashes to the file's
 * own sha256, so `sha256sum ladder.yaml` gives the same id a user sees in Trellis.
 */
export function ladderHash(entry: LadderSource, includes: Map<string, string>): string {
  if (includes.size === 0) return sha256(entry.text);
  const parts = [entry.path, entry.text, ...[...includes.entries()].sort(([a], [b]) => a.localeCompare(b)).flat()];
  return sha256(parts.join('\u0000'));
}

export interface CheckedSource {
  check: LadderCheck;
  hash: string;
  files: { path: string; text: string }[];
}

/** Checks an entry file with its includes read from `root`; `overrides` replace files not yet on disk. */
export function checkInFolder(root: string, entry: LadderSource, overrides?: Map<string, string>): CheckedSource {
  const served = new Map<string, string>();
  const check = checkLadder(entry, folderReader(root, served, overrides));
  served.delete(entry.path);
  return {
    check,
    hash: ladderHash(entry, served),
    files: [{ path: entry.path, text: entry.text }, ...[...served.entries()].map(([p, text]) => ({ path: p, text }))],
  };
}
