/**
 * Turns zod issues on a file's plain value into plain-language problems pointing at the YAML node,
 * with "did you mean" hints for unknown keys.
 */
import { isMap, isScalar } from 'yaml';
import type { z } from 'zod';

import { childSchemas as child, unwrapSchema as unwrap } from './extensions';
import type { LadderProblem } from './model';
import { describeAt, inPlace } from './places';
import { ladderFileSchema, ladderFragmentFileSchema } from './schema';
import { nodeAt, type ParsedFile, type PathKey, problemAt, rangeAt } from './source';
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
      const cut = textCutAtComma(file, path, issue.keys);
      if (cut) {
        problems.push(cut);
        return;
      }
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
        const allowed = allowedKeys(root, path);
        const keysHint = allowed.length > 0 ? `allowed here: ${allowed.join(', ')}, and x-… keys for your own data` : undefined;
        const fullHint =
          hint === undefined
            ? keysHint
            : keysHint === undefined
              ? hint
              : `${hint}${/[?.]$/.test(hint) ? '' : '.'} ${keysHint.charAt(0).toUpperCase()}${keysHint.slice(1)}`;
        problems.push(problemAt(file, rangeAt(file, [...path, key], true), 'unknown-key', `unknown key "${key}"${inPlace(file.value, path)}`, fullHint));
      }
      return;
    }
    case 'invalid_union':
      reportUnion(file, root, issue, path, value, found);
      return;
    case 'invalid_type':
      if (value === undefined) {
        const key = path[path.length - 1];
        const problem = problemAt(
          file,
          rangeAt(file, path.slice(0, -1)),
          'required',
          `missing required key "${String(key)}"${inPlace(file.value, path.slice(0, -1))}`,
        );
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
          problemAt(file, range, 'wrong-type', `${label(file, path)} should be ${describeExpected(issue.expected)}, not ${describeValue(value)}`, quoteHint),
        );
      }
      return;
    case 'too_small':
      if (typeof value === 'string')
        problems.push(
          problemAt(file, rangeAt(file, path), 'empty-text', `${label(file, path)} is empty`, 'write some text, or remove the key if it is optional'),
        );
      else if (Array.isArray(value))
        problems.push(
          problemAt(
            file,
            rangeAt(file, path),
            'too-few',
            `${label(file, path)} needs at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`,
          ),
        );
      else problems.push(problemAt(file, rangeAt(file, path), 'out-of-range', `${label(file, path)} must be at least ${String(issue.minimum)}`));
      return;
    case 'invalid_value':
      problems.push(
        problemAt(file, rangeAt(file, path), 'invalid-value', `${label(file, path)} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`),
      );
      return;
    case 'invalid_format':
      problems.push(problemAt(file, rangeAt(file, path), 'invalid-format', `${label(file, path)}: ${issue.message}`));
      return;
    default:
      problems.push(problemAt(file, rangeAt(file, path), 'invalid-value', `${label(file, path)}: ${issue.message}`));
  }
}

/**
 * `{ id: x, text: Leads teams, with care }`: inside { … } a comma starts a new key, so the rest of
 * the text turns into "unknown keys" that read like prose. Say that once, at the text.
 */
function textCutAtComma(file: ParsedFile, path: readonly PathKey[], keys: readonly string[]): LadderProblem | undefined {
  const map = nodeAt(file, path);
  if (!isMap(map) || !map.flow) return undefined;
  const prose = keys.filter((k) => /\s/.test(k.trim()) || /[.;!?]$/.test(k));
  if (prose.length === 0 || prose.length !== keys.length) return undefined;
  const index = map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === prose[0]);
  const before = index > 0 ? map.items[index - 1] : undefined;
  if (!before || !isScalar(before.key) || !isScalar(before.value)) return undefined;
  const key = String(before.key.value);
  const start = before.value.range?.[0] ?? 0;
  const last = map.items[map.items.findLastIndex((p) => isScalar(p.key) && prose.includes(String(p.key.value)))]!;
  const end = (last.key as { range?: number[] } | null)?.range?.[1] ?? start;
  const written = file.text.slice(start, end).replace(/\s+/g, ' ').trim();
  return problemAt(
    file,
    [start, end],
    'yaml-syntax',
    `the text of "${key}"${inPlace(file.value, path)} is cut at a comma`,
    `inside { … } a "," starts a new key: put the whole text in quotes, ${key}: ${JSON.stringify(written)}`,
  );
}

/** Unions: a cell is either criteria or notApplicable; others are "this or that" types. */
function reportUnion(file: ParsedFile, root: AnySchema, issue: Extract<Issue, { code: 'invalid_union' }>, path: PathKey[], value: unknown, found: Found): void {
  const problems = found.problems;
  const branches = issue.errors;
  if (branches.length === 0) return;
  const rootTypeErrors = branches.map((b) => (b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0 ? b[0].expected : null));
  if (rootTypeErrors.every((e) => e !== null)) {
    const expected = [...new Set(rootTypeErrors.map((e) => describeExpected(e as string)))];
    problems.push(problemAt(file, rangeAt(file, path), 'wrong-type', `${label(file, path)} should be ${expected.join(' or ')}, not ${describeValue(value)}`));
    return;
  }
  if (isRecord(value) && 'notApplicable' in value && 'criteria' in value) {
    problems.push(
      problemAt(
        file,
        rangeAt(file, [...path, 'notApplicable'], true),
        'conflicting-keys',
        `${label(file, path)} has both "criteria" and "notApplicable"`,
        'a cell either has criteria or is marked notApplicable: true',
      ),
    );
    return;
  }
  // Branches that fail only because the value is another type altogether are not what was meant.
  const sameType = branches.filter((b) => !(b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0));
  const chosen = isRecord(value) && 'notApplicable' in value && branches.length > 1 ? branches[1]! : fewest(sameType.length > 0 ? sameType : branches);
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

/** `"summary" in level "L2"`, `example 2 in competency "code", level "L1"`. */
function label(file: ParsedFile, path: readonly PathKey[]): string {
  return describeAt(file.value, path);
}

/** Every key the schema allows in the mapping at `path`, in schema order (both shapes of a cell). */
function allowedKeys(root: AnySchema, path: readonly PathKey[]): string[] {
  let schemas: AnySchema[] = [root];
  for (const key of path) schemas = schemas.flatMap((s) => unwrap(s)).flatMap((s) => child(s, key));
  const keys = schemas
    .flatMap((s) => unwrap(s))
    .flatMap((s) => (s._zod.def.type === 'object' ? Object.keys((s._zod.def as z.core.$ZodObjectDef).shape) : []))
    .filter((k) => k !== '$schema');
  return [...new Set(keys)];
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
