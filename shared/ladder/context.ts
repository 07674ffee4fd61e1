/** What the resolution steps share: located pieces of the file(s) and a problem sink. */
import type { LadderProblem } from './model';
import { type ParsedFile, type PathKey, problemAt, rangeAt } from './source';
import { didYouMean } from './suggest';

/** A piece of a file together with where it is, so problems and cells can point at it. */
export interface Located<T> {
  value: T;
  file: ParsedFile;
  path: PathKey[];
}

export class Reporter {
  /** `broken`: ids of items with schema errors, already reported; references to them are not. */
  /** `unreadable`: included files that could not be read, so what they define is unknown. */
  constructor(
    readonly problems: LadderProblem[],
    readonly broken: ReadonlySet<string> = new Set(),
    readonly unreadable: readonly string[] = [],
  ) {}

  error(at: Located<unknown>, subPath: PathKey[], code: string, message: string, hint?: string, pointAtKey = false): void {
    this.problems.push(problemAt(at.file, rangeAt(at.file, [...at.path, ...subPath], pointAtKey), code, message, hint));
  }

  warning(at: Located<unknown>, subPath: PathKey[], code: string, message: string, hint?: string, pointAtKey = false): void {
    this.problems.push(problemAt(at.file, rangeAt(at.file, [...at.path, ...subPath], pointAtKey), code, message, hint, 'warning'));
  }

  /** "unknown level "L9"" with the closest known id as hint; true when the id is known. */
  reference(
    at: Located<unknown>,
    subPath: PathKey[],
    kind: string,
    id: string,
    known: ReadonlyMap<string, unknown> | ReadonlySet<string>,
    pointAtKey = false,
  ): boolean {
    if (known.has(id)) return true;
    if (this.broken.has(id)) return false;
    const hint =
      didYouMean(id, known.keys()) ??
      (this.unreadable.length > 0
        ? `it may be defined in ${this.unreadable.map((f) => `"${baseName(f)}"`).join(' or ')}, which could not be read: fix that first (see above)`
        : known.size > 0 && known.size <= 12
          ? `known ${plural(kind)}: ${[...known.keys()].join(', ')}`
          : undefined);
    this.error(at, subPath, 'unknown-reference', `unknown ${kind} "${id}"`, hint, pointAtKey);
    return false;
  }

  /** Where `at` is, said from the point of view of a problem in `from`'s file. */
  where(at: Located<unknown>, from?: Located<unknown>): string {
    const problem = problemAt(at.file, rangeAt(at.file, at.path), '', '');
    if (from && from.file === at.file) return `line ${problem.line}, column ${problem.column}`;
    return `${baseName(problem.file)}:${problem.line}:${problem.column}`;
  }
}

/** Indexes items by id, reporting the second and later definitions of an id. */
export function indexById<T extends { id: string }>(items: Located<T>[], kind: string, report: Reporter): Map<string, Located<T>> {
  const byId = new Map<string, Located<T>>();
  for (const item of items) {
    const first = byId.get(item.value.id);
    if (first) {
      report.error(
        item,
        ['id'],
        'duplicate-id',
        `duplicate ${kind} id "${item.value.id}"`,
        `first defined at ${report.where({ ...first, path: [...first.path, 'id'] }, item)}`,
      );
      continue;
    }
    byId.set(item.value.id, item);
  }
  return byId;
}

export function located<T>(values: readonly T[] | undefined, file: ParsedFile, path: PathKey[]): Located<T>[] {
  return (values ?? []).map((value, index) => ({ value, file, path: [...path, index] }));
}

function plural(kind: string): string {
  return kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}

/** Last segment of a path, for messages that should not spell out a whole directory. */
export function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
