import type { FrozenLadderRef } from '../evidence/refs';
import type { PlacementOption } from '../ladder/placement';
import { type DateDetection, type DateOrder, detectDateOrder, readDate } from './csv-dates';
import { type Person, type PersonFields, personInputSchema, type Track, trackLabels, tracks } from './person';
import { matchLevel } from './placement-match';
import { type Team, teamInputSchema } from './team';

/**
 * People from a CSV file, in three pure steps: parse → map columns → plan. The plan lists
 * every problem by row and column; the repository writes it only when there are none, all
 * rows in one transaction. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */

export const importFields = [
  'name',
  'firstName',
  'lastName',
  'email',
  'managerEmail',
  'title',
  'track',
  'level',
  'department',
  'location',
  'startDate',
  'levelSince',
] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  managerEmail: 'Manager (email or name)',
  title: 'Title',
  track: 'Track',
  level: 'Level',
  department: 'Department (team)',
  location: 'Location',
  startDate: 'Start date',
  levelSince: 'Level since',
};

/**
 * Header spellings we recognise, best first, compared after `normalizeHeader`. They cover what
 * BambooHR, Workday, HiBob, Personio (English and German), Rippling, Google Workspace's user
 * export and Excel/Outlook contact lists write, besides Trellis's own export.
 */
const headerAliases: Record<ImportField, string[]> = {
  name: ['name', 'fullname', 'employeename', 'displayname', 'legalname', 'worker', 'employeefullname', 'person', 'preferredfullname'],
  firstName: ['firstname', 'givenname', 'legalfirstname', 'forename', 'vorname', 'first'],
  lastName: ['lastname', 'surname', 'familyname', 'legallastname', 'nachname', 'last'],
  email: ['email', 'workemail', 'emailaddress', 'primaryworkemail', 'emailwork', 'workemailaddress', 'businessemail', 'companyemail', 'mail', 'emailadresse'],
  managerEmail: [
    'manageremail',
    'managerworkemail',
    'manageremailaddress',
    'managermail',
    'supervisoremail',
    'reportstoemail',
    'manager',
    'reportsto',
    'reportingto',
    'supervisor',
    'linemanager',
    'directmanager',
    'managersname',
    'managername',
    'vorgesetzter',
    'vorgesetzte',
  ],
  title: ['title', 'jobtitle', 'businesstitle', 'employeetitle', 'position', 'role', 'designation', 'jobprofile', 'stelle'],
  track: ['track', 'ladder', 'careertrack'],
  level: ['level', 'grade', 'joblevel', 'careerlevel', 'band', 'paygrade'],
  department: ['department', 'departmentname', 'team', 'teamname', 'dept', 'supervisoryorganization', 'division', 'abteilung'],
  location: ['location', 'worklocation', 'officelocation', 'office', 'site', 'primaryworklocation', 'workplace', 'standort', 'buro'],
  startDate: [
    'startdate',
    'hiredate',
    'employmentstartdate',
    'originalhiredate',
    'dateofhire',
    'dateofjoining',
    'joindate',
    'joiningdate',
    'started',
    'joined',
    'start',
    'eintrittsdatum',
  ],
  levelSince: ['levelsince', 'inlevelsince', 'leveldate', 'promoted', 'lastpromotiondate', 'promotiondate'],
};

/** "First Name [Required]", "first_name", "E-Mail", "Manager's Name" and "Büro" all compare as plain letters. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\[[^\]]*\]|\([^)]*\)/g, '')
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9]/g, '');
}

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

/**
 * Formula injection (OWASP "CSV injection"): a cell that starts with = + - @, a tab or a CR is
 * run as a formula by spreadsheets. The export puts an apostrophe in front (spreadsheets show
 * the rest as text and hide the apostrophe), also in front of a value that already starts with
 * apostrophes before such a character, so that the import can remove exactly one and every
 * value comes back as it was.
 */
const ESCAPED_ON_EXPORT = /^'*[=+\-@\t\r]/;
export const ESCAPED_IN_FILE = /^'+[=+\-@\t\r]/;

export const escapeFormula = (value: string) => (ESCAPED_ON_EXPORT.test(value) ? `'${value}` : value);
export const unescapeFormula = (value: string) => (ESCAPED_IN_FILE.test(value) ? value.slice(1) : value);

/** Guesses each field's column from the headers, best spelling first; each column is used at most once. */
export function detectMapping(headers: string[]): ColumnMapping {
  const used = new Set<number>();
  const normalized = headers.map(normalizeHeader);
  const mapping = Object.fromEntries(importFields.map((f) => [f, null])) as ColumnMapping;
  for (const field of importFields) {
    for (const alias of headerAliases[field]) {
      const index = normalized.findIndex((h, i) => !used.has(i) && h === alias);
      if (index >= 0) {
        mapping[field] = index;
        used.add(index);
        break;
      }
    }
  }
  // A full-name column makes first and last name columns redundant.
  if (mapping.name !== null) mapping.firstName = mapping.lastName = null;
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

/** The ladder a "Level" column is read against: a level it names becomes the person's placement. */
export interface PlaceOnLadder {
  against: FrozenLadderRef;
  options: PlacementOption[];
}

export interface ImportOptions {
  /** When set, a Level cell that names a level of this ladder places the person on it. */
  placeOn?: PlaceOnLadder | null;
  /** Teams stored now: a Department matches one by name (any case), or a new team is planned. */
  teams?: Team[];
  /** How numeric dates are read when the file itself does not show it (the user's choice). */
  dateOrder?: DateOrder | null;
  /**
   * The user ("This is me"). A manager cell that is their email, or says "me", names them. An
   * HR export usually names the manager by the email the HR tool knows, which Trellis may not:
   * `meAliases` are the manager cells (as `unknownManagers` lists them) the user said are them.
   */
  me?: ImportUser | null;
  meAliases?: readonly string[];
}

export interface ImportUser {
  id: string;
  name: string;
  email?: string | undefined;
}

/** A manager cell that names nobody in Trellis or in the file: perhaps the user, under another email. */
export interface UnknownManager {
  /** As the file writes it (first time seen). */
  text: string;
  /** Lower-cased: what `meAliases` takes. */
  key: string;
  /** The spreadsheet rows that name this manager. */
  rows: number[];
}

/** Words a manager cell may use for the user themself. */
const selfWords = new Set(['me', 'myself', '(me)', 'self']);

export interface ImportPlan {
  problems: ImportProblem[];
  people: PlannedPerson[];
  /** Teams the import creates, for Department values no team has yet. */
  teams: { id: string; name: string }[];
  /** What the file's dates look like, and the order they are read in (null: not decided). */
  dates: DateDetection & { readAs: DateOrder | null };
  /** Managers the file names that match nobody, most rows first (each row is also a problem). */
  unknownManagers: UnknownManager[];
  created: number;
  updated: number;
  unchanged: number;
}

interface RowDraft {
  row: number;
  email: string;
  existing: Person | undefined;
  fields: PersonFields;
  /** False when the row has problems: it is still used to explain problems in other rows. */
  valid: boolean;
  /** The name as the row gives it, also when the row has problems. */
  name: string;
  /** Lower-cased manager email or name; '' clears the manager; undefined keeps the current one. */
  manager: string | undefined;
  /** The manager cell as written, for messages. */
  managerText: string | undefined;
  /** Department: a team name; '' clears the team; undefined keeps the current one. */
  department: string | undefined;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const cell = (cells: string[], index: number | null) => (index === null ? undefined : (cells[index] ?? '').trim());

function mappingProblems(table: CsvTable, mapping: ColumnMapping): ImportProblem[] {
  const problems: ImportProblem[] = [];
  if (mapping.name === null && mapping.firstName === null && mapping.lastName === null)
    problems.push({ row: null, column: null, message: "Choose the column that holds each person's name." });
  if (mapping.email === null) problems.push({ row: null, column: null, message: "Choose the column that holds each person's email." });
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

const orderWords: Record<DateOrder, string> = { mdy: 'month first', dmy: 'day first' };

function dateProblem(raw: string, reason: 'unknown' | 'invalid', order: DateOrder | null): string {
  if (reason === 'unknown') return `'${raw}' is not a date; use a date like 2024-03-15, 03/15/2024 or 15.03.2024`;
  if (order && /^\d{1,2}[-/]\d{1,2}[-/]\d{2,4}/.test(raw)) return `'${raw}' is not a real day when read ${orderWords[order]} like the file's other dates`;
  return `'${raw}' is not a real day`;
}

interface RowContext {
  placeOn: PlaceOnLadder | null;
  table: CsvTable;
  mapping: ColumnMapping;
  byEmail: Map<string, Person>;
  order: DateOrder | null;
  problems: ImportProblem[];
  /** Readings by cell text: the same few dates repeat all over a large file. */
  dates: Map<string, ReturnType<typeof readDate>>;
}

/** Every check of one row, each problem recorded; returns the draft (valid or not). */
function draftRow(cells: string[], rowNumber: number, { table, mapping, byEmail, order, problems, dates, placeOn }: RowContext): RowDraft {
  const header = (field: ImportField) => table.headers[mapping[field] ?? -1] ?? importFieldLabels[field];
  let valid = true;
  const reported = new Set<ImportField>();
  const add = (field: ImportField, message: string) => {
    problems.push({ row: rowNumber, column: header(field), message });
    reported.add(field);
    valid = false;
  };
  const email = (cell(cells, mapping.email) ?? '').toLowerCase();
  const existing = email ? byEmail.get(email) : undefined;
  const value = (field: 'title' | 'level' | 'location'): string | undefined => cell(cells, mapping[field]) ?? existing?.[field] ?? undefined;

  const fullName = cell(cells, mapping.name);
  const parts = [cell(cells, mapping.firstName), cell(cells, mapping.lastName)].filter((p): p is string => Boolean(p));
  const name = fullName || parts.join(' ') || (mapping.name === null && mapping.firstName === null && mapping.lastName === null ? existing?.name : '') || '';
  const nameField: ImportField = mapping.name !== null ? 'name' : mapping.firstName !== null ? 'firstName' : 'lastName';

  if (!email) add('email', 'an email is needed: it is how Trellis recognises this person when you import again');
  const trackText = cell(cells, mapping.track);
  // A track of the chosen ladder ("Individual contributor") is read as the placement's track, not as the old free-text track.
  const ladderTrack = placeOn && trackText ? placeOn.options.some((t) => sameText(t.trackId, trackText) || sameText(t.trackName, trackText)) : false;
  const track = trackText === undefined || ladderTrack ? existing?.track : parseTrack(trackText);
  if (track === null) add('track', `'${trackText}' is not a track; use one of ${tracks.join(', ')}`);

  const date = (field: 'startDate' | 'levelSince'): string => {
    const raw = cell(cells, mapping[field]);
    if (raw === undefined) return existing?.[field] ?? '';
    if (raw === '') return '';
    let reading = dates.get(raw);
    if (!reading) dates.set(raw, (reading = readDate(raw, order)));
    if (reading.ok) return reading.iso;
    // Read once the user says how the file writes dates; the file-level problem says so.
    if (reading.reason === 'ambiguous') {
      reported.add(field);
      valid = false;
      return '';
    }
    add(field, dateProblem(raw, reading.reason, order));
    return '';
  };
  const startDate = date('startDate');
  const levelSince = date('levelSince');

  const departmentText = cell(cells, mapping.department);
  if (departmentText) {
    const team = teamInputSchema.safeParse({ name: departmentText });
    if (!team.success)
      add(
        'department',
        team.error.issues[0]!.message.replace(/^./, (c) => c.toLowerCase()),
      );
  }

  const levelText = cell(cells, mapping.level);
  // With no track in the row, someone already placed on this ladder stays on their track when it has the level.
  const sameLadder = existing?.placement?.ladderId === placeOn?.against.ladderId ? existing?.placement?.trackId : undefined;
  const match = placeOn ? matchLevel(placeOn.options, levelText, trackText || sameLadder) : null;
  const placement =
    match && placeOn ? { ladderId: placeOn.against.ladderId, trackId: match.trackId, levelId: match.levelId, against: placeOn.against } : existing?.placement;
  const parsed = personInputSchema.safeParse({
    name,
    email,
    title: value('title') ?? '',
    track: track ?? '',
    level: value('level') ?? '',
    placement: placement ?? null,
    location: value('location') ?? '',
    managerId: null,
    teamId: null,
    startDate,
    levelSince,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'name');
      const field: ImportField = key === 'name' ? nameField : importFields.includes(key as ImportField) ? (key as ImportField) : nameField;
      if (reported.has(field) || (field === 'email' && !email) || (field === 'track' && track === null)) continue;
      add(
        field,
        issue.message.replace(/^./, (c) => c.toLowerCase()),
      );
    }
  }
  const managerText = cell(cells, mapping.managerEmail);
  return {
    row: rowNumber,
    email,
    existing,
    fields: parsed.success ? parsed.data : ({} as PersonFields),
    valid: valid && parsed.success,
    name,
    manager: managerText?.toLowerCase(),
    managerText,
    department: departmentText,
  };
}

function sameFields(a: Person, b: PersonFields): boolean {
  const keys = ['name', 'email', 'title', 'track', 'level', 'location', 'managerId', 'teamId', 'startDate', 'levelSince'] as const;
  const place = (p: PersonFields['placement']) => (p ? `${p.ladderId}/${p.trackId}/${p.levelId}/${p.against.hash}` : '');
  return keys.every((k) => (a[k] ?? undefined) === (b[k] ?? undefined)) && place(a.placement) === place(b.placement);
}

/** "Okafor, Maya" and "maya  okafor" both name Maya Okafor. */
function nameKey(name: string): string {
  const clean = name.trim().toLowerCase().replace(/\s+/g, ' ');
  const comma = /^([^,]+),\s*([^,]+)$/.exec(clean);
  return comma ? `${comma[2]} ${comma[1]}` : clean;
}

/** The date columns' cells, for detecting how the file writes dates. */
function dateCells(table: CsvTable, mapping: ColumnMapping): string[] {
  const columns = [mapping.startDate, mapping.levelSince].filter((c): c is number => c !== null);
  return table.rows.flatMap((cells) => columns.map((c) => (cells[c] ?? '').trim()));
}

/** How the file's dates will be read with these options, for the preview. */
export function dateReading(table: CsvTable, mapping: ColumnMapping, options: ImportOptions = {}): ImportPlan['dates'] {
  const detected = detectDateOrder(dateCells(table, mapping));
  return { ...detected, readAs: detected.order ?? options.dateOrder ?? null };
}

/**
 * Validates every row against the schema, the file (duplicate emails, managers defined
 * anywhere in it) and the people already stored (re-import by email, manager loops).
 * `newId` names people and teams the file creates. Never throws.
 */
export function planImport(table: CsvTable, mapping: ColumnMapping, existing: Person[], newId: () => string, options: ImportOptions = {}): ImportPlan {
  const problems: ImportProblem[] = [...table.problems, ...(table.headers.length > 0 ? mappingProblems(table, mapping) : [])];
  const dates = dateReading(table, mapping, options);
  const unknown = new Map<string, UnknownManager>();
  const unknownManagers = () => [...unknown.values()].sort((a, b) => b.rows.length - a.rows.length);
  const empty = (): ImportPlan => ({ problems, people: [], teams: [], dates, unknownManagers: unknownManagers(), created: 0, updated: 0, unchanged: 0 });
  if (problems.some((p) => p.row === null)) return empty();

  const byEmail = new Map(existing.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p]));
  const emailHeader = table.headers[mapping.email ?? -1] ?? 'email';
  const managerHeader = table.headers[mapping.managerEmail ?? -1] ?? 'manager email';
  const firstRowOf = new Map<string, number>();
  const drafts: RowDraft[] = [];
  const context: RowContext = { table, mapping, byEmail, order: dates.readAs, problems, dates: new Map(), placeOn: options.placeOn ?? null };
  table.rows.forEach((cells, i) => {
    if (isBlank(cells)) return;
    const rowNumber = i + 2;
    const draft = draftRow(cells, rowNumber, context);
    if (draft.email && firstRowOf.has(draft.email)) {
      problems.push({ row: rowNumber, column: emailHeader, message: `${draft.email} is already used in row ${firstRowOf.get(draft.email)}` });
      draft.valid = false;
    } else if (draft.email) firstRowOf.set(draft.email, rowNumber);
    drafts.push(draft);
  });
  if (dates.ambiguous && dates.readAs === null) {
    problems.push({
      row: null,
      column: null,
      message: `Dates such as ${dates.example} can be read month first or day first: choose how the file writes dates.`,
    });
  }

  // Ids first, so that managers defined later in the file resolve too.
  const valid = drafts.filter((d) => d.valid);
  const idOf = new Map<string, string>(Array.from(byEmail, ([email, p]) => [email, p.id]));
  for (const d of valid) if (!d.existing) idOf.set(d.email, newId());
  // Managers named instead of emailed (BambooHR's "Reporting to", Workday's "Manager").
  const idsByName = new Map<string, Set<string>>();
  const addName = (name: string, id: string) => idsByName.set(nameKey(name), (idsByName.get(nameKey(name)) ?? new Set()).add(id));
  const renamed = new Set(valid.map((d) => d.existing?.id));
  for (const p of existing) if (!renamed.has(p.id)) addName(p.name, p.id);
  for (const d of valid) addName(d.fields.name, idOf.get(d.email)!);
  const invalidNames = new Map(drafts.filter((d) => !d.valid && d.name).map((d) => [nameKey(d.name), d.row]));

  const me = options.me ?? null;
  const meKeys = new Set([...selfWords, ...(options.meAliases ?? []).map((a) => a.trim().toLowerCase())]);
  if (me?.email) meKeys.add(me.email.toLowerCase());
  const noteUnknown = (d: RowDraft) => {
    const key = d.manager!;
    const seen = unknown.get(key) ?? { text: d.managerText ?? key, key, rows: [] };
    seen.rows.push(d.row);
    unknown.set(key, seen);
  };
  const managerOf = (d: RowDraft): string | null | 'problem' => {
    if (d.manager === undefined) return d.existing?.managerId ?? null;
    if (d.manager === '') return null;
    if (me && meKeys.has(d.manager)) return me.id;
    if (d.manager.includes('@')) {
      const id = idOf.get(d.manager);
      if (id) return id;
      const known = firstRowOf.has(d.manager) ? ` (row ${firstRowOf.get(d.manager)} has problems of its own)` : '';
      if (!known) noteUnknown(d);
      problems.push({ row: d.row, column: managerHeader, message: `no person has the email ${d.manager}${known}` });
      return 'problem';
    }
    const ids = idsByName.get(nameKey(d.manager));
    if (ids && ids.size === 1) return [...ids][0]!;
    const shown = d.managerText;
    if (ids && ids.size > 1) {
      problems.push({ row: d.row, column: managerHeader, message: `more than one person is called ${shown}; use the manager's email instead` });
    } else {
      const known = invalidNames.has(nameKey(d.manager)) ? ` (row ${invalidNames.get(nameKey(d.manager))} has problems of its own)` : '';
      if (!known) noteUnknown(d);
      problems.push({ row: d.row, column: managerHeader, message: `no person is called ${shown}${known}` });
    }
    return 'problem';
  };

  const teamByName = new Map((options.teams ?? []).map((t) => [t.name.toLowerCase(), t.id]));
  const newTeams: { id: string; name: string }[] = [];
  const teamOf = (d: RowDraft): string | undefined => {
    if (d.department === undefined) return d.existing?.teamId;
    if (d.department === '') return undefined;
    const key = d.department.toLowerCase();
    let id = teamByName.get(key);
    if (!id) {
      id = newId();
      teamByName.set(key, id);
      newTeams.push({ id, name: d.department });
    }
    return id;
  };

  const planned: PlannedPerson[] = [];
  for (const d of drafts) {
    const managerId = managerOf(d);
    if (!d.valid || managerId === 'problem') continue;
    planned.push({ row: d.row, id: idOf.get(d.email)!, isNew: !d.existing, fields: { ...d.fields, managerId, teamId: teamOf(d) } });
  }

  problems.push(...loopProblems(planned, existing, managerHeader));
  // Read top to bottom like the file; within a row, in the order the checks found them.
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (problems.length > 0) return empty();
  const current = new Map(existing.map((p) => [p.id, p]));
  const changed = planned.filter((p) => p.isNew || !sameFields(current.get(p.id)!, p.fields));
  const created = changed.filter((p) => p.isNew).length;
  const usedTeams = new Set(changed.map((p) => p.fields.teamId));
  return {
    problems,
    people: changed,
    teams: newTeams.filter((t) => usedTeams.has(t.id)),
    dates,
    unknownManagers: [],
    created,
    updated: changed.length - created,
    unchanged: planned.length - changed.length,
  };
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
