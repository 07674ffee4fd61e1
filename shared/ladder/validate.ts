/**
 * Turns zod issues on a file's plain value into plain-language problems pointing at the YAML node,
 * with "did you mean" hints for unknown keys.
 */
import type { z } from 'zod';

import type { LadderProblem } from './model';
import { ladderFileSchema, ladderFragmentFileSchema } from './schema';
import { type ParsedFile, type PathKey, problemAt, rangeAt } from './source';
import { closest } from './suggest';

type Issue = z.core.$ZodIssue;

/** Keys only a ladder has: in an included file they mean a ladder was included by mistake. */
const ladderOnlyKeys = new Set(Object.keys(ladderFileSchema.shape).filter((k) => !(k in ladderFragmentFileSchema.shape)));
const sharedFileHint = 'this file is included by another, so it holds only scales, categories and competencies: a ladder cannot be included';
type AnySchema = z.core.$ZodType;

/** Checks `file.value` against `schema`; returns the parsed value or null, pushing problems. */
export function validateFile<T>(file: ParsedFile, schema: z.ZodType<T>, problems: LadderProblem[]): T | null {
  if (file.value === null || file.value === undefined) {
    problems.push(
      problemAt(file, [0, 0], 'empty-file', 'the file is empty', 'a ladder starts with id, name, version and changelog: see docs/ladder-format.md'),
    );
    return null;
  }
  const result = schema.safeParse(file.value);
  if (result.success) return result.data;
  const found: Found = { problems: [], missing: new Map(), misspelt: new Set() };
  for (const issue of result.error.issues) reportIssue(file, schema, issue, [], found);
  // "unknown key critera, did you mean criteria?" already says criteria is missing: say it once.
  problems.push(...found.problems.filter((p) => !found.misspelt.has(found.missing.get(p) ?? '')));
  return null;
}

interface Found {
  problems: LadderProblem[];
  /** "missing key" problems → "<object path>|<key>". */
  missing: Map<LadderProblem, string>;
  /** "<object path>|<suggested key>" for unknown keys with a suggestion. */
  misspelt: Set<string>;
}

function reportIssue(file: ParsedFile, root: AnySchema, issue: Issue, base: PathKey[], found: Found): void {
  const problems = found.problems;
  const path = [...base, ...(issue.path as PathKey[])];
  const value = valueAt(file.value, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(root, path, value);
      for (const key of issue.keys) {
        const suggestion = closest(key, known);
        if (suggestion !== undefined) found.misspelt.add(`${JSON.stringify(path)}|${suggestion}`);
        const hint =
          suggestion !== undefined
            ? `did you mean "${suggestion}"?`
            : key === '<<'
              ? 'YAML merge keys are not supported: write the keys out, or share competencies with include and extends'
              : path.length === 0 && root === ladderFragmentFileSchema && ladderOnlyKeys.has(key)
                ? sharedFileHint
                : undefined;
        problems.push(problemAt(file, rangeAt(file, [...path, key], true), 'unknown-key', `unknown key "${key}"${where(path)}`, hint));
      }
      return;
    }
    case 'invalid_union':
      reportUnion(file, root, issue, path, value, found);
      return;
    case 'invalid_type':
      if (value === undefined) {
        const key = path[path.length - 1];
        const problem = problemAt(file, rangeAt(file, path.slice(0, -1)), 'required', `missing required key "${String(key)}"${where(path.slice(0, -1))}`);
        found.missing.set(problem, `${JSON.stringify(path.slice(0, -1))}|${String(key)}`);
        problems.push(problem);
      } else {
        const range = rangeAt(file, path);
        // version: 1.10 is the number 1.1 to YAML; quoting keeps what was written.
        const quoteHint =
          issue.expected === 'string' && range && (typeof value === 'number' || typeof value === 'boolean')
            ? `put it in quotes: "${file.text.slice(range[0], range[1]).trim()}"`
            : undefined;
        problems.push(
          problemAt(file, range, 'wrong-type', `${label(path)} should be ${describeExpected(issue.expected)}, not ${describeValue(value)}`, quoteHint),
        );
      }
      return;
    case 'too_small':
      if (typeof value === 'string')
        problems.push(problemAt(file, rangeAt(file, path), 'empty-text', `${label(path)} is empty`, 'write some text, or remove the key if it is optional'));
      else if (Array.isArray(value))
        problems.push(
          problemAt(
            file,
            rangeAt(file, path),
            'too-few',
            `${label(path)} needs at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`,
          ),
        );
      else problems.push(problemAt(file, rangeAt(file, path), 'out-of-range', `${label(path)} must be at least ${String(issue.minimum)}`));
      return;
    case 'invalid_value':
      problems.push(problemAt(file, rangeAt(file, path), 'invalid-value', `${label(path)} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`));
      return;
    case 'invalid_format':
      problems.push(problemAt(file, rangeAt(file, path), 'invalid-format', `${label(path)}: ${issue.message}`));
      return;
    default:
      problems.push(problemAt(file, rangeAt(file, path), 'invalid-value', `${label(path)}: ${issue.message}`));
  }
}

/** Unions: a cell is either criteria or notApplicable; others are "this or that" types. */
function reportUnion(file: ParsedFile, root: AnySchema, issue: Extract<Issue, { code: 'invalid_union' }>, path: PathKey[], value: unknown, found: Found): void {
  const problems = found.problems;
  const branches = issue.errors;
  if (branches.length === 0) return;
  const rootTypeErrors = branches.map((b) => (b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0 ? b[0].expected : null));
  if (rootTypeErrors.every((e) => e !== null)) {
    const expected = [...new Set(rootTypeErrors.map((e) => describeExpected(e as string)))];
    problems.push(problemAt(file, rangeAt(file, path), 'wrong-type', `${label(path)} should be ${expected.join(' or ')}, not ${describeValue(value)}`));
    return;
  }
  if (isRecord(value) && 'notApplicable' in value && 'criteria' in value) {
    problems.push(
      problemAt(
        file,
        rangeAt(file, [...path, 'notApplicable'], true),
        'conflicting-keys',
        `${label(path)} has both "criteria" and "notApplicable"`,
        'a cell either has criteria or is marked notApplicable: true',
      ),
    );
    return;
  }
  const chosen = isRecord(value) && 'notApplicable' in value && branches.length > 1 ? branches[1]! : fewest(branches);
  for (const inner of chosen) reportIssue(file, root, inner, path, found);
}

function fewest(branches: Issue[][]): Issue[] {
  return branches.reduce((best, b) => (b.length < best.length ? b : best));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/** The keys the schema allows for the object at `path` (for "did you mean"). */
function knownKeys(root: AnySchema, path: readonly PathKey[], value: unknown): string[] {
  let schemas: AnySchema[] = [root];
  for (const key of path) schemas = schemas.flatMap((s) => unwrap(s)).flatMap((s) => child(s, key));
  const shapes = schemas
    .flatMap((s) => unwrap(s))
    .flatMap((s) => (s._zod.def.type === 'object' ? [Object.keys((s._zod.def as z.core.$ZodObjectDef).shape)] : []));
  if (shapes.length === 0) return [];
  const present = isRecord(value) ? Object.keys(value) : [];
  // Of several object shapes (a union), the one sharing most keys with the value is meant.
  const score = (keys: string[]) => present.filter((k) => keys.includes(k)).length;
  return shapes.reduce((best, keys) => (score(keys) > score(best) ? keys : best));
}

function unwrap(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as unknown as { type: string; innerType?: AnySchema; options?: AnySchema[]; in?: AnySchema };
  if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) return unwrap(def.innerType);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return [schema];
}

function child(schema: AnySchema, key: PathKey): AnySchema[] {
  const def = schema._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; valueType?: AnySchema };
  if (def.type === 'object' && def.shape && typeof key === 'string' && key in def.shape) return [def.shape[key]!];
  if (def.type === 'array' && def.element && typeof key === 'number') return [def.element];
  if (def.type === 'record' && def.valueType) return [def.valueType];
  return [];
}

/** `"summary" (levels[2])` — the key, and where it sits when that is not obvious. */
function label(path: readonly PathKey[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') return `entry ${last + 1} of ${label(path.slice(0, -1))}`;
  return `"${last}"${where(path.slice(0, -1))}`;
}

function where(path: readonly PathKey[]): string {
  if (path.length === 0) return '';
  return ` in ${path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('')}`;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping of keys to values';
    default:
      return expected;
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
