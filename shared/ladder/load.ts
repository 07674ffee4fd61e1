/**
 * Reads the entry file and, depth first, every file it includes: unreadable includes and include
 * cycles become problems at the `include` entry that names them.
 */
import type { z } from 'zod';

import { baseName } from './context';
import { withoutExtensions } from './extensions';
import type { LadderProblem, LadderSource, ReadInclude } from './model';
import { type FileItems, itemsOf, salvageItems, salvageLadderRoot } from './salvage';
import { type LadderFile, ladderFileSchema, type LadderFragmentFile, ladderFragmentFileSchema } from './schema';
import { type ParsedFile, parseSource, problemAt, rangeAt } from './source';
import { validateFile } from './validate';

export const maxIncludedFiles = 100;

export interface LoadedFile {
  file: ParsedFile;
  /** False when the file has schema errors (already reported); `items` then holds the valid ones. */
  valid: boolean;
  items: FileItems;
}

export interface LoadedLadder {
  entry: LoadedFile;
  /** Root fields of the entry (stand-ins where broken); null when it is not a mapping at all. */
  root: LadderFile | null;
  /** Ids of items that had errors: references to them are not reported again. */
  broken: Set<string>;
  /** Included files, each after the files it includes itself (so a file's pieces follow what it builds on). */
  includes: LoadedFile[];
  /** Included files that could not be read as YAML (or not at all): what they define is unknown. */
  unparsed: string[];
}

/** `shared`: the entry is itself a shared file (checked on its own, e.g. by the CLI), not a ladder. */
export function loadLadder(entry: LadderSource, readInclude: ReadInclude | undefined, problems: LadderProblem[], shared = false): LoadedLadder {
  const file = parseSource(entry.path, entry.text, problems);
  const broken = new Set<string>();
  const schema = shared ? ladderFragmentFileSchema : ladderFileSchema;
  setAsideExtensions(file, schema);
  const data = file.value === undefined ? null : validateFile(file, schema, problems);
  const loaded: LoadedLadder = {
    entry: toLoaded(file, data, shared ? fragmentKeys : entryKeys, broken),
    root: shared || file.value === undefined ? null : data ? (data as LadderFile) : salvageLadderRoot(file),
    broken,
    includes: [],
    unparsed: [],
  };
  const seen = new Set<string>([entry.path]);
  followIncludes(file, [entry.path], seen, readInclude, loaded, problems);
  return loaded;
}

function includeList(value: unknown): Array<{ index: number; path: string }> {
  if (typeof value !== 'object' || value === null || !('include' in value)) return [];
  const list = (value as { include: unknown }).include;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => (typeof item === 'string' && item.trim() !== '' ? [{ index, path: item.trim() }] : []));
}

function followIncludes(
  from: ParsedFile,
  stack: string[],
  seen: Set<string>,
  readInclude: ReadInclude | undefined,
  loaded: LoadedLadder,
  problems: LadderProblem[],
): void {
  for (const { index, path } of includeList(from.value)) {
    const at = rangeAt(from, ['include', index]);
    const source = readSafely(readInclude, from.path, path);
    if (source === null) {
      loaded.unparsed.push(path);
      problems.push(
        problemAt(
          from,
          at,
          'include-unreadable',
          `cannot read included file "${path}"`,
          'paths are relative to the including file; check the name and that the file exists',
        ),
      );
      continue;
    }
    if (stack.includes(source.path)) {
      const cycle = [...stack.slice(stack.indexOf(source.path)), source.path].map(baseName).join(' → ');
      problems.push(problemAt(from, at, 'include-cycle', `include cycle: ${cycle}`, 'a file cannot include itself, directly or through other files'));
      continue;
    }
    if (seen.has(source.path)) continue; // already merged through another include
    if (seen.size >= maxIncludedFiles) {
      problems.push(problemAt(from, at, 'too-many-includes', `more than ${maxIncludedFiles} files are included; "${path}" was not read`));
      continue;
    }
    seen.add(source.path);
    const file = parseSource(source.path, source.text, problems);
    setAsideExtensions(file, ladderFragmentFileSchema);
    if (file.value === undefined) loaded.unparsed.push(source.path);
    followIncludes(file, [...stack, source.path], seen, readInclude, loaded, problems);
    const data = file.value === undefined ? null : validateFile(file, ladderFragmentFileSchema, problems);
    loaded.includes.push(toLoaded(file, data, fragmentKeys, loaded.broken));
  }
}

const entryKeys = ['scales', 'categories', 'competencies', 'tracks', 'levels'] as const;
const fragmentKeys = ['scales', 'categories', 'competencies'] as const;

function toLoaded(file: ParsedFile, data: LadderFile | LadderFragmentFile | null, keys: ReadonlyArray<keyof FileItems>, broken: Set<string>): LoadedFile {
  if (data) return { file, valid: true, items: itemsOf(file, data) };
  return { file, valid: false, items: salvageItems(file, keys, broken) };
}

/** Validation and salvage see the file without `x-` keys; `raw` keeps them for the resolved model. */
function setAsideExtensions(file: ParsedFile, schema: z.ZodType): void {
  if (file.value === undefined) return;
  file.raw = file.value;
  file.value = withoutExtensions(file.value, schema);
}

/** An injected reader is outside our control: a throw or a strange value counts as unreadable. */
function readSafely(readInclude: ReadInclude | undefined, fromPath: string, includePath: string): LadderSource | null {
  if (!readInclude) return null;
  try {
    const source = readInclude(fromPath, includePath);
    if (source === null || typeof source !== 'object' || typeof source.path !== 'string' || typeof source.text !== 'string') return null;
    return source;
  } catch {
    return null;
  }
}
