import Papa from 'papaparse';

import { type Person, type PersonFields, personInputSchema, type Track, trackLabels, tracks } from './person';

/**
 * People from a CSV file, in three pure steps: parse → map columns → plan. The plan lists
 * every problem by row and column; the repository writes it only when there are none, all
 * rows in one transaction. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */

export const importFields = ['name', 'email', 'managerEmail', 'title', 'track', 'level', 'startDate', 'levelSince'] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  name: 'Name',
  email: 'Email',
  managerEmail: 'Manager email',
  title: 'Title',
  track: 'Track',
  level: 'Level',
  startDate: 'Start date',
  levelSince: 'Level since',
};

/** Header spellings we recognise, compared without case, spaces, dashes or underscores. */
const headerAliases: Record<ImportField, string[]> = {
  name: ['name', 'fullname', 'person', 'employee'],
  email: ['email', 'emailaddress', 'mail', 'workemail'],
  managerEmail: ['manageremail', 'manager', 'reportsto', 'manageremailaddress', 'managermail'],
  title: ['title', 'jobtitle', 'role', 'position'],
  track: ['track', 'ladder', 'careertrack'],
  level: ['level', 'grade'],
  startDate: ['startdate', 'started', 'hiredate', 'joined', 'start'],
  levelSince: ['levelsince', 'inlevelsince', 'leveldate', 'promoted'],
};

/** Field → column index in the file, or null when no column supplies it. */
export type ColumnMapping = Record<ImportField, number | null>;

export interface ImportProblem {
  /** Spreadsheet row (header = 1); null for problems with the whole file or the mapping. */
  row: number | null;
  /** The file's header of the column at fault, when one is. */
  column: string | null;
  message: string;
}

export interface CsvTable {
  headers: string[];
  /** Data rows; `rows[i]` is spreadsheet row i + 2. */
  rows: string[][];
  problems: ImportProblem[];
}

export function describeProblem(p: ImportProblem): string {
  const where = [p.row !== null ? `Row ${p.row}` : null, p.column !== null ? `column '${p.column}'` : null].filter(Boolean).join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}

/** A row with nothing but spaces in it: skipped, but it still counts for row numbers. */
export const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Parse CSV text. Never throws: malformed quoting becomes a problem on its row. */
export function parseCsv(text: string): CsvTable {
  // Blank lines are kept (and skipped later) so that row numbers match the spreadsheet's.
  const clean = text.replace(/^\uFEFF/, '');
  // Papa guesses the delimiter (',' or ';' …) best without blank lines in the way.
  const { delimiter } = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', preview: 50 }).meta;
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: false, delimiter });
  const data = result.data.length > 0 && isBlank(result.data[result.data.length - 1]!) ? result.data.slice(0, -1) : result.data;
  const [headerRow, ...body] = data;
  // A one-column file has no delimiter to detect; that is not a problem with the file.
  const problems: ImportProblem[] = result.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      row: typeof e.row === 'number' ? e.row + 1 : null,
      column: null,
      message: `the file could not be read here (${e.message.replace(/\.$/, '')})`,
    }));
  if (!headerRow || headerRow.every((h) => h.trim() === '')) {
    return {
      headers: [],
      rows: [],
      problems: [...problems, { row: null, column: null, message: 'The file is empty: it needs a header row and one row per person.' }],
    };
  }
  const headers = headerRow.map((h, i) => h.trim() || `Column ${i + 1}`);
  if (body.every(isBlank)) problems.push({ row: null, column: null, message: 'The file has a header row but no people.' });
  return { headers, rows: body, problems };
}

const squash = (header: string) => header.toLowerCase().replace(/[\s_\-.]/g, '');

/** Guesses each field's column from the headers; each column is used at most once. */
export function detectMapping(headers: string[]): ColumnMapping {
  const used = new Set<number>();
  const mapping = Object.fromEntries(importFields.map((f) => [f, null])) as ColumnMapping;
  for (const field of importFields) {
    const index = headers.findIndex((h, i) => !used.has(i) && headerAliases[field].includes(squash(h)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** Accepts a track's id or its label, in any case ("engineering", "Engineering (IC)"). */
export function parseTrack(value: string): Track | undefined | null {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  const found = tracks.find((t) => t === v || trackLabels[t].toLowerCase() === v);
  return found ?? null;
}

/** One person the import will create or update, already validated. */
export interface PlannedPerson {
  row: number;
  /** Existing person's id when the email matches someone (re-import), else a new id. */
  id: string;
  isNew: boolean;
  fields: PersonFields;
}

export interface ImportPlan {
  problems: ImportProblem[];
  people: PlannedPerson[];
  created: number;
  updated: number;
  unchanged: number;
}

interface RowDraft {
  row: number;
  email: string;
  existing: Person | undefined;
  fields: PersonFields;
  /** Lower-cased manager email; '' clears the manager; undefined keeps the current one. */
  managerEmail: string | undefined;
}

const cell = (cells: string[], index: number | null) => (index === null ? undefined : (cells[index] ?? '').trim());

function mappingProblems(table: CsvTable, mapping: ColumnMapping): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const required of ['name', 'email'] as const) {
    if (mapping[required] === null)
      problems.push({ row: null, column: null, message: `Choose the column that holds each person's ${importFieldLabels[required].toLowerCase()}.` });
  }
  const seen = new Map<number, ImportField>();
  for (const field of importFields) {
    const index = mapping[field];
    if (index === null) continue;
    if (index < 0 || index >= table.headers.length)
      problems.push({ row: null, column: null, message: `${importFieldLabels[field]} is mapped to a column the file does not have.` });
    const other = seen.get(index);
    if (other)
      problems.push({
        row: null,
        column: table.headers[index] ?? null,
        message: `is mapped to both ${importFieldLabels[other]} and ${importFieldLabels[field]}.`,
      });
    seen.set(index, field);
  }
  return problems;
}

/** Schema checks of one row; returns its draft, or null after recording problems. */
function draftRow(
  cells: string[],
  rowNumber: number,
  table: CsvTable,
  mapping: ColumnMapping,
  byEmail: Map<string, Person>,
  problems: ImportProblem[],
): RowDraft | null {
  const header = (field: ImportField) => table.headers[mapping[field] ?? -1] ?? importFieldLabels[field];
  const add = (field: ImportField, message: string) => problems.push({ row: rowNumber, column: header(field), message });
  const email = (cell(cells, mapping.email) ?? '').toLowerCase();
  const existing = email ? byEmail.get(email) : undefined;
  const value = (field: Exclude<ImportField, 'managerEmail' | 'track'>): string | undefined => {
    const v = cell(cells, mapping[field]);
    if (v !== undefined) return v;
    return existing?.[field] ?? undefined;
  };
  const trackText = cell(cells, mapping.track);
  const track = trackText === undefined ? existing?.track : parseTrack(trackText);
  let ok = true;
  if (!email) {
    add('email', 'an email is needed: it is how Trellis recognises this person when you import again');
    ok = false;
  }
  if (track === null) {
    add('track', `'${trackText}' is not a track; use one of ${tracks.join(', ')}`);
    ok = false;
  }
  const parsed = personInputSchema.safeParse({
    name: value('name') ?? '',
    email,
    title: value('title') ?? '',
    track: track ?? '',
    level: value('level') ?? '',
    managerId: null,
    // The file has no team column: a re-imported person keeps their team.
    teamId: existing?.teamId ?? null,
    startDate: value('startDate') ?? '',
    levelSince: value('levelSince') ?? '',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'name') as ImportField;
      if (field === 'email' && !email) continue;
      add(
        importFields.includes(field) ? field : 'name',
        issue.message.replace(/^./, (c) => c.toLowerCase()),
      );
    }
    return null;
  }
  if (!ok) return null;
  const managerText = cell(cells, mapping.managerEmail);
  return { row: rowNumber, email, existing, fields: parsed.data, managerEmail: managerText?.toLowerCase() };
}

function sameFields(a: Person, b: PersonFields): boolean {
  const keys = ['name', 'email', 'title', 'track', 'level', 'managerId', 'teamId', 'startDate', 'levelSince'] as const;
  return keys.every((k) => (a[k] ?? undefined) === (b[k] ?? undefined));
}

/**
 * Validates every row against the schema, the file (duplicate emails, managers defined
 * anywhere in it) and the people already stored (re-import by email, manager loops).
 * `newId` names people the file creates. Never throws.
 */
export function planImport(table: CsvTable, mapping: ColumnMapping, existing: Person[], newId: () => string): ImportPlan {
  const problems: ImportProblem[] = [...table.problems, ...(table.headers.length > 0 ? mappingProblems(table, mapping) : [])];
  const empty: ImportPlan = { problems, people: [], created: 0, updated: 0, unchanged: 0 };
  if (problems.some((p) => p.row === null)) return empty;

  const byEmail = new Map(existing.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p]));
  const emailHeader = table.headers[mapping.email ?? -1] ?? 'email';
  const managerHeader = table.headers[mapping.managerEmail ?? -1] ?? 'manager email';
  const firstRowOf = new Map<string, number>();
  const drafts: RowDraft[] = [];
  table.rows.forEach((cells, i) => {
    if (isBlank(cells)) return;
    const rowNumber = i + 2;
    const draft = draftRow(cells, rowNumber, table, mapping, byEmail, problems);
    const email = (cell(cells, mapping.email) ?? '').toLowerCase();
    if (email && firstRowOf.has(email)) {
      problems.push({ row: rowNumber, column: emailHeader, message: `${email} is already used in row ${firstRowOf.get(email)}` });
      return;
    }
    if (email) firstRowOf.set(email, rowNumber);
    if (draft) drafts.push(draft);
  });

  // Ids first, so that managers defined later in the file resolve too.
  const idOf = new Map<string, string>(Array.from(byEmail, ([email, p]) => [email, p.id]));
  for (const d of drafts) if (!d.existing) idOf.set(d.email, newId());
  const planned: PlannedPerson[] = [];
  for (const d of drafts) {
    const id = idOf.get(d.email)!;
    let managerId: string | null = d.existing?.managerId ?? null;
    if (d.managerEmail !== undefined) {
      managerId = d.managerEmail === '' ? null : (idOf.get(d.managerEmail) ?? null);
      if (d.managerEmail !== '' && managerId === null) {
        const known = firstRowOf.has(d.managerEmail) ? ` (row ${firstRowOf.get(d.managerEmail)} has problems of its own)` : '';
        problems.push({ row: d.row, column: managerHeader, message: `no person has the email ${d.managerEmail}${known}` });
        continue;
      }
    }
    planned.push({ row: d.row, id, isNew: !d.existing, fields: { ...d.fields, managerId } });
  }

  problems.push(...loopProblems(planned, existing, managerHeader));
  // Read top to bottom like the file; within a row, in the order the checks found them.
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (problems.length > 0) return empty;
  const current = new Map(existing.map((p) => [p.id, p]));
  const changed = planned.filter((p) => p.isNew || !sameFields(current.get(p.id)!, p.fields));
  const created = changed.filter((p) => p.isNew).length;
  return { problems, people: changed, created, updated: changed.length - created, unchanged: planned.length - changed.length };
}

/** Manager loops in the org as it would be after the import: one problem per row in a loop. */
function loopProblems(planned: PlannedPerson[], existing: Person[], managerHeader: string): ImportProblem[] {
  const managerOf = new Map(existing.map((p) => [p.id, p.managerId]));
  for (const p of planned) managerOf.set(p.id, p.fields.managerId);
  const nameOf = new Map<string, string>([...existing.map((p) => [p.id, p.name] as const), ...planned.map((p) => [p.id, p.fields.name] as const)]);
  const problems: ImportProblem[] = [];
  for (const p of planned) {
    const managerId = p.fields.managerId;
    if (!managerId) continue;
    if (managerId === p.id) {
      problems.push({ row: p.row, column: managerHeader, message: `${p.fields.name} cannot be their own manager` });
      continue;
    }
    // Walk up from the manager: reaching this person again means a loop.
    const seen = new Set<string>();
    for (let at: string | null | undefined = managerId; at && !seen.has(at); at = managerOf.get(at)) {
      if (at === p.id) {
        problems.push({
          row: p.row,
          column: managerHeader,
          message: `manager loop: ${nameOf.get(managerId)} already reports, directly or not, to ${p.fields.name}`,
        });
        break;
      }
      seen.add(at);
    }
  }
  return problems;
}

const csvHeaders = ['name', 'email', 'manager email', 'title', 'track', 'level', 'start date', 'level since'];

/** People as CSV in the layout the importer recognises (a re-import updates them). */
export function peopleToCsv(people: Person[]): string {
  const emailOf = new Map(people.map((p) => [p.id, p.email ?? '']));
  const rows = people.map((p) => [
    p.name,
    p.email ?? '',
    p.managerId ? (emailOf.get(p.managerId) ?? '') : '',
    p.title ?? '',
    p.track ?? '',
    p.level ?? '',
    p.startDate ?? '',
    p.levelSince ?? '',
  ]);
  return Papa.unparse({ fields: csvHeaders, data: rows }, { newline: '\r\n', escapeFormulae: false });
}
