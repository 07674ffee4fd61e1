/**
 * YAML syntax errors in words an HR partner can act on. The parser reports what confused it
 * ("implicit keys need to be on a single line"), often at a neighbouring line and several times
 * for one mistake; people need the mistake they made and what to type instead. This looks at the
 * lines around each error, names the likely mistake (a missing ":", a line indented too far or not
 * far enough, a tab, ": " inside text, an unclosed quote), points at the line to fix, and drops the
 * errors that only follow from it.
 */
import type { LineCounter, YAMLError } from 'yaml';

export interface YamlExplanation {
  /** Offsets in the text of the part to underline. */
  start: number;
  end: number;
  message: string;
  hint?: string;
}

interface Line {
  start: number;
  /** Without the line break. */
  text: string;
  /** Leading spaces (a tab stops the count). */
  indent: number;
  startsWithTab: boolean;
  blank: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    const raw = text.slice(start, stop).replace(/\r$/, '');
    const indent = /^ */.exec(raw)![0].length;
    lines.push({ start, text: raw, indent, startsWithTab: /^[ ]*\t/.test(raw), blank: raw.trim() === '' || raw.trim().startsWith('#') });
    if (end < 0) break;
    start = end + 1;
  }
  return lines;
}

/** `key: value` on one line, after the indentation and any "- " list markers. */
const keyLine = /^(\s*(?:-\s+)*)([^\s#'"{}[\],&*!|>%@`-][^:#]*?|"[^"]*"|'[^']*'):(?:\s+(.*))?$/;
/** A line of plain words with no ":" — a key whose colon was forgotten. */
const bareWords = /^(\s*(?:-\s+)*)([A-Za-z_$][\w$.-]*)(?:\s+([^:#]*?))?\s*$/;

interface Found {
  line: number;
  explanation: YamlExplanation;
  /** Lines whose own errors are knock-on effects of this one. */
  covers: number[];
}

/**
 * Plain-language problems for the parser's errors, root causes only, in file order. `json`:
 * the file is JSON (a `.json` ladder), where commas and brackets are the usual mistakes.
 */
export function explainYamlErrors(text: string, lineCounter: LineCounter, errors: readonly YAMLError[], json = false): YamlExplanation[] {
  if (errors.length === 0) return [];
  const lines = splitLines(text);
  const lineOf = (offset: number) => Math.max(0, lineCounter.linePos(Math.min(Math.max(offset, 0), text.length)).line - 1);
  const found: Found[] = [];

  const tabErrors = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  if (tabErrors.length > 0) {
    const tabLines = [...new Set(tabErrors.map((e) => lineOf(e.pos[0])))].sort((a, b) => a - b);
    const first = tabLines[0]!;
    const others = tabLines.slice(1).map((i) => i + 1);
    const also =
      others.length === 0
        ? ''
        : `; line${others.length === 1 ? '' : 's'} ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''} also start${others.length === 1 ? 's' : ''} with a tab`;
    found.push({
      line: first,
      explanation: {
        ...lineRange(lines[first]!),
        message: 'this line is indented with a tab',
        hint: `YAML only allows spaces for indentation: replace each tab with spaces (2 per level is usual)${also}`,
      },
      covers: tabLines.flatMap((i) => [i, i + 1]),
    });
  }

  for (const error of errors) {
    if (error.code === 'TAB_AS_INDENT') continue;
    const line = lineOf(error.pos[0]);
    if (found.some((f) => f.line === line || f.covers.includes(line))) continue;
    found.push(explain(error, line, lines, text, json));
  }
  return found.sort((a, b) => a.line - b.line).map((f) => f.explanation);
}

function lineRange(line: Line): { start: number; end: number } {
  return { start: line.start + Math.min(line.indent, line.text.length), end: line.start + line.text.length };
}

function nextContentLine(lines: Line[], from: number): number | undefined {
  for (let i = from + 1; i < lines.length; i++) if (!lines[i]!.blank) return i;
  return undefined;
}

function previousContentLine(lines: Line[], from: number): number | undefined {
  for (let i = from - 1; i >= 0; i--) if (!lines[i]!.blank) return i;
  return undefined;
}

/** Column (0-based) where the key of a `key: value` or `- key: value` line starts. */
function keyColumn(line: Line): number | undefined {
  const match = keyLine.exec(line.text);
  return match ? match[1]!.length : undefined;
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function explain(error: YAMLError, lineIndex: number, lines: Line[], text: string, json: boolean): Found {
  const line = lines[lineIndex]!;
  const at = (l: number, explanation: Omit<YamlExplanation, 'start' | 'end'>, covers: number[] = []): Found => ({
    line: l,
    explanation: { ...lineRange(lines[l]!), ...explanation },
    covers: [lineIndex, l, ...covers],
  });
  const message = error.message;

  if (error.code === 'MULTIPLE_DOCS') {
    return at(lineIndex, { message: 'the file holds more than one YAML document', hint: 'a ladder file holds one document: remove the "---" separator' });
  }

  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?([^:]+?):/.exec(line.text)?.[1]?.trim() ?? text.slice(error.pos[0], error.pos[1]).trim();
    const first = findEarlierKey(lines, lineIndex, key);
    return at(lineIndex, {
      message: `"${key}" is written twice in the same block`,
      hint: `${first === undefined ? '' : `it is first on line ${first + 1}; `}each key may appear once in a block: merge the two`,
    });
  }

  if (error.code === 'MISSING_CHAR' && /closing ["']?quote|quote/i.test(message)) {
    const quoteChar = /'/.test(message) && !/"/.test(message) ? "'" : '"';
    const opened = findUnclosedQuote(lines, lineIndex, quoteChar);
    return at(opened, {
      message: `a ${quoteChar === '"' ? 'double' : 'single'} quote opened on this line is never closed`,
      hint: `add the closing ${quoteChar} at the end of the text (everything after the opening ${quoteChar} is read as one text)`,
    });
  }

  const bracket = /end with an? ([\]}])|Missing closing ([\]}])|Expected .*?([\]}])/i.exec(message);
  if (bracket) {
    const closer = (bracket[1] ?? bracket[2] ?? bracket[3])!;
    const opener = closer === ']' ? '[' : '{';
    const opened = findUnclosedBracket(lines, lineIndex, opener, closer);
    if (opened !== undefined) {
      return at(opened, {
        message: `the "${opener}" on this line is never closed`,
        hint: `add "${closer}" where the ${closer === ']' ? 'list' : 'mapping'} ends${json ? '' : ', or write the items as an indented block instead'}`,
      });
    }
  }

  if (json && /between flow (map|seq|sequence) items|Missing ,/i.test(message)) {
    const previous = previousContentLine(lines, lineIndex) ?? lineIndex;
    return at(previous, { message: 'a comma is missing at the end of this line', hint: 'in JSON, the items of an object or a list are separated by ","' }, [
      lineIndex,
    ]);
  }

  const implicitKeyError =
    error.code === 'MULTILINE_IMPLICIT_KEY' ||
    error.code === 'BLOCK_AS_IMPLICIT_KEY' ||
    (error.code === 'MISSING_CHAR' && /followed by map values/i.test(message)) ||
    error.code === 'IMPOSSIBLE';
  if (implicitKeyError) {
    // 1. A key without its colon: "examples" or "title Engineer".
    const bare = bareWords.exec(line.text);
    // 0. A line of a "|" or ">" text that lost its indentation: it ends the text and reads as a key.
    // Prose (several words) at or inside the key's column; one word is more likely a key without its colon.
    const block = bare?.[3]?.trim() && !line.text.includes(':') ? blockTextAbove(lines, lineIndex) : undefined;
    if (block) {
      return at(lineIndex, {
        message: `this line is indented less than the text of "${block.key}" above it`,
        hint: `to continue that text, indent it like line ${block.textLine + 1} (column ${block.column + 1}); the lines of a "|" text all start in the same column`,
      });
    }
    if (bare && !line.text.includes(':')) {
      const key = bare[2]!;
      const rest = bare[3]?.trim();
      return at(lineIndex, {
        message: `add ":" after "${key}"`,
        hint: rest ? `write ${quote(`${key}: ${rest}`)}: a key is followed by ":" and a space` : `write "${key}:" — a key is always followed by ":"`,
      });
    }
    // 2. ": " inside a text value ("summary: Delivers features: alone.").
    const kv = keyLine.exec(line.text);
    const value = kv?.[3];
    if (kv && value && /:\s/.test(value) && !/^["'|>[{]/.test(value)) {
      const key = kv[2]!;
      return at(lineIndex, {
        message: `the text after "${key}:" contains ": ", which YAML reads as the start of another key`,
        hint: `put the text in quotes: ${key}: ${quote(value.trim())}`,
      });
    }
    // 3. The next line is indented further than the keys of this block.
    const next = nextContentLine(lines, lineIndex);
    const column = keyColumn(line);
    if (next !== undefined && column !== undefined && value && lines[next]!.indent > column && !lines[next]!.startsWithTab) {
      const key = kv![2]!;
      const extra = lines[next]!.indent - column;
      return at(
        next,
        {
          message: `this line is indented more than the line above: line it up with "${key}"`,
          hint: `keys of the same block start in the same column (column ${column + 1} here): remove ${extra} space${extra === 1 ? '' : 's'}`,
        },
        [next + 1],
      );
    }
  }

  // Indentation that matches no open block.
  if (error.code === 'BAD_INDENT' || (error.code === 'MISSING_CHAR' && /without - indicator|indicator/i.test(message)) || /same column|indent/i.test(message)) {
    const explained = explainIndent(lines, lineIndex);
    if (explained) return at(explained.line, explained);
  }

  return at(lineIndex, { message: plainYamlMessage(message), hint: fallbackHints[error.code] });
}

/** `key: |` or `- key: >-` (a block text starts on the next lines), with an optional comment. */
const blockHeader = /^(\s*(?:-\s+)*)([^\s#'"{}[\],&*!|>%@`-][^:#]*?):\s+[|>][-+0-9]*\s*(?:#.*)?$/;

/**
 * When the line before `lineIndex` is part of a block text (`key: |`) indented more than this
 * line, and this line is not indented past the key: the text's key, its first line and column.
 */
function blockTextAbove(lines: Line[], lineIndex: number): { key: string; textLine: number; column: number } | undefined {
  const line = lines[lineIndex]!;
  const previous = previousContentLine(lines, lineIndex);
  if (previous === undefined || lines[previous]!.indent <= line.indent) return undefined;
  const column = lines[previous]!.indent;
  for (let i = previous; i >= 0; i--) {
    const other = lines[i]!;
    if (other.text.trim() === '') continue;
    if (other.indent >= column) continue;
    const header = blockHeader.exec(other.text);
    if (!header || header[1]!.length >= column || line.indent > header[1]!.length) return undefined;
    return { key: header[2]!.trim(), textLine: previous, column };
  }
  return undefined;
}

const listItem = /^(\s*)-(\s|$)/;

/** A line whose indentation matches no block above it: say which line it should line up with. */
function explainIndent(lines: Line[], lineIndex: number): { line: number; message: string; hint?: string } | undefined {
  const line = lines[lineIndex]!;
  const previous = previousContentLine(lines, lineIndex);
  if (previous === undefined) return undefined;
  const dash = listItem.exec(line.text);
  if (dash) {
    // A list item: its "-" should line up with an item above it.
    const column = dash[1]!.length;
    for (let i = lineIndex - 1; i >= 0; i--) {
      const other = listItem.exec(lines[i]!.text);
      if (lines[i]!.blank || !other) continue;
      const otherColumn = other[1]!.length;
      if (otherColumn === column) return undefined;
      if (Math.abs(otherColumn - column) <= 2) {
        return {
          line: lineIndex,
          message: `this list item is indented ${column > otherColumn ? 'more' : 'less'} than the item on line ${i + 1}: line up its "-" with that one`,
          hint: `items of one list start in the same column (column ${otherColumn + 1} here)`,
        };
      }
    }
  }
  const above = lines[previous]!;
  const aboveKey = keyColumn(above);
  const ownKey = keyColumn(line);
  if (aboveKey === undefined || ownKey === undefined) return undefined;
  const name = keyLine.exec(above.text)![2]!;
  if (ownKey < aboveKey) {
    // Find the block it may have meant to close into.
    const missing = aboveKey - ownKey;
    return {
      line: lineIndex,
      message: `this line is indented less than the line above: line it up with "${name}"`,
      hint: `keys of the same block start in the same column (column ${aboveKey + 1} here): add ${missing} space${missing === 1 ? '' : 's'}, or indent it like a key further up if it belongs there`,
    };
  }
  if (ownKey > aboveKey && !/:\s*$/.test(above.text)) {
    const extra = ownKey - aboveKey;
    return {
      line: lineIndex,
      message: `this line is indented more than the line above: line it up with "${name}"`,
      hint: `keys of the same block start in the same column (column ${aboveKey + 1} here): remove ${extra} space${extra === 1 ? '' : 's'}`,
    };
  }
  return undefined;
}

function findEarlierKey(lines: Line[], lineIndex: number, key: string): number | undefined {
  const own = keyColumn(lines[lineIndex]!);
  for (let i = lineIndex - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.blank) continue;
    const column = keyColumn(l);
    if (column === undefined) continue;
    if (own !== undefined && column < own && !/^\s*-\s/.test(l.text.slice(0, own))) return undefined; // left the block
    if (column === own && keyLine.exec(l.text)![2]!.trim() === key) return i;
  }
  return undefined;
}

/** The line of the last opener before `lineIndex` that no closer matches (quotes skipped). */
function findUnclosedBracket(lines: Line[], lineIndex: number, opener: string, closer: string): number | undefined {
  const open: number[] = [];
  for (let i = 0; i <= Math.min(lineIndex, lines.length - 1); i++) {
    let inQuote: string | null = null;
    const t = lines[i]!.text;
    for (let j = 0; j < t.length; j++) {
      const c = t[j]!;
      if (inQuote) {
        if (c === '\\' && inQuote === '"') j++;
        else if (c === inQuote) inQuote = null;
      } else if (c === '"' || c === "'") inQuote = c;
      else if (c === '#' && (j === 0 || /\s/.test(t[j - 1]!))) break;
      else if (c === opener) open.push(i);
      else if (c === closer) open.pop();
    }
  }
  return open.pop();
}

/** The last line before `lineIndex` (inclusive) that leaves a quote open. */
function findUnclosedQuote(lines: Line[], lineIndex: number, quoteChar: string): number {
  for (let i = Math.min(lineIndex, lines.length - 1); i >= 0; i--) {
    const body = lines[i]!.text.replace(quoteChar === '"' ? /\\./g : /''/g, '');
    const count = body.split(quoteChar).length - 1;
    if (count % 2 === 1) return i;
  }
  return lineIndex;
}

/** yaml's wording, made to read like the rest of the checker's messages. */
export function plainYamlMessage(message: string): string {
  const trimmed = message.replace(/ at line \d+, column \d+.*$/s, '').trim();
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

const fallbackHints: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'a ": " inside text starts a new key: put the text in quotes, or start it on the next line after "|"',
  BAD_INDENT: 'check the indentation: items of the same list or mapping must start in the same column',
  DUPLICATE_KEY: 'each key may appear once in a mapping: merge the two entries',
  MISSING_CHAR: 'a quote or bracket is not closed',
  UNEXPECTED_TOKEN: 'check quotes and brackets around this point',
};
