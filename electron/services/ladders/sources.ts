import path from 'node:path';

import { checkLadder, type LadderCheck, type LadderProblem, type LadderSource, type ReadInclude } from '../../../shared/ladder';
import { sha256 } from './files';
import { type LadderFolder, type ReadResult, refusalMessage } from './folder';

type Refusal = Exclude<ReadResult, { ok: true }> | { ok: false; reason: 'escapes' };

interface RefusedInclude {
  fromPath: string;
  includePath: string;
  result: Refusal;
}

/**
 * Paths stay relative to the ladders folder (what the user sees in problems, what the version
 * store keeps). Includes are read from inside the folder only, links resolved (an include can't
 * reach outside it, by `..` or by a symbolic link), and bounded in size. Records each text it
 * served so the caller can hash exactly what was checked, and each include it refused and why.
 */
export function folderReader(
  folder: LadderFolder,
  served: Map<string, string>,
  refused: RefusedInclude[] = [],
  overrides: Map<string, string> = new Map(),
): ReadInclude {
  return (fromPath, includePath) => {
    const relative = path.posix.normalize(path.posix.join(path.posix.dirname(fromPath), includePath.replace(/\\/g, '/')));
    if (relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) {
      refused.push({ fromPath, includePath, result: { ok: false, reason: 'escapes' } });
      return null;
    }
    const override = overrides.get(relative);
    if (override !== undefined) {
      served.set(relative, override);
      return { path: relative, text: override };
    }
    const result = folder.read(relative);
    if (!result.ok) {
      refused.push({ fromPath, includePath, result });
      return null;
    }
    served.set(relative, result.text);
    return { path: relative, text: result.text };
  };
}

/** Says why an include was not read (a link out of the folder, too large) instead of "cannot read". */
function explainRefusals(problems: LadderProblem[], refused: RefusedInclude[]): LadderProblem[] {
  if (refused.length === 0) return problems;
  return problems.map((problem) => {
    if (problem.code !== 'include-unreadable') return problem;
    const match = refused.find((r) => r.fromPath === problem.file && problem.message.includes(`"${r.includePath}"`));
    if (!match) return problem;
    if (match.result.reason === 'escapes')
      return {
        ...problem,
        code: 'link-outside-folder',
        message: `"${match.includePath}" is outside your ladders folder; Trellis only reads files inside it`,
        hint: 'keep included files inside the ladders folder and name them relative to the including file',
      };
    const words = refusalMessage(match.includePath, match.result);
    if (!words) return problem;
    return { ...problem, code: match.result.reason === 'outside' ? 'link-outside-folder' : 'too-large', ...words };
  });
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

/** Checks an entry file with its includes read from the folder; `overrides` replace files not yet on disk. */
export function checkInFolder(folder: LadderFolder, entry: LadderSource, overrides?: Map<string, string>): CheckedSource {
  const served = new Map<string, string>();
  const refused: RefusedInclude[] = [];
  const check = checkLadder(entry, folderReader(folder, served, refused, overrides));
  served.delete(entry.path);
  return {
    check: { ...check, problems: explainRefusals(check.problems, refused) },
    hash: ladderHash(entry, served),
    files: [{ path: entry.path, text: entry.text }, ...[...served.entries()].map(([p, text]) => ({ path: p, text }))],
  };
}
