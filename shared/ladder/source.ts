/**
 * Reading one YAML file safely: bounded size, depth and alias expansion, syntax errors turned into
 * problems, and helpers to point a problem at the node a path names.
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

import { limits } from './limits';
import type { LadderProblem } from './model';
import { explainYamlErrors, plainYamlMessage } from './yaml-messages';

export interface ParsedFile {
  path: string;
  text: string;
  doc: Document.Parsed | null;
  lineCounter: LineCounter;
  /** Plain JS value, undefined when the file could not be read as YAML; without `x-` keys once loaded. */
  value: unknown;
  /** The value as written, `x-` keys included. */
  raw?: unknown;
}

type Range = readonly [number, number, ...number[]];

export function problemAt(
  file: ParsedFile,
  range: Range | undefined,
  code: string,
  message: string,
  hint?: string,
  severity: LadderProblem['severity'] = 'error',
): LadderProblem {
  const [start, end] = range ?? [0, 0];
  const from = linePos(file, start);
  const to = linePos(file, Math.max(end, start));
  const problem: LadderProblem = { file: file.path, line: from.line, column: from.col, endLine: to.line, endColumn: to.col, severity, code, message };
  if (hint !== undefined) problem.hint = hint;
  return problem;
}

const tooDeepHint = 'a ladder needs far fewer levels of nesting: check the indentation and brackets';

/**
 * A cheap scan before parsing: yaml's parser recurses per nesting level, so thousands of "[" or
 * "- - -" or huge indents would cost a deep stack and much time before failing. Approximate on
 * purpose (brackets in text count too); real ladders are nowhere near the limits.
 */
export function looksTooDeep(text: string, maxDepth: number): boolean {
  let flow = 0;
  let indent = 0;
  let dashes = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      atLineStart = true;
      indent = 0;
      dashes = 0;
      continue;
    }
    if (atLineStart) {
      if (c === 32) {
        if (++indent > maxDepth * 8) return true;
        continue;
      }
      if (c === 45 && text.charCodeAt(i + 1) === 32) {
        if (++dashes > maxDepth) return true;
        i++;
        continue;
      }
      atLineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++flow > maxDepth) return true;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return false;
}

/** 1-based; a file that was never parsed (too large) has no line index, so it points at 1:1. */
function linePos(file: ParsedFile, offset: number): { line: number; col: number } {
  const pos = file.lineCounter.linePos(Math.min(Math.max(offset, 0), file.text.length));
  return { line: Math.max(pos.line, 1), col: Math.max(pos.col, 1) };
}

/** Deepest nesting of the document's collections, walked without recursion so it cannot overflow. */
function depthOf(root: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (depth > limits.maxDepth) return depth;
    if (isMap(node)) for (const item of node.items) stack.push([item.value, depth + 1], [item.key, depth + 1]);
    else if (isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
    else if (isPair(node)) stack.push([node.value, depth]);
  }
  return max;
}

/** Parses YAML text into a document and a plain value; every failure becomes a problem. */
export function parseSource(path: string, text: string, problems: LadderProblem[]): ParsedFile {
  const lineCounter = new LineCounter();
  const file: ParsedFile = { path, text, doc: null, lineCounter, value: undefined };
  if (text.length > limits.maxBytes) {
    // Count lines only up to the limit: the position is the start of the file anyway.
    problems.push(
      problemAt(
        file,
        [0, 0],
        'too-large',
        `file is too large (${text.length} characters; the limit is ${limits.maxBytes})`,
        'split it into files joined with "include"',
      ),
    );
    return file;
  }
  if (looksTooDeep(text, limits.maxDepth)) {
    problems.push(problemAt(file, [0, 0], 'too-deep', `the file nests more than ${limits.maxDepth} levels deep`, tooDeepHint));
    return file;
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  file.doc = doc;
  if (doc.errors.some((e) => /call stack/i.test(e.message))) {
    problems.push(problemAt(file, [0, 0], 'too-deep', `the file nests more than ${limits.maxDepth} levels deep`, tooDeepHint));
    return file;
  }
  for (const e of explainYamlErrors(text, lineCounter, doc.errors, /\.json$/i.test(path)))
    problems.push(problemAt(file, [e.start, e.end], 'yaml-syntax', e.message, e.hint));
  for (const warning of doc.warnings) problems.push(problemAt(file, warning.pos, 'yaml-warning', plainYamlMessage(warning.message), undefined, 'warning'));
  if (doc.errors.length > 0) return file;
  if (depthOf(doc.contents) > limits.maxDepth) {
    problems.push(problemAt(file, [0, 0], 'too-deep', `the file nests more than ${limits.maxDepth} levels deep`, tooDeepHint));
    return file;
  }
  try {
    file.value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    file.raw = file.value;
  } catch (error) {
    const tooMany = error instanceof ReferenceError && /alias/i.test(error.message);
    problems.push(
      problemAt(
        file,
        [0, 0],
        tooMany ? 'alias-limit' : 'yaml-syntax',
        tooMany ? 'anchors and aliases expand to too much data' : `cannot read the YAML: ${describeError(error)}`,
        tooMany ? `use at most ${limits.maxAliasCount} alias expansions` : undefined,
      ),
    );
  }
  return file;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type PathKey = string | number;

/**
 * The node at `path` (or the nearest existing ancestor), and whether the path ends at a map key
 * (for unknown keys we point at the key itself).
 */
export function nodeAt(file: ParsedFile, path: readonly PathKey[], pointAtKey = false): Node | null {
  let node: unknown = file.doc?.contents ?? null;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => (isScalar(item.key) ? item.key.value : item.key) === key || (isScalar(item.key) && String(item.key.value) === String(key)),
      );
      if (!pair) return node as Node;
      if (pointAtKey && i === path.length - 1) return pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) return node as Node;
      node = item;
    } else {
      return (node as Node | null) ?? null;
    }
  }
  return (node as Node | null) ?? null;
}

export function rangeAt(file: ParsedFile, path: readonly PathKey[], pointAtKey = false): Range | undefined {
  const node = nodeAt(file, path, pointAtKey);
  return node?.range ?? undefined;
}
