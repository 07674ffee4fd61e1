/**
 * Checking a shared file (one that ladders include) on its own, e.g. `trellis-ladder check
 * ladders/shared/core.yaml`: syntax, schema, includes, duplicate ids, scales, and references to
 * categories, scales and competencies. Level and track ids are the including ladder's, so they are
 * checked when a ladder includes the file.
 */
import { parse } from 'yaml';

import { checkerFailed, sortProblems } from './check';
import { Reporter } from './context';
import { limits } from './limits';
import { loadLadder } from './load';
import type { LadderProblem, LadderSource, ReadInclude } from './model';
import { resolveCompetencies } from './resolve-competencies';
import { resolveScales } from './resolve-structure';
import { looksTooDeep } from './source';

export interface SharedFileCheck {
  valid: boolean;
  problems: LadderProblem[];
  files: string[];
}

const ladderOnlyKeys = ['name', 'version', 'changelog', 'tracks', 'levels'];

/** A shared file has none of the keys only a ladder has. Cheap enough for a folder listing. */
export function isSharedLadderFile(text: string): boolean {
  if (typeof text !== 'string' || text.length > limits.maxBytes || looksTooDeep(text, limits.maxDepth)) return false;
  try {
    const value: unknown = parse(text, { maxAliasCount: limits.maxAliasCount });
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !ladderOnlyKeys.some((k) => k in value);
  } catch {
    return false;
  }
}

export function checkSharedLadderFile(entry: LadderSource, readInclude?: ReadInclude): SharedFileCheck {
  const problems: LadderProblem[] = [];
  const path = typeof entry?.path === 'string' ? entry.path : '<shared>';
  let files = [path];
  try {
    const loaded = loadLadder({ path, text: typeof entry?.text === 'string' ? entry.text : '' }, readInclude, problems, true);
    files = [loaded.entry.file.path, ...loaded.includes.map((f) => f.file.path)];
    const report = new Reporter(problems, loaded.broken, loaded.unparsed);
    const all = [...loaded.includes, loaded.entry];
    const scales = resolveScales(
      all.flatMap((f) => f.items.scales),
      report,
    );
    const frame = { open: true, levels: [], levelsById: new Map(), tracks: [], tracksById: new Map() };
    resolveCompetencies(
      all.flatMap((f) => f.items.categories),
      all.flatMap((f) => f.items.competencies),
      frame,
      scales,
      [...scales.keys()][0] ?? '',
      report,
    );
  } catch (error) {
    problems.push(checkerFailed(path, error));
  }
  const bounded = sortProblems(problems, files).slice(0, limits.maxProblems);
  return { valid: !bounded.some((p) => p.severity === 'error'), problems: bounded, files };
}
