/**
 * Responses of a feedback cycle from the file a survey tool exports: CSV (Google Forms,
 * Typeform, Culture Amp…) or a Markdown table. Three steps, each pure:
 *
 * 1. `decodeResponses(bytes)`: the text, as UTF-8 (with or without a byte order mark) or UTF-16
 *    with one. Bytes that are not valid in that encoding are reported at the row and column of
 *    the cell they are in, so "save it as UTF-8" can point at the row.
 * 2. `readResponsesTable(text, format)`: the header and the rows, numbered as the user sees
 *    them (the header is row 1). Rows whose number of cells differs from the header are kept and
 *    reported by `checkResponses`.
 * 3. `checkResponses(table, mapping, context)`: with the user's mapping of columns to fields
 *    (respondent, about whom, competency, text, date), every row is read and every problem is
 *    named by row and column. The result has responses only when no row has a problem: an import
 *    is all or nothing.
 */
import Papa from 'papaparse';

import { detectDateOrder, readDate } from './csv-dates';
import { MAX_RESPONSE_TEXT } from './cycles';
import { fold } from './text';

export const responseFields = ['respondent', 'about', 'competency', 'text', 'date'] as const;
export type ResponseField = (typeof responseFields)[number];
export const responseFieldLabels: Record<ResponseField, string> = {
  respondent: 'Respondent',
  about: 'About whom',
  competency: 'Competency',
  text: 'Response text',
  date: 'Date',
};
/** Fields an import cannot do without. Respondent is optional: anonymous surveys name nobody. */
export const requiredResponseFields: readonly ResponseField[] = ['about', 'text'];

export type ResponsesFormat = 'csv' | 'markdown';

/** One problem, where the user can find it: row 1 is the header; column is the header's name. */
export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

export function problemText(p: ImportProblem): string {
  return `Row ${p.row}${p.column !== null ? `, column “${p.column}”` : ''}: ${p.message}`;
}

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; text: string; problems: ImportProblem[] };

const REPLACEMENT = '\uFFFD';

/**
 * The text of a responses file. Survey tools write UTF-8; Excel's "Unicode text" writes UTF-16
 * with a byte order mark. Anything else (a Windows code page, UTF-16 without a mark) is refused
 * with the place it goes wrong: guessing a code page would put mojibake into someone's feedback.
 */
export function decodeResponses(bytes: Uint8Array, format: ResponsesFormat = 'csv'): Decoded {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  if (encoding === 'utf-8' && looksLikeUtf16(bytes))
    return {
      ok: false,
      text: '',
      problems: [{ row: 1, column: null, message: 'The file looks like UTF-16 without a byte order mark. Save it as UTF-8 and import it again.' }],
    };
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex -- a NUL means the bytes are not text in this encoding
    const nul = /\u0000/.exec(text);
    if (nul)
      return {
        ok: false,
        text,
        problems: [{ ...placeOf(text, nul.index, format), message: 'The file has a NUL byte here: it is not a text file in UTF-8. Save it as UTF-8.' }],
      };
    return { ok: true, text, encoding };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes);
    const label = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
    const problems: ImportProblem[] = [];
    const table = readResponsesTable(text, format);
    const all = [{ row: 1, cells: table.headers }, ...table.rows];
    for (const r of all)
      r.cells.forEach((cell, i) => {
        if (cell.includes(REPLACEMENT))
          problems.push({
            row: r.row,
            column: table.headers[i] ?? `column ${i + 1}`,
            message: `“${sampleAround(cell)}” is not valid ${label} (the file is in another encoding, such as Windows-1252). Save it as UTF-8 and import it again.`,
          });
      });
    if (problems.length === 0)
      problems.push({ ...placeOf(text, Math.max(0, text.indexOf(REPLACEMENT)), format), message: `The file is not valid ${label}. Save it as UTF-8.` });
    return { ok: false, text, problems };
  }
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros > n * 0.3;
}

function sampleAround(cell: string): string {
  const at = cell.indexOf(REPLACEMENT);
  return cell.slice(Math.max(0, at - 12), at + 12).replace(/\s+/g, ' ');
}

/** Row (and no column) of a character offset, for problems found before the table is read. */
function placeOf(text: string, index: number, format: ResponsesFormat): { row: number; column: string | null } {
  const before = text.slice(0, index);
  const table = readResponsesTable(before, format);
  return { row: Math.max(1, table.rows.length + (before.endsWith('\n') ? 2 : 1)), column: null };
}

export interface ResponsesTable {
  headers: string[];
  /** Data rows with the number the user sees (header = row 1). */
  rows: { row: number; cells: string[] }[];
}

/** The header and rows of the file; blank lines are skipped (their numbers are kept). */
export function readResponsesTable(text: string, format: ResponsesFormat): ResponsesTable {
  const stripped = text.replace(/^\uFEFF/, '');
  return format === 'markdown' ? readMarkdownTable(stripped) : readCsvTable(stripped);
}

/** The delimiter of the header line (outside quotes): a comma, or what European Excel and TSV use. */
function delimiterOf(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

function readCsvTable(text: string): ResponsesTable {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: delimiterOf(text) });
  const records = parsed.data;
  // A trailing newline makes one empty record; blank records elsewhere keep their number.
  const isBlank = (r: string[]) => r.length === 0 || (r.length === 1 && r[0]!.trim() === '');
  const first = records.findIndex((r) => !isBlank(r));
  if (first < 0) return { headers: [], rows: [] };
  const headers = records[first]!.map((h) => h.trim());
  const rows: ResponsesTable['rows'] = [];
  for (let i = first + 1; i < records.length; i++) if (!isBlank(records[i]!)) rows.push({ row: i - first + 1, cells: records[i]! });
  return { headers, rows };
}

const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** A GitHub-style pipe table: the first one in the file. `\|` is a pipe in a cell, `<br>` a line break. */
function readMarkdownTable(text: string): ResponsesTable {
  const lines = text.split(/\r\n|\r|\n/);
  const start = lines.findIndex((l, i) => l.trim().startsWith('|') && SEPARATOR.test(lines[i + 1]?.trim() ?? ''));
  if (start < 0) return { headers: [], rows: [] };
  const headers = splitPipeRow(lines[start]!).map((h) => h.trim());
  const rows: ResponsesTable['rows'] = [];
  let number = 1;
  for (let i = start + 2; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('|')) break;
    number++;
    rows.push({ row: number, cells: splitPipeRow(line).map((c) => c.trim().replace(/<br\s*\/?>/gi, '\n')) });
  }
  return { headers, rows };
}

function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (s[i] === '|') {
      cells.push(cell);
      cell = '';
    } else cell += s[i];
  }
  cells.push(cell);
  return cells;
}

/** Which column (by index) holds each field; null for an optional field the file does not have. */
export type ResponseMapping = Record<ResponseField, number | null>;

const synonyms: Record<ResponseField, string[]> = {
  respondent: ['respondent', 'from', 'reviewer', 'given by', 'author', 'peer', 'submitted by', 'your name', 'email address', 'respondent email'],
  about: ['about', 'about whom', 'reviewee', 'subject', 'for', 'recipient', 'person', 'feedback for', 'employee', 'about who'],
  competency: ['competency', 'competence', 'skill', 'area', 'question', 'topic', 'criterion'],
  text: ['response', 'feedback', 'answer', 'text', 'comment', 'comments', 'response text'],
  date: ['date', 'timestamp', 'submitted', 'submitted at', 'completed', 'created', 'submitted on'],
};

/** The mapping a survey export most likely has, from its header names; the user checks it. */
export function guessMapping(headers: readonly string[]): ResponseMapping {
  const folded = headers.map((h) =>
    fold(h)
      .replace(/[^a-z0-9 ]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const taken = new Set<number>();
  const mapping = {} as ResponseMapping;
  for (const field of responseFields) {
    let index = folded.findIndex((h, i) => !taken.has(i) && synonyms[field].includes(h));
    if (index < 0) index = folded.findIndex((h, i) => !taken.has(i) && synonyms[field].some((s) => h.split(' ').includes(s)));
    mapping[field] = index >= 0 ? index : null;
    if (index >= 0) taken.add(index);
  }
  return mapping;
}

export interface ImportPerson {
  id: string;
  name: string;
  email?: string | undefined;
}

export interface ImportContext {
  people: readonly ImportPerson[];
  /** Who the cycle is about: responses about anyone else are refused. */
  participantIds: readonly string[];
  /** The cycle's competencies: a response names one by id or name, or none. */
  competencies: readonly { id: string; name: string }[];
  /** The day of a response with no date column. */
  defaultDate: string;
}

export interface ImportedResponse {
  row: number;
  personId: string;
  respondentId: string | null;
  respondentName: string;
  competencyId: string | null;
  text: string;
  date: string;
}

export type CheckResult = { ok: true; responses: ImportedResponse[] } | { ok: false; problems: ImportProblem[] };

/** At most this many problems are listed; the count says how many more there are. */
export const MAX_PROBLEMS = 200;

function personMatcher(people: readonly ImportPerson[]) {
  const byKey = new Map<string, ImportPerson[]>();
  const add = (key: string, p: ImportPerson) => {
    const k = fold(key).replace(/\s+/g, ' ').trim();
    if (k && !(byKey.get(k) ?? []).includes(p)) byKey.set(k, [...(byKey.get(k) ?? []), p]);
  };
  for (const p of people) {
    add(p.name, p);
    if (p.email) add(p.email, p);
  }
  return (raw: string) => byKey.get(fold(raw).replace(/\s+/g, ' ').trim()) ?? [];
}

/** Strips a time after the day ("2026-03-15 10:22:01", "3/15/2026 10:22"), which survey tools add. */
const dayPart = (raw: string) => raw.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[AP]M|[+-]\d{2}:?\d{2})?$/i, '');

export function checkResponses(table: ResponsesTable, mapping: ResponseMapping, ctx: ImportContext): CheckResult {
  const problems: ImportProblem[] = [];
  const columnName = (i: number) => table.headers[i] || `column ${i + 1}`;
  if (table.headers.length === 0) return { ok: false, problems: [{ row: 1, column: null, message: 'The file has no header row with column names.' }] };
  // The mapping itself: required fields mapped, columns that exist, no column used twice.
  const seen = new Map<number, ResponseField>();
  for (const field of responseFields) {
    const index = mapping[field];
    if (index === null) {
      if (requiredResponseFields.includes(field))
        problems.push({
          row: 1,
          column: null,
          message: `No column is “${responseFieldLabels[field]}”. The columns are: ${table.headers.map((h, i) => h || `column ${i + 1}`).join(', ')}.`,
        });
      continue;
    }
    if (index < 0 || index >= table.headers.length)
      problems.push({ row: 1, column: null, message: `“${responseFieldLabels[field]}” is mapped to a column the file does not have.` });
    else if (seen.has(index))
      problems.push({
        row: 1,
        column: columnName(index),
        message: `This column is mapped to both “${responseFieldLabels[seen.get(index)!]}” and “${responseFieldLabels[field]}”.`,
      });
    else seen.set(index, field);
  }
  if (problems.length) return { ok: false, problems };
  if (table.rows.length === 0) return { ok: false, problems: [{ row: 2, column: null, message: 'The file has a header but no responses.' }] };

  const match = personMatcher(ctx.people);
  const participants = new Set(ctx.participantIds);
  const competencyByKey = new Map<string, string>();
  for (const c of ctx.competencies) {
    competencyByKey.set(fold(c.id), c.id);
    competencyByKey.set(fold(c.name).trim(), c.id);
  }
  const dateColumn = mapping.date;
  const order = dateColumn === null ? null : detectDateOrder(table.rows.map((r) => dayPart(r.cells[dateColumn] ?? ''))).order;
  const responses: ImportedResponse[] = [];
  const report = (p: ImportProblem) => problems.push(p);

  for (const { row, cells } of table.rows) {
    if (cells.length !== table.headers.length) {
      const fewer = cells.length < table.headers.length;
      report({
        row,
        column: fewer ? columnName(cells.length) : null,
        message: fewer
          ? `The row has ${cells.length} of the header’s ${table.headers.length} columns: it ends before this one.`
          : `The row has ${cells.length} cells where the header has ${table.headers.length} columns (a comma or a quote out of place?).`,
      });
      continue;
    }
    const cell = (field: ResponseField) => (mapping[field] === null ? '' : cells[mapping[field]!]!.trim());
    const where = (field: ResponseField) => ({ row, column: columnName(mapping[field]!) });
    let bad = false;
    const fail = (field: ResponseField, message: string) => {
      bad = true;
      report({ ...where(field), message });
    };

    const aboutText = cell('about');
    let personId = '';
    if (!aboutText) fail('about', 'Empty: say who the response is about.');
    else {
      const found = match(aboutText);
      if (found.length === 0) fail('about', `“${aboutText}” is not a person in Trellis.`);
      else if (found.length > 1) fail('about', `“${aboutText}” matches ${found.length} people; use their email instead.`);
      else if (!participants.has(found[0]!.id)) fail('about', `${found[0]!.name} is not a participant of this cycle.`);
      else personId = found[0]!.id;
    }

    let respondentId: string | null = null;
    let respondentName = '';
    if (mapping.respondent !== null) {
      const raw = cell('respondent');
      if (!raw) fail('respondent', 'Empty: say who gave the response (or unmap the column for an anonymous survey).');
      else if (raw.length > 120) fail('respondent', 'Longer than 120 characters: is this the right column?');
      else {
        const found = match(raw);
        if (found.length === 1) respondentId = found[0]!.id;
        else respondentName = raw;
      }
    } else respondentName = 'Anonymous';

    let competencyId: string | null = null;
    if (mapping.competency !== null) {
      const raw = cell('competency');
      if (raw) {
        competencyId = competencyByKey.get(fold(raw).trim()) ?? null;
        if (competencyId === null)
          fail('competency', `“${raw}” is not a competency of this cycle (${ctx.competencies.map((c) => c.name).join(', ') || 'it names none'}).`);
      }
    }

    const text = cell('text');
    if (!text) fail('text', 'Empty: there is no response in this row.');
    else if (text.length > MAX_RESPONSE_TEXT) fail('text', `Longer than ${MAX_RESPONSE_TEXT.toLocaleString('en')} characters.`);

    let date = ctx.defaultDate;
    if (mapping.date !== null) {
      const raw = dayPart(cell('date'));
      if (!raw) fail('date', 'Empty: give the day of the response (or unmap the column).');
      else {
        const reading = readDate(raw, order);
        if (reading.ok) date = reading.iso;
        else fail('date', reading.reason === 'ambiguous' ? `“${raw}” could be day-first or month-first.` : `“${raw}” is not a date.`);
      }
    }
    if (!bad) responses.push({ row, personId, respondentId, respondentName, competencyId, text, date });
  }
  return problems.length ? { ok: false, problems } : { ok: true, responses };
}

/** Everything problems would show, capped, with how many were left out. */
export function listedProblems(problems: readonly ImportProblem[]): { shown: ImportProblem[]; more: number } {
  return { shown: problems.slice(0, MAX_PROBLEMS), more: Math.max(0, problems.length - MAX_PROBLEMS) };
}

/** Which format a file is, from its name and, failing that, its first line. */
export function formatOf(name: string, text: string): ResponsesFormat {
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  return text.trimStart().startsWith('|') ? 'markdown' : 'csv';
}

/** A responses table as CSV (RFC 4180), for tests and the template the dialog offers. */
export function responsesCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse({ fields: [...headers], data: rows.map((r) => [...r]) }, { newline: '\n', quotes: false });
}

/** A responses table as a Markdown pipe table (pipes escaped, line breaks as <br>). */
export function responsesMarkdown(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, '<br>');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line), ''].join('\n');
}
