/**
 * A ladder kept in a spreadsheet, saved as CSV or TSV, to a Trellis draft. Two layouts:
 *
 * - `grid`: one row per competency, one column per level (the way most ladders are drawn);
 *   the first columns may hold the competency's category and description.
 * - `rows`: one row per cell or per criterion, with columns such as Competency, Level, Criteria,
 *   and optionally Category, Track, Examples, Links, Expected (proficiency) and Id. Several rows for
 *   the same competency and level become separate criteria of that cell.
 *
 * Rows are numbered as the spreadsheet shows them (the first row is 1) and columns by letter.
 */
import Papa from 'papaparse';

import type { Progression } from '../schema';
import {
  atCell,
  cellName,
  draftYaml,
  emptySummary,
  idFrom,
  type ImportProblem,
  type ImportResult,
  keepOrDeriveId,
  saysNotApplicable,
  splitCriteria,
  summarize,
} from './common';

export type SpreadsheetLayout = 'grid' | 'rows';

export interface SpreadsheetMapping {
  delimiter: ',' | '\t' | ';';
  layout: SpreadsheetLayout;
  /** Row (1-based) holding the column headers; data starts below it. */
  headerRow: number;
  /** Columns are 1-based (A = 1). */
  competencyColumn: number;
  categoryColumn?: number;
  descriptionColumn?: number;
  /** grid: the level columns, lowest level first. */
  levelColumns: Array<{ column: number; id: string; title: string }>;
  /** rows: the columns of one cell or criterion. */
  levelColumn?: number;
  criteriaColumn?: number;
  examplesColumn?: number;
  linksColumn?: number;
  expectsColumn?: number;
  trackColumn?: number;
  idColumn?: number;
  /** rows: the level values found, lowest first, with the id and title each becomes. */
  levelValues: Array<{ value: string; id: string; title: string }>;
  /** rows: the track values found, with the id and name each becomes. */
  trackValues: Array<{ value: string; id: string; name: string }>;
  /** rows with an expects column: the steps of the expected-proficiency scale, lowest first. */
  steps: string[];
  ladder: { id: string; name: string };
  /** Written to the draft when set. */
  progression?: Progression;
}

export interface SpreadsheetOptions {
  /** The file's name: suggests the ladder's name and, for `.tsv`, the delimiter. */
  fileName?: string;
  /** Parts of the mapping to use instead of what is detected (from the mapping step of the import). */
  mapping?: Partial<SpreadsheetMapping>;
}

const normal = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Header spellings, compared without case, spaces or punctuation. */
const aliases = {
  competency: ['competency', 'competencies', 'skill', 'skills', 'topic', 'theme', 'dimension', 'attribute', 'behaviour', 'behavior', 'axis', 'name'],
  category: ['category', 'categories', 'group', 'area', 'pillar', 'section', 'family', 'domain'],
  description: ['description', 'competencydescription', 'about', 'summary', 'definition'],
  level: ['level', 'levels', 'grade', 'band', 'role', 'position', 'seniority'],
  criteria: [
    'criteria',
    'criterion',
    'expectation',
    'expectations',
    'behaviours',
    'behaviors',
    'text',
    'whatgoodlookslike',
    'indicator',
    'indicators',
    'signals',
  ],
  examples: ['example', 'examples'],
  links: ['link', 'links', 'url', 'urls', 'resources', 'furtherreading', 'supportingurls', 'reading'],
  expects: ['expects', 'expected', 'proficiency', 'expectedproficiency', 'expectedlevel', 'expectedstep', 'target'],
  track: ['track', 'tracks', 'path', 'careerpath', 'ladder'],
  id: ['id', 'uuid', 'criterionid', 'key'],
  ignore: ['notes', 'note', 'comments', 'comment', 'owner', 'status', 'lastupdated', 'updated'],
} as const;

type Field = keyof typeof aliases;

function findColumn(headers: string[], field: Field, taken: Set<number>): number | undefined {
  const wanted = aliases[field] as readonly string[];
  for (let i = 0; i < headers.length; i++) if (!taken.has(i + 1) && wanted.includes(normal(headers[i]!))) return i + 1;
  return undefined;
}

/** The FT's proficiency scale, lowest first: a known order when a sheet uses these words. */
const knownScales = [['awareness', 'foundational', 'working knowledge', 'practitioner', 'expert']];

function baseName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(csv|tsv|txt)$/i, '');
  return base.trim() === '' ? undefined : base.replace(/[_]+/g, ' ').trim();
}

interface Table {
  rows: string[][];
  problems: ImportProblem[];
  delimiter: SpreadsheetMapping['delimiter'];
}

function parseTable(text: string, fileName: string | undefined, delimiter: SpreadsheetMapping['delimiter'] | undefined): Table {
  const clean = text.replace(/^\uFEFF/, '');
  let chosen = delimiter;
  if (!chosen) {
    if (fileName && /\.tsv$/i.test(fileName)) chosen = '\t';
    else {
      const firstLine = clean.split('\n', 1)[0] ?? '';
      const count = (c: string) => firstLine.split(c).length - 1;
      chosen = count('\t') > 0 && count('\t') >= count(',') ? '\t' : count(';') > count(',') ? ';' : ',';
    }
  }
  const parsed = Papa.parse<string[]>(clean, { delimiter: chosen, skipEmptyLines: false });
  const rows = parsed.data.map((row) => (Array.isArray(row) ? row.map((c) => (typeof c === 'string' ? c : String(c ?? ''))) : []));
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter' || e.code === 'TooFewFields' || e.code === 'TooManyFields') continue;
    const row = typeof e.row === 'number' ? e.row + 1 : 1;
    const key = `${row}:${e.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      severity: 'error',
      ...atCell(row),
      message:
        e.code === 'MissingQuotes' || e.code === 'InvalidQuotes'
          ? `${cellName(row)}: a quoted cell is not closed, so the rest of the file may have been read into it`
          : `${cellName(row)}: the file could not be read here (${e.message.replace(/\.$/, '')})`,
      hint: 'a cell that contains line breaks, commas or quotes must be in double quotes, and a quote inside it is written twice ("")',
    });
  }
  return { rows, problems, delimiter: chosen };
}

/** Level ids kept as written when they already look like ids ("L3", "E5", "IC4"). */
function levelIdFor(title: string, used: Set<string>): string {
  return keepOrDeriveId(/^[A-Za-z]{0,4}\d{1,3}(\.\d+)?$/.test(title.trim()) ? title.trim() : undefined, title, used, 'level');
}

/** Natural order for values like "Level 2", "L10" when they all share one shape. */
function naturalOrder(values: string[]): string[] {
  const shape = (v: string) =>
    v
      .trim()
      .toLowerCase()
      .replace(/\d+(\.\d+)?/g, '#');
  const number = (v: string) => Number(/\d+(\.\d+)?/.exec(v)?.[0] ?? Number.NaN);
  if (values.length < 2 || !values.every((v) => shape(v) === shape(values[0]!) && !Number.isNaN(number(v)))) return values;
  return [...values].sort((a, b) => number(a) - number(b));
}

export function importSpreadsheet(text: string, options: SpreadsheetOptions = {}): ImportResult<SpreadsheetMapping> {
  const given = options.mapping ?? {};
  const name = given.ladder?.name ?? baseName(options.fileName) ?? 'Imported ladder';
  const ladder = { id: given.ladder?.id ?? idFrom(name, new Set(), 'imported-ladder'), name };
  const table = parseTable(typeof text === 'string' ? text : '', options.fileName, given.delimiter);
  const problems = [...table.problems];
  const empty = (layout: SpreadsheetLayout): ImportResult<SpreadsheetMapping> => ({
    yaml: '',
    shared: [],
    mapping: {
      delimiter: table.delimiter,
      layout,
      headerRow: 1,
      competencyColumn: 1,
      levelColumns: [],
      levelValues: [],
      trackValues: [],
      steps: [],
      ladder,
      ...given,
    },
    problems,
    summary: emptySummary(),
  });
  const headerIndex = given.headerRow !== undefined ? given.headerRow - 1 : table.rows.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 2);
  const headerCells = table.rows[headerIndex];
  if (!headerCells || headerCells.every((c) => c.trim() === '')) {
    problems.push({
      severity: 'error',
      ...atCell(Math.max(1, headerIndex + 1)),
      message: table.rows.length === 0 ? 'the file is empty' : 'no header row: no row names at least two columns',
      hint: 'the first row should name the columns: the competency, then one column per level (L1, L2, …), or Competency, Level and Criteria',
    });
    return empty(given.layout ?? 'grid');
  }
  const headers = headerCells.map((h) => h.trim());
  const headerRow = headerIndex + 1;
  const taken = new Set<number>();
  const pick = (field: Field, explicit: number | undefined) => {
    const column = explicit ?? findColumn(headers, field, taken);
    if (column !== undefined) taken.add(column);
    return column;
  };
  const levelColumn = pick('level', given.levelColumn);
  const criteriaColumn = pick('criteria', given.criteriaColumn);
  const layout: SpreadsheetLayout = given.layout ?? (levelColumn !== undefined && criteriaColumn !== undefined ? 'rows' : 'grid');
  if (layout === 'grid') {
    if (given.levelColumn === undefined && levelColumn !== undefined) taken.delete(levelColumn);
    if (given.criteriaColumn === undefined && criteriaColumn !== undefined) taken.delete(criteriaColumn);
  }
  const competencyColumn = pick('competency', given.competencyColumn) ?? firstFree(headers, taken);
  taken.add(competencyColumn);
  const categoryColumn = pick('category', given.categoryColumn);
  const descriptionColumn = pick('description', given.descriptionColumn);
  const data = table.rows.slice(headerIndex + 1).map((cells, i) => ({ row: headerRow + 1 + i, cells }));
  const cell = (cells: string[], column: number | undefined) => (column === undefined ? '' : (cells[column - 1] ?? '').trim());

  // Text beyond the last header: say so once per row, it is not imported.
  for (const { row, cells } of data) {
    const extra = cells.findIndex((c, i) => i >= headers.length && c.trim() !== '');
    if (extra >= 0)
      problems.push({
        severity: 'warning',
        ...atCell(row, extra + 1),
        message: `${cellName(row, extra + 1)} has text but its column has no header; it was left out`,
        hint: 'give the column a header in the header row, or remove the text',
      });
  }

  return layout === 'grid'
    ? importGrid({
        headers,
        headerRow,
        data,
        cell,
        ladder,
        given,
        problems,
        competencyColumn,
        categoryColumn,
        descriptionColumn,
        taken,
        delimiter: table.delimiter,
      })
    : importRows({
        headers,
        headerRow,
        data,
        cell,
        ladder,
        given,
        problems,
        competencyColumn,
        categoryColumn,
        descriptionColumn,
        levelColumn: levelColumn!,
        criteriaColumn: criteriaColumn!,
        taken,
        delimiter: table.delimiter,
      });
}

function firstFree(headers: string[], taken: Set<number>): number {
  for (let i = 0; i < headers.length; i++) if (!taken.has(i + 1) && headers[i] !== '') return i + 1;
  return 1;
}

interface Context {
  headers: string[];
  headerRow: number;
  data: Array<{ row: number; cells: string[] }>;
  cell: (cells: string[], column: number | undefined) => string;
  ladder: { id: string; name: string };
  given: Partial<SpreadsheetMapping>;
  problems: ImportProblem[];
  competencyColumn: number;
  categoryColumn?: number;
  descriptionColumn?: number;
  taken: Set<number>;
  delimiter: SpreadsheetMapping['delimiter'];
}

interface DraftCompetency {
  id: string;
  name: string;
  category?: string;
  description?: string;
  tracks?: string[];
  scale?: string;
  levels: Record<string, Record<string, unknown>>;
  /** Where it was first seen, for messages. */
  row: number;
}

function competencyFor(
  ctx: Context,
  byName: Map<string, DraftCompetency>,
  used: Set<string>,
  row: number,
  name: string,
  categories: Map<string, string>,
  categoryIds: Set<string>,
  category: string,
  description: string,
): DraftCompetency {
  const key = name.toLowerCase();
  let competency = byName.get(key);
  if (!competency) {
    competency = { id: idFrom(name, used, 'competency'), name, levels: {}, row };
    byName.set(key, competency);
  }
  if (category !== '' && competency.category === undefined) {
    let id = categories.get(category.toLowerCase());
    if (!id) {
      id = idFrom(category, categoryIds, 'category');
      categories.set(category.toLowerCase(), id);
    }
    competency.category = id;
  }
  if (description !== '' && competency.description === undefined) competency.description = description;
  return competency;
}

function importGrid(ctx: Context): ImportResult<SpreadsheetMapping> {
  const { headers, data, cell, given, problems } = ctx;
  const levelIds = new Set<string>();
  const ignored = new Set(['examples', 'links', 'id', 'ignore'].flatMap((f) => aliases[f as Field] as readonly string[]));
  const levelColumns =
    given.levelColumns ??
    headers.flatMap((header, i) => {
      const column = i + 1;
      if (ctx.taken.has(column) || header === '' || ignored.has(normal(header))) return [];
      return [{ column, id: levelIdFor(header, levelIds), title: header }];
    });
  const mapping: SpreadsheetMapping = {
    delimiter: ctx.delimiter,
    layout: 'grid',
    headerRow: ctx.headerRow,
    competencyColumn: ctx.competencyColumn,
    ...(ctx.categoryColumn !== undefined ? { categoryColumn: ctx.categoryColumn } : {}),
    ...(ctx.descriptionColumn !== undefined ? { descriptionColumn: ctx.descriptionColumn } : {}),
    levelColumns,
    levelValues: [],
    trackValues: [],
    steps: [],
    ladder: ctx.ladder,
    ...(given.progression ? { progression: given.progression } : {}),
  };
  if (levelColumns.length === 0) {
    problems.push({
      severity: 'error',
      ...atCell(ctx.headerRow),
      message: `${cellName(ctx.headerRow)} names no level: after the competency column, each column should be a level`,
      hint: 'put the level names (for example L1, L2, L3) in the header row, lowest level first',
    });
    return { yaml: '', shared: [], mapping, problems, summary: emptySummary() };
  }
  const byName = new Map<string, DraftCompetency>();
  const used = new Set<string>();
  const categories = new Map<string, string>();
  const categoryIds = new Set<string>();
  for (const { row, cells } of data) {
    const name = cell(cells, ctx.competencyColumn);
    const texts = levelColumns.map((l) => ({ level: l, text: cell(cells, l.column) }));
    if (name === '') {
      const first = texts.find((t) => t.text !== '');
      if (first)
        problems.push({
          severity: 'warning',
          ...atCell(row, ctx.competencyColumn),
          message: `${cellName(row, ctx.competencyColumn)}: the row has criteria but no competency name; it was left out`,
          hint: 'write the competency in the first column of the row',
        });
      continue;
    }
    const known = byName.get(name.toLowerCase());
    if (known)
      problems.push({
        severity: 'warning',
        ...atCell(row, ctx.competencyColumn),
        message: `${cellName(row, ctx.competencyColumn)}: "${name}" appears again (first in row ${known.row}); its cells were added to it`,
      });
    const competency = competencyFor(
      ctx,
      byName,
      used,
      row,
      name,
      categories,
      categoryIds,
      cell(cells, ctx.categoryColumn),
      cell(cells, ctx.descriptionColumn),
    );
    for (const { level, text } of texts) {
      if (text === '') continue;
      const existing = competency.levels[level.id];
      if (saysNotApplicable(text)) {
        if (!existing) competency.levels[level.id] = { notApplicable: true };
        continue;
      }
      const criteria = splitCriteria(text);
      if (existing && 'criteria' in existing) {
        const before = existing.criteria as string | string[];
        existing.criteria = [...(Array.isArray(before) ? before : [before]), ...(Array.isArray(criteria) ? criteria : [criteria])];
      } else competency.levels[level.id] = { criteria };
    }
  }
  const trackId = idFrom(ctx.ladder.name, new Set(), 'main');
  const draft = {
    id: ctx.ladder.id,
    name: ctx.ladder.name,
    ...(mapping.progression ? { progression: mapping.progression } : {}),
    tracks: [{ id: trackId, name: ctx.ladder.name }],
    levels: levelColumns.map((l) => ({ id: l.id, ...(l.title !== l.id ? { title: l.title } : {}) })),
    ...(categories.size > 0 ? { categories: [...categories.entries()].map(([, id]) => ({ id, name: categoryName(data, ctx, id, categories) })) } : {}),
    competencies: [...byName.values()].map(toFile),
  };
  if (draft.competencies.length === 0) {
    problems.push({
      severity: 'error',
      ...atCell(ctx.headerRow + 1),
      message: 'no competencies: no row below the header names one',
      hint: 'write one competency per row',
    });
    return { yaml: '', shared: [], mapping, problems, summary: emptySummary() };
  }
  return { yaml: render(draft, 'a spreadsheet (one row per competency, one column per level)'), shared: [], mapping, problems, summary: summarize(draft) };
}

function categoryName(data: Context['data'], ctx: Context, id: string, categories: Map<string, string>): string {
  for (const [lower, categoryId] of categories) {
    if (categoryId !== id) continue;
    for (const { cells } of data) {
      const value = ctx.cell(cells, ctx.categoryColumn);
      if (value.toLowerCase() === lower) return value;
    }
  }
  return id;
}

function toFile(c: DraftCompetency): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    ...(c.category !== undefined ? { category: c.category } : {}),
    ...(c.description !== undefined ? { description: c.description } : {}),
    ...(c.tracks ? { tracks: c.tracks } : {}),
    ...(c.scale ? { scale: c.scale } : {}),
    levels: c.levels,
  };
}

function render(draft: Record<string, unknown>, from: string): string {
  return draftYaml(draft, [`Imported by Trellis from ${from}.`, 'Check it, then save it; Trellis checks it as you edit. See docs/ladder-format.md.']);
}

/** Examples or links in one cell: a list, or one per line. */
function splitLines(text: string): string[] {
  const split = splitCriteria(text);
  if (Array.isArray(split)) return split;
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** "Title | https://…", "[Title](https://…)", "Title https://…" or a bare address. */
function parseLink(line: string): { title: string; url: string } | undefined {
  const markdown = /^\[([^\]]+)\]\((\S+)\)$/.exec(line);
  if (markdown) return { title: markdown[1]!.trim(), url: markdown[2]! };
  const piped = /^(.*?)\s*[|]\s*(\S+)$/.exec(line);
  if (piped && piped[1]!.trim() !== '') return { title: piped[1]!.trim(), url: piped[2]! };
  const trailing = /^(.*?)\s+(https?:\/\/\S+)$/.exec(line);
  if (trailing && trailing[1]!.trim() !== '') return { title: trailing[1]!.replace(/[-–:]\s*$/, '').trim(), url: trailing[2]! };
  if (/^\S+$/.test(line)) return { title: line, url: line };
  return undefined;
}

function importRows(ctx: Context & { levelColumn: number; criteriaColumn: number }): ImportResult<SpreadsheetMapping> {
  const { data, cell, given, problems } = ctx;
  const pick = (field: Field, explicit: number | undefined) => {
    const column = explicit ?? findColumn(ctx.headers, field, ctx.taken);
    if (column !== undefined) ctx.taken.add(column);
    return column;
  };
  const examplesColumn = pick('examples', given.examplesColumn);
  const linksColumn = pick('links', given.linksColumn);
  const expectsColumn = pick('expects', given.expectsColumn);
  const trackColumn = pick('track', given.trackColumn);
  const idColumn = pick('id', given.idColumn);

  // Levels and tracks, in the order a reader of the sheet meets them.
  const levelSeen: string[] = [];
  const trackSeen: string[] = [];
  for (const { cells } of data) {
    const level = cell(cells, ctx.levelColumn);
    if (level !== '' && !levelSeen.some((l) => l.toLowerCase() === level.toLowerCase())) levelSeen.push(level);
    const track = cell(cells, trackColumn);
    if (track !== '' && !trackSeen.some((t) => t.toLowerCase() === track.toLowerCase())) trackSeen.push(track);
  }
  const levelIds = new Set<string>();
  const levelValues = given.levelValues ?? naturalOrder(levelSeen).map((value) => ({ value, id: levelIdFor(value, levelIds), title: value }));
  const trackIds = new Set<string>();
  const trackValues = given.trackValues ?? trackSeen.map((value) => ({ value, id: idFrom(value, trackIds, 'track'), name: value }));
  const levelOf = new Map(levelValues.map((l) => [l.value.toLowerCase(), l]));
  const trackOf = new Map(trackValues.map((t) => [t.value.toLowerCase(), t]));

  // Expected steps: a known scale's order when the words match it, else the order met going up the levels.
  const stepsSeen: string[] = [];
  if (expectsColumn !== undefined) {
    const byLevel = [...data].sort(
      (a, b) =>
        levelValues.findIndex((l) => l.value.toLowerCase() === cell(a.cells, ctx.levelColumn).toLowerCase()) -
        levelValues.findIndex((l) => l.value.toLowerCase() === cell(b.cells, ctx.levelColumn).toLowerCase()),
    );
    for (const { cells } of byLevel) {
      const value = cell(cells, expectsColumn);
      if (value !== '' && !stepsSeen.some((s) => s.toLowerCase() === value.toLowerCase())) stepsSeen.push(value);
    }
  }
  const known = knownScales.find((scale) => stepsSeen.length > 0 && stepsSeen.every((s) => scale.includes(s.toLowerCase())));
  let steps = given.steps ?? (known ? known.map((k) => stepsSeen.find((s) => s.toLowerCase() === k) ?? titleCase(k)) : stepsSeen);
  if (expectsColumn !== undefined && steps.length === 1) {
    problems.push({
      severity: 'warning',
      ...atCell(ctx.headerRow, expectsColumn),
      message: `${cellName(ctx.headerRow, expectsColumn)}: the column has one value only ("${steps[0]}"), so it says nothing a scale could compare; it was left out`,
      hint: 'a scale needs at least two steps: list them in the mapping, lowest first',
    });
    steps = [];
  }
  const stepIds = new Set<string>();
  const stepOf = new Map(steps.map((s) => [s.toLowerCase(), idFrom(s, stepIds, 'step')]));

  const mapping: SpreadsheetMapping = {
    delimiter: ctx.delimiter,
    layout: 'rows',
    headerRow: ctx.headerRow,
    competencyColumn: ctx.competencyColumn,
    ...(ctx.categoryColumn !== undefined ? { categoryColumn: ctx.categoryColumn } : {}),
    ...(ctx.descriptionColumn !== undefined ? { descriptionColumn: ctx.descriptionColumn } : {}),
    levelColumns: [],
    levelColumn: ctx.levelColumn,
    criteriaColumn: ctx.criteriaColumn,
    ...(examplesColumn !== undefined ? { examplesColumn } : {}),
    ...(linksColumn !== undefined ? { linksColumn } : {}),
    ...(expectsColumn !== undefined ? { expectsColumn } : {}),
    ...(trackColumn !== undefined ? { trackColumn } : {}),
    ...(idColumn !== undefined ? { idColumn } : {}),
    levelValues,
    trackValues,
    steps,
    ladder: ctx.ladder,
    ...(given.progression ? { progression: given.progression } : {}),
  };

  const byName = new Map<string, DraftCompetency>();
  const used = new Set<string>();
  const categories = new Map<string, string>();
  const categoryIds = new Set<string>();
  const criterionIds = new Set<string>();
  /** competency id → level id → track ids seen (empty = every track). */
  const levelTracks = new Map<string, Set<string>>();
  const competencyTracks = new Map<string, Set<string>>();
  const expectsAt = new Map<string, { value: string; row: number }>();
  for (const { row, cells } of data) {
    const name = cell(cells, ctx.competencyColumn);
    const levelText = cell(cells, ctx.levelColumn);
    const text = cell(cells, ctx.criteriaColumn);
    const expected = cell(cells, expectsColumn);
    if (cells.every((c) => c.trim() === '')) continue;
    if (name === '') {
      problems.push({
        severity: 'warning',
        ...atCell(row, ctx.competencyColumn),
        message: `${cellName(row, ctx.competencyColumn)}: no competency named; the row was left out`,
      });
      continue;
    }
    const level = levelOf.get(levelText.toLowerCase());
    if (!level) {
      problems.push({
        severity: 'warning',
        ...atCell(row, ctx.levelColumn),
        message:
          levelText === ''
            ? `${cellName(row, ctx.levelColumn)}: no level named; the row was left out`
            : `${cellName(row, ctx.levelColumn)}: "${levelText}" is not one of the mapped levels; the row was left out`,
      });
      continue;
    }
    if (text === '' && expected === '') {
      problems.push({
        severity: 'warning',
        ...atCell(row, ctx.criteriaColumn),
        message: `${cellName(row, ctx.criteriaColumn)}: no criteria and no expected proficiency; the row was left out`,
      });
      continue;
    }
    const competency = competencyFor(
      ctx,
      byName,
      used,
      row,
      name,
      categories,
      categoryIds,
      cell(cells, ctx.categoryColumn),
      cell(cells, ctx.descriptionColumn),
    );
    const trackText = cell(cells, trackColumn);
    const track = trackText === '' ? undefined : trackOf.get(trackText.toLowerCase());
    if (trackText !== '' && !track)
      problems.push({
        severity: 'warning',
        ...atCell(row, trackColumn),
        message: `${cellName(row, trackColumn)}: "${trackText}" is not one of the mapped tracks; the row counts for every track`,
      });
    const key = `${competency.id}\u0000${level.id}`;
    if (!levelTracks.has(level.id)) levelTracks.set(level.id, new Set());
    if (!competencyTracks.has(competency.id)) competencyTracks.set(competency.id, new Set());
    if (track) {
      levelTracks.get(level.id)!.add(track.id);
      competencyTracks.get(competency.id)!.add(track.id);
    } else {
      levelTracks.get(level.id)!.add('*');
      competencyTracks.get(competency.id)!.add('*');
    }
    const target = (competency.levels[level.id] ??= {});
    if (expected !== '' && steps.length > 0) {
      const stepId = stepOf.get(expected.toLowerCase());
      const before = expectsAt.get(key);
      if (!stepId)
        problems.push({
          severity: 'warning',
          ...atCell(row, expectsColumn),
          message: `${cellName(row, expectsColumn)}: "${expected}" is not a step of the mapped scale; it was left out`,
        });
      else if (before && before.value.toLowerCase() !== expected.toLowerCase())
        problems.push({
          severity: 'warning',
          ...atCell(row, expectsColumn),
          message: `${cellName(row, expectsColumn)}: "${expected}" differs from "${before.value}" in row ${before.row} for the same competency and level; row ${before.row}'s is used`,
        });
      else if (!before) {
        expectsAt.set(key, { value: expected, row });
        target.expects = stepId;
      }
    }
    if (text === '') continue;
    if (saysNotApplicable(text)) {
      if (!('criteria' in target)) target.notApplicable = true;
      continue;
    }
    delete target.notApplicable;
    const examples = examplesColumn === undefined ? [] : splitLines(cell(cells, examplesColumn));
    const links: Array<{ title: string; url: string }> = [];
    if (linksColumn !== undefined) {
      for (const line of splitLines(cell(cells, linksColumn))) {
        const link = parseLink(line);
        if (link) links.push(link);
        else
          problems.push({
            severity: 'warning',
            ...atCell(row, linksColumn),
            message: `${cellName(row, linksColumn)}: "${line}" is not a link; write "Title | https://…"`,
          });
      }
    }
    const idText = cell(cells, idColumn);
    const id = idText === '' ? undefined : keepOrDeriveId(idText, text, criterionIds, 'criterion');
    const pieces = splitCriteria(text);
    const texts = Array.isArray(pieces) ? pieces : [pieces];
    const items = texts.map((t, i) => ({
      ...(id !== undefined ? { id: texts.length === 1 ? id : `${id}-${i + 1}` } : {}),
      text: t,
      ...(i === texts.length - 1 && examples.length > 0 ? { examples } : {}),
      ...(i === texts.length - 1 && links.length > 0 ? { links } : {}),
    }));
    const list = (target.criteria as unknown[] | undefined) ?? [];
    target.criteria = [...list, ...items];
  }

  // Simplest form: a cell with one criterion without id, examples or links is one text.
  for (const competency of byName.values()) {
    for (const [levelId, value] of Object.entries(competency.levels)) {
      const list = value.criteria as Array<Record<string, unknown>> | undefined;
      // Criteria with nothing but their text are written as plain list entries.
      if (list) value.criteria = list.map((item) => (Object.keys(item).length === 1 ? item.text : item));
      if (list && list.length === 1 && Object.keys(list[0]!).length === 1) value.criteria = list[0]!.text;
      if (Object.keys(value).length === 0) delete competency.levels[levelId];
    }
    const tracks = competencyTracks.get(competency.id);
    if (tracks && !tracks.has('*') && tracks.size > 0 && tracks.size < trackValues.length) competency.tracks = [...tracks];
  }

  // Levels seen on every track (or with no track) are the trunk; the others belong to their track.
  const allTracks = trackValues.map((t) => t.id);
  const trackOfLevel = new Map<string, string | undefined>();
  for (const level of levelValues) {
    const seen = levelTracks.get(level.id) ?? new Set(['*']);
    if (allTracks.length === 0 || seen.has('*') || seen.size === allTracks.length) trackOfLevel.set(level.id, undefined);
    else if (seen.size === 1) trackOfLevel.set(level.id, [...seen][0]);
    else {
      trackOfLevel.set(level.id, undefined);
      problems.push({
        severity: 'warning',
        message: `level "${level.value}" appears on tracks ${[...seen].join(' and ')} but not on every track; it was made a level of every track`,
        hint: 'check the Track column of its rows',
      });
    }
  }
  // Shared levels are the trunk, below the fork: listed first, and on every track.
  const trunk = levelValues.filter((l) => trackOfLevel.get(l.id) === undefined);
  const own = levelValues.filter((l) => trackOfLevel.get(l.id) !== undefined);
  const levelOrder = [...trunk, ...own].map((l) => l.id);
  for (const competency of byName.values()) competency.levels = inOrder(competency.levels, levelOrder);
  const tracks =
    allTracks.length === 0 ? [{ id: idFrom(ctx.ladder.name, new Set(), 'main'), name: ctx.ladder.name }] : trackValues.map((t) => ({ id: t.id, name: t.name }));
  const draft = {
    id: ctx.ladder.id,
    name: ctx.ladder.name,
    ...(mapping.progression ? { progression: mapping.progression } : {}),
    ...(steps.length > 0 && expectsColumn !== undefined
      ? {
          scales: [
            {
              id: 'proficiency',
              name: ctx.headers[expectsColumn - 1] || 'Proficiency',
              steps: steps.map((s) => ({ id: stepOf.get(s.toLowerCase())!, label: s })),
            },
          ],
        }
      : {}),
    tracks,
    levels: [...trunk, ...own].map((l) => ({
      id: l.id,
      ...(l.title !== l.id ? { title: l.title } : {}),
      ...(trackOfLevel.get(l.id) ? { track: trackOfLevel.get(l.id) } : {}),
    })),
    ...(categories.size > 0 ? { categories: [...categories.entries()].map(([, id]) => ({ id, name: categoryName(data, ctx, id, categories) })) } : {}),
    competencies: [...byName.values()].map(toFile),
  };
  if (draft.competencies.length === 0 || levelValues.length === 0) {
    problems.push({
      severity: 'error',
      ...atCell(ctx.headerRow + 1),
      message: 'no criteria found: no row names a competency, a level and criteria',
      hint: `the columns read are ${[ctx.competencyColumn, ctx.levelColumn, ctx.criteriaColumn].map((c) => `${ctx.headers[c - 1] || '?'} (${cellName(ctx.headerRow, c).split(', ')[1]})`).join(', ')}`,
    });
    return { yaml: '', shared: [], mapping, problems, summary: emptySummary() };
  }
  return { yaml: render(draft, 'a spreadsheet (one row per criterion)'), shared: [], mapping, problems, summary: summarize(draft) };
}

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Cells in level order, each with its keys in the order the format documents them. */
function inOrder(levels: Record<string, Record<string, unknown>>, order: string[]): Record<string, Record<string, unknown>> {
  const result: Record<string, Record<string, unknown>> = {};
  const keys = ['criteria', 'examples', 'links', 'expects', 'notApplicable', 'reason'];
  for (const id of [...order, ...Object.keys(levels).filter((k) => !order.includes(k))]) {
    const cell = levels[id];
    if (!cell) continue;
    const sorted: Record<string, unknown> = {};
    for (const key of [...keys, ...Object.keys(cell)]) if (key in cell && !(key in sorted)) sorted[key] = cell[key];
    result[id] = sorted;
  }
  return result;
}
