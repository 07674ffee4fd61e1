/**
 * Quick edit of one cell's criteria in a ladder file, leaving every other byte of the file as
 * it was: comments, key order, quoting, blank lines. The yaml Document API finds the exact
 * source range of the cell; only that range is rewritten, and the result is parsed back to
 * prove the new text says what was asked and the rest of the document did not move.
 */
import { type Document, isMap, isScalar, isSeq, type Pair, parseDocument, type Scalar, stringify, type YAMLMap } from 'yaml';

export interface CellEdit {
  competencyId: string;
  levelId: string;
  /** Level ids in ladder order, to place a new level entry between its neighbours. */
  levelOrder: string[];
  criteria: string;
}

export type CellEditResult =
  { ok: true; text: string; /** The replaced range of the original text. */ start: number; end: number; replacement: string } | { ok: false; message: string };

type Range = [number, number, number];

const fail = (message: string): CellEditResult => ({ ok: false, message });

export function editCellCriteria(source: string, edit: CellEdit): CellEditResult {
  const criteria = edit.criteria.trim();
  if (!criteria) return fail('Criteria cannot be empty.');
  const doc = parseDocument(source, { keepSourceTokens: true, uniqueKeys: false });
  if (doc.errors.length > 0) return fail('The file has YAML errors; fix them in the editor first.');
  const competency = findCompetency(doc, edit.competencyId);
  if (!competency) return fail(`Competency "${edit.competencyId}" is not defined in this file.`);
  const planned = plan(source, competency, edit, criteria);
  if ('message' in planned) return fail(planned.message);
  const text = source.slice(0, planned.start) + planned.replacement + source.slice(planned.end);
  if (!saysCriteria(text, edit.competencyId, edit.levelId, criteria)) return fail('This cell could not be rewritten safely; edit it in the editor instead.');
  return { ok: true, text, ...planned };
}

interface Planned {
  start: number;
  end: number;
  replacement: string;
}

function plan(source: string, competency: YAMLMap, edit: CellEdit, criteria: string): Planned | { message: string } {
  const levelsPair = pairOf(competency, 'levels');
  if (!levelsPair) return appendLevels(source, competency, edit.levelId, criteria);
  const levels = levelsPair.value;
  if (!isMap(levels)) return { message: 'The `levels` of this competency is not a map.' };
  const cellPair = pairOf(levels, edit.levelId);
  if (!cellPair) {
    if (levels.flow) return { message: 'This competency writes its levels on one line; edit it in the editor instead.' };
    return insertLevel(source, levels, edit, criteria);
  }
  const cell = cellPair.value;
  if (isMap(cell)) {
    const criteriaNode = pairOf(cell, 'criteria')?.value;
    if (isScalar(criteriaNode) && criteriaNode.range)
      return replaceScalar(source, criteriaNode, keyColumn(source, pairOf(cell, 'criteria')!), Boolean(cell.flow), criteria);
    // A list of criteria items (with ids evidence points at), or a cell with more than
    // "not applicable" in it (expects, examples, add): rewriting it as one text would lose them.
    if (criteriaNode !== undefined && criteriaNode !== null)
      return { message: `The cell for ${edit.levelId} lists its criteria one by one; edit them in the editor so their ids stay.` };
    const others = cell.items.filter((p) => !(isScalar(p.key) && ['notApplicable', 'reason'].includes(String(p.key.value))));
    if (others.length > 0) return { message: `The cell for ${edit.levelId} has more than criteria in it; edit it in the editor instead.` };
    // A not-applicable cell becomes a defined one: its whole value is replaced.
    if (!cell.flow && cell.range) {
      const column = columnOf(source, cell.range[0]);
      return keepLineEnd(source, cell.range, `criteria: ${renderValue(criteria, column, false)}`);
    }
    if (cell.range) return { start: cell.range[0], end: cell.range[1], replacement: `{ criteria: ${renderValue(criteria, 0, true)} }` };
  }
  return { message: `The cell for ${edit.levelId} has an unexpected shape; edit it in the editor instead.` };
}

function findCompetency(doc: Document, competencyId: string): YAMLMap | null {
  const list = doc.get('competencies', true);
  if (!isSeq(list)) return null;
  for (const item of list.items) {
    if (isMap(item) && item.get('id') === competencyId) return item as YAMLMap;
  }
  return null;
}

function pairOf(map: YAMLMap, key: string): Pair<Scalar, unknown> | undefined {
  return map.items.find((p): p is Pair<Scalar, unknown> => isScalar(p.key) && String(p.key.value) === key);
}

const lineStart = (source: string, offset: number) => source.lastIndexOf('\n', offset - 1) + 1;
const columnOf = (source: string, offset: number) => offset - lineStart(source, offset);
const keyColumn = (source: string, pair: Pair<Scalar, unknown>) => columnOf(source, pair.key.range?.[0] ?? 0);
const endsWithNewline = (source: string, range: Range) => range[1] > range[0] && source[range[1] - 1] === '\n';

function replaceScalar(source: string, node: Scalar, keyCol: number, inFlow: boolean, criteria: string): Planned {
  const range = node.range as Range;
  const replacement = renderValue(criteria, keyCol, inFlow);
  const lineEnd = source.indexOf('\n', range[1]);
  const rest = source.slice(range[1], lineEnd < 0 ? source.length : lineEnd);
  // A one-line value turning into a block: its trailing comment moves onto the block's header line.
  if (replacement.startsWith('|') && !endsWithNewline(source, range) && rest.trim() !== '') {
    const [header, ...body] = replacement.split('\n');
    const end = lineEnd < 0 ? source.length : lineEnd + 1;
    return { start: range[0], end, replacement: `${header}${rest.trimEnd()}\n${body.join('\n')}` };
  }
  return keepLineEnd(source, range, replacement);
}

/** A block node's range owns its last line break; the replacement must end the line too. */
function keepLineEnd(source: string, range: Range, replacement: string): Planned {
  const text = endsWithNewline(source, range) && !replacement.endsWith('\n') ? `${replacement}\n` : replacement;
  return { start: range[0], end: range[1], replacement: text };
}

function insertLevel(source: string, levels: YAMLMap, edit: CellEdit, criteria: string): Planned | { message: string } {
  const rank = (id: string) => {
    const i = edit.levelOrder.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const target = rank(edit.levelId);
  const pairs = levels.items.filter((p): p is Pair<Scalar, unknown> => isScalar(p.key) && Boolean(p.key.range));
  const first = pairs[0];
  if (!first) return { message: 'The `levels` map of this competency is empty; edit it in the editor instead.' };
  const indent = keyColumn(source, first);
  const before = pairs.filter((p) => rank(String(p.key.value)) < target).pop();
  let at: number;
  if (before) {
    const end = (before.value as { range?: Range } | null)?.range?.[2] ?? before.key.range![2];
    at = end;
  } else {
    at = lineStart(source, first.key.range![0]);
  }
  const body = `${' '.repeat(indent)}${yamlKey(edit.levelId)}:\n${' '.repeat(indent + 2)}criteria: ${renderValue(criteria, indent + 2, false)}`;
  return insertLines(source, at, body);
}

function appendLevels(source: string, competency: YAMLMap, levelId: string, criteria: string): Planned | { message: string } {
  if (competency.flow || !competency.range) return { message: 'This competency is written on one line; edit it in the editor instead.' };
  const firstPair = competency.items.find((p): p is Pair<Scalar, unknown> => isScalar(p.key) && Boolean(p.key.range));
  if (!firstPair) return { message: 'This competency is empty.' };
  const indent = keyColumn(source, firstPair);
  const body = `${' '.repeat(indent)}levels:\n${' '.repeat(indent + 2)}${yamlKey(levelId)}:\n${' '.repeat(indent + 4)}criteria: ${renderValue(criteria, indent + 4, false)}`;
  return insertLines(source, competency.range[1], body);
}

/** Inserts whole lines at `at`, which is a line start or the end of the text. */
function insertLines(source: string, at: number, body: string): Planned {
  const lead = at > 0 && source[at - 1] !== '\n' ? '\n' : '';
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return { start: at, end: at, replacement: lead + text };
}

const yamlKey = (key: string) => stringify(key, { lineWidth: 0 }).trimEnd();

/** Characters a literal block cannot carry; such text is written double-quoted instead. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unprintable = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\r]/;

/**
 * The YAML for a criteria value whose key sits at column `keyCol`. Several lines become a
 * literal block (`|`), readable and diffable in git; one line stays a plain or quoted scalar.
 */
function renderValue(value: string, keyCol: number, inFlow: boolean): string {
  const multiline = value.includes('\n');
  if (inFlow || unprintable.test(value) || (multiline && /[ \t]$/m.test(value.split('\n').pop() ?? ''))) {
    return stringify(value, {
      lineWidth: 0,
      defaultStringType: 'QUOTE_DOUBLE',
      defaultKeyType: 'PLAIN',
      doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
    }).trimEnd();
  }
  if (!multiline) return stringify(value, { lineWidth: 0 }).trimEnd();
  const indent = ' '.repeat(keyCol + 2);
  const lines = value.split('\n').map((line) => (line.length === 0 ? '' : indent + line));
  const indicator = /^[ \t]/.test(value) ? '2' : '';
  return `|${indicator}\n${lines.join('\n')}\n`;
}

/** True when `text` parses and the competency's cell at `levelId` has exactly these criteria. */
function saysCriteria(text: string, competencyId: string, levelId: string, criteria: string): boolean {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return false;
  const competency = findCompetency(doc, competencyId);
  const cell = competency?.getIn(['levels', levelId, 'criteria']);
  return typeof cell === 'string' && cell.trim() === criteria;
}
