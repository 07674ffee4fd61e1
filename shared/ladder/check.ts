/**
 * checkLadder: read a ladder and everything it includes, report every problem at once with its
 * file:line:column, and resolve the ladder the app uses. Pure and total: it never throws.
 */
import { type Located, Reporter } from './context';
import { type LoadedLadder, loadLadder } from './load';
import type { Ladder, LadderCheck, LadderProblem, LadderSource, ReadInclude, ResolvedCell } from './model';
import { resolveCompetencies } from './resolve-competencies';
import { resolveFrame, resolveScales } from './resolve-structure';
import type { FileItems } from './salvage';
import type { LadderFile } from './schema';
import { describeError, limits } from './source';

export function checkLadder(entry: LadderSource, readInclude?: ReadInclude): LadderCheck {
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
  } catch (error) {
    // A bug of ours must not take the app down with it: report it like any other problem.
    problems.push({
      file: path,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      severity: 'error',
      code: 'internal',
      message: `the checker failed: ${describeError(error)}`,
      hint: 'please report this file to the Trellis maintainers',
    });
  }
  const hasError = problems.some((p) => p.severity === 'error');
  return { ladder: hasError ? null : ladder, problems: boundProblems(problems, files, path, hasError), files };
}

/** At most limits.maxProblems, errors before warnings, then a note saying how many were left out. */
function boundProblems(problems: LadderProblem[], files: string[], path: string, hasError: boolean): LadderProblem[] {
  if (problems.length <= limits.maxProblems) return sortProblems(problems, files);
  const kept = [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')].slice(0, limits.maxProblems);
  const more = problems.length - limits.maxProblems;
  const note: LadderProblem = {
    file: path,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: hasError ? 'error' : 'warning',
    code: 'too-many-problems',
    message: `${more} more problems not shown`,
    hint: 'fix the ones above first',
  };
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
  const report = new Reporter(problems, loaded.broken);
  const scales = resolveScales(pieces('scales', loaded), report);
  const root: Located<LadderFile> = { value: data, file: entry.file, path: [] };
  let defaultScaleId = data.defaultScale ?? [...scales.keys()][0] ?? '';
  if (data.defaultScale !== undefined && !report.reference(root, ['defaultScale'], 'scale', data.defaultScale, scales)) defaultScaleId = '';
  if (scales.size === 0 && [...loaded.includes, entry].every((f) => f.valid) && !problems.some((p) => p.code === 'scale-shape')) {
    report.error(root, ['id'], 'no-scale', 'the ladder defines no rating scale', 'add "scales", or include a file that has them');
  }
  const frame = { ...resolveFrame(entry.items.tracks, entry.items.levels, report), entryFile: entry.file, ladderId: data.id };
  const result = resolveCompetencies(pieces('categories', loaded), pieces('competencies', loaded), frame, new Set(scales.keys()), defaultScaleId, report);
  if (entry.valid && !data.changelog.some((c) => c.version === data.version)) {
    report.warning(
      root,
      ['version'],
      'changelog-version',
      `version "${data.version}" has no changelog entry`,
      'add a changelog entry saying what changed in this version',
    );
  }
  return {
    id: data.id,
    name: data.name,
    version: data.version,
    description: data.description,
    changelog: data.changelog.map((c) => ({ version: c.version, date: c.date, summary: c.summary })),
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

export function sortProblems(problems: LadderProblem[], files: string[]): LadderProblem[] {
  const order = (file: string) => {
    const i = files.indexOf(file);
    return i < 0 ? files.length : i;
  };
  return [...problems].sort((a, b) => order(a.file) - order(b.file) || a.line - b.line || a.column - b.column);
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
