/**
 * checkLadder: read a ladder and everything it includes, report every problem at once with its
 * file:line:column, and resolve the ladder the app uses. Pure and total: it never throws.
 */
import { type Located, Reporter } from './context';
import { criterionIdWarnings } from './criteria-ids';
import { extensionsAt } from './extensions';
import { limits } from './limits';
import { type LoadedLadder, loadLadder } from './load';
import type { CheckOptions, Ladder, LadderCheck, LadderProblem, LadderSource, RatingScale, ReadInclude, ResolvedCell } from './model';
import { resolveCompetencies } from './resolve-competencies';
import { builtInScale, resolveFrame, resolveScales } from './resolve-structure';
import type { FileItems } from './salvage';
import type { LadderFile, ScoringFile } from './schema';
import { resolveScoring } from './scoring';
import { sha256Hex } from './sha256';
import { describeError } from './source';

export function checkLadder(entry: LadderSource, readInclude?: ReadInclude, options: CheckOptions = {}): LadderCheck {
  const problems: LadderProblem[] = [];
  const path = typeof entry?.path === 'string' ? entry.path : '<ladder>';
  let files: string[] = [path];
  let ladder: Ladder | null = null;
  try {
    const text = typeof entry?.text === 'string' ? entry.text : '';
    const loaded = loadLadder({ path, text }, readInclude, problems);
    files = [loaded.entry.file.path, ...loaded.includes.map((f) => f.file.path)];
    // Resolve even when a file has errors: reference and order problems are reported too.
    if (loaded.root) ladder = resolve(loaded, files, problems);
    const previous = options?.previous;
    if (ladder && previous && typeof previous === 'object' && Array.isArray(previous.cells)) problems.push(...criterionIdWarnings(previous, ladder));
  } catch (error) {
    // A bug of ours must not take the app down with it: report it like any other problem.
    problems.push(checkerFailed(path, error));
  }
  const hasError = problems.some((p) => p.severity === 'error');
  return { ladder: hasError ? null : ladder, problems: boundProblems(problems, files, path, hasError), files };
}

/** At most limits.maxProblems, errors before warnings, then a note saying how many were left out. */
function boundProblems(problems: LadderProblem[], files: string[], path: string, hasError: boolean): LadderProblem[] {
  if (problems.length <= limits.maxProblems) return sortProblems(problems, files);
  const kept = [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')].slice(0, limits.maxProblems);
  const more = problems.length - limits.maxProblems;
  const note = fileProblem(path, hasError ? 'error' : 'warning', 'too-many-problems', `${more} more problems not shown`, 'fix the ones above first');
  return [...sortProblems(kept, files), note];
}

/** Pieces from included files come first, as if written where "include" is. */
function pieces<K extends 'scales' | 'categories' | 'competencies'>(key: K, loaded: LoadedLadder): FileItems[K] {
  const all: FileItems[K][number][] = [];
  for (const f of [...loaded.includes, loaded.entry]) all.push(...(f.items[key] as FileItems[K][number][]));
  return all as FileItems[K];
}

function resolve(loaded: LoadedLadder, files: string[], problems: LadderProblem[]): Ladder {
  const data = loaded.root!;
  const { entry } = loaded;
  const report = new Reporter(problems, loaded.broken, loaded.unparsed);
  const scales: Map<string, RatingScale> = resolveScales(pieces('scales', loaded), report);
  const root: Located<LadderFile> = { value: data, file: entry.file, path: [] };
  let defaultScaleId = data.defaultScale ?? [...scales.keys()][0] ?? '';
  if (data.defaultScale !== undefined && !report.reference(root, ['defaultScale'], 'scale', data.defaultScale, scales)) defaultScaleId = '';
  // Sources such as the FT's or Monzo's frameworks have no rating scale: Trellis supplies one.
  const everyFileRead = [...loaded.includes, entry].every((f) => f.valid) && loaded.unparsed.length === 0;
  if (scales.size === 0 && data.defaultScale === undefined && everyFileRead && !problems.some((p) => p.code === 'scale-shape')) {
    scales.set(builtInScale.id, structuredClone(builtInScale));
    defaultScaleId = builtInScale.id;
  }
  const progression = data.progression ?? 'cumulative';
  const frame = {
    ...resolveFrame(entry.items.tracks, entry.items.levels, report, progression),
    entryFile: entry.file,
    ladderId: data.id,
    scoring: data.scoring !== undefined,
  };
  const result = resolveCompetencies(pieces('categories', loaded), pieces('competencies', loaded), frame, scales, defaultScaleId, report);
  const scoring =
    data.scoring === undefined
      ? undefined
      : resolveScoring({ value: data.scoring, file: entry.file, path: ['scoring'] } as Located<ScoringFile>, frame, scales, result.competencies, report);
  const changelog = data.changelog ?? [];
  if (entry.valid && data.version !== undefined && changelog.length > 0 && !changelog.some((c) => c.version === data.version)) {
    report.warning(
      root,
      ['version'],
      'changelog-version',
      `version "${data.version}" has no changelog entry`,
      'add a changelog entry saying what changed in this version',
    );
  }
  if (data.supersedes !== undefined && data.supersedes === data.id)
    report.error(root, ['supersedes'], 'invalid-value', `ladder "${data.id}" cannot supersede itself`, 'name the id of the ladder this one replaces');
  const extensions = extensionsAt(entry.file.raw, []);
  return {
    id: data.id,
    name: data.name,
    version: data.version ?? contentVersion(loaded),
    versionFrom: data.version === undefined ? 'content' : 'file',
    description: data.description,
    ...(data.status !== undefined ? { status: data.status } : {}),
    ...(data.supersedes !== undefined ? { supersedes: data.supersedes } : {}),
    progression,
    ...(scoring ? { scoring } : {}),
    ...(extensions ? { extensions } : {}),
    changelog: changelog.map((c) => ({ version: c.version, date: c.date, summary: c.summary })),
    defaultScaleId,
    scales: [...scales.values()],
    tracks: frame.tracks,
    levels: frame.levels,
    categories: result.categories,
    competencies: result.competencies,
    cells: result.cells,
    files,
  };
}

/**
 * The version of a ladder whose file gives none: the first 12 hex digits of a sha256. For a ladder
 * in one file it is the file's own sha256 (what `sha256sum` and main's version store show); with
 * includes, of every text read, in the order read, separated by NUL.
 */
function contentVersion(loaded: LoadedLadder): string {
  const texts = [loaded.entry.file.text, ...loaded.includes.map((f) => f.file.text)];
  return sha256Hex(texts.length === 1 ? texts[0]! : texts.join('\u0000')).slice(0, 12);
}

/** Problems that cause others (a file that cannot be read as YAML at all) are listed first. */
const rootCauses = new Set(['yaml-syntax', 'too-large', 'too-deep', 'alias-limit', 'empty-file', 'include-unreadable', 'include-cycle', 'too-many-includes']);

/** A problem about a whole file rather than a place in it: shown at its first line. */
export function fileProblem(file: string, severity: LadderProblem['severity'], code: string, message: string, hint?: string): LadderProblem {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity, code, message, ...(hint === undefined ? {} : { hint }) };
}

/** A bug of ours must not take the app down with it: it is reported like any other problem. */
export function checkerFailed(file: string, error: unknown): LadderProblem {
  return fileProblem(file, 'error', 'internal', `the checker failed: ${describeError(error)}`, 'please report this file to the Trellis maintainers');
}

export function sortProblems(problems: LadderProblem[], files: string[]): LadderProblem[] {
  const order = (file: string) => {
    const i = files.indexOf(file);
    return i < 0 ? files.length : i;
  };
  const rank = (p: LadderProblem) => (rootCauses.has(p.code) ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || order(a.file) - order(b.file) || a.line - b.line || a.column - b.column);
}

/** The cell of one competency at one level on one track, if the competency applies there. */
export function cellFor(ladder: Ladder, trackId: string, competencyId: string, levelId: string): ResolvedCell | undefined {
  let index = cellIndexes.get(ladder);
  if (!index) {
    index = new Map(ladder.cells.map((c) => [cellKey(c.trackId, c.competencyId, c.levelId), c]));
    cellIndexes.set(ladder, index);
  }
  return index.get(cellKey(trackId, competencyId, levelId));
}

/** Matrices look up every cell: index once per ladder object (ladders are not mutated). */
const cellIndexes = new WeakMap<Ladder, Map<string, ResolvedCell>>();
const cellKey = (trackId: string, competencyId: string, levelId: string) => `${trackId}\u0000${competencyId}\u0000${levelId}`;
