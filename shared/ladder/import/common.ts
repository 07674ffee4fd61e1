/**
 * What the importers share: the result they return, how they name things (ids from titles,
 * spreadsheet column letters), how a block of text becomes separate criteria, and writing the
 * draft as Trellis YAML. Importers are pure and never throw: every problem becomes an entry with
 * where it is (row and column for spreadsheets, line and column for YAML and Markdown sources).
 */
import { Document, isMap, isSeq, type LineCounter, type Node, type ParsedNode } from 'yaml';

import { idPattern } from '../schema';

export interface ImportProblem {
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
  /** 1-based spreadsheet row (the header is row 1) or source line. */
  row?: number;
  line?: number;
  /** 1-based column; spreadsheets also give its letter. */
  column?: number;
  columnLetter?: string;
  /** The source file, when an import reads several. */
  file?: string;
}

export interface DraftFile {
  /** Suggested path, relative to the ladders folder (`shared/…` for included files). */
  path: string;
  yaml: string;
}

export interface ImportSummary {
  tracks: number;
  levels: number;
  competencies: number;
  /** Cells written (level × competency). */
  cells: number;
  /** Criteria items written. */
  criteria: number;
}

export interface ImportResult<Mapping> {
  /** The Trellis ladder draft; '' when nothing usable was found (see problems). */
  yaml: string;
  /** Files the draft includes (e.g. a generic framework as a shared file), to save next to it. */
  shared: DraftFile[];
  /** The mapping used: what was detected, or what the caller gave. Pass it back, edited, to re-import. */
  mapping: Mapping;
  problems: ImportProblem[];
  summary: ImportSummary;
}

/** "A", …, "Z", "AA" for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = Math.max(1, Math.floor(column));
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `row 3, column B` for messages. */
export function cellName(row: number, column?: number): string {
  return column === undefined ? `row ${row}` : `row ${row}, column ${columnLetter(column)}`;
}

export function atCell(row: number, column?: number): Pick<ImportProblem, 'row' | 'column' | 'columnLetter'> {
  return { row, ...(column !== undefined ? { column, columnLetter: columnLetter(column) } : {}) };
}

/** Emoji and pictographs that frameworks put in titles ("🛠️ Mastery"). */
const pictographs = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu;

export function plainTitle(text: string): string {
  return text.replace(pictographs, '').replace(/\s+/g, ' ').trim();
}

/** An id from a title: "Senior Engineer 1" → "senior-engineer-1"; unique within `used`. */
export function idFrom(text: string, used: Set<string>, fallback = 'item'): string {
  const base =
    plainTitle(text)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-._]+$/g, '')
      .replace(/-{2,}/g, '-')
      .slice(0, 60)
      .replace(/[-._]+$/g, '') || fallback;
  const safe = idPattern.test(base) ? base : fallback;
  let id = safe;
  for (let n = 2; used.has(id); n++) id = `${safe}-${n}`;
  used.add(id);
  return id;
}

/** Keeps a source's id when it is a valid Trellis id and not taken yet; otherwise derives one. */
export function keepOrDeriveId(sourceId: unknown, title: string, used: Set<string>, fallback?: string): string {
  if (typeof sourceId === 'string' && idPattern.test(sourceId) && sourceId.length <= 80 && !used.has(sourceId)) {
    used.add(sourceId);
    return sourceId;
  }
  return idFrom(typeof sourceId === 'string' && sourceId.trim() !== '' ? sourceId : title, used, fallback);
}

const bullet = /^\s*(?:[-*•–·]|\d+[.)])\s+/;
const notApplicableWords = new Set(['n/a', 'na', 'not applicable', '-', '—', '–', 'none', 'not expected']);

/** True for the ways spreadsheets say "does not apply here". */
export function saysNotApplicable(text: string): boolean {
  return notApplicableWords.has(text.trim().toLowerCase());
}

/**
 * A cell's text as criteria: a list when it is written as one (two or more lines starting with
 * "-", "*", "•" or "1."), one text otherwise. Lines that do not start a new item continue the one
 * before.
 */
export function splitCriteria(text: string): string | string[] {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  const lines = trimmed.split('\n');
  const starts = lines.filter((l) => bullet.test(l)).length;
  // A list from its first line; a lead-in line ("Raises the bar:") makes it one Markdown text.
  if (starts < 2 || !bullet.test(lines[0]!)) return trimmed;
  const items: string[] = [];
  for (const line of lines) {
    if (bullet.test(line)) items.push(line.replace(bullet, '').trim());
    else if (line.trim() === '') continue;
    else items[items.length - 1] = `${items[items.length - 1]} ${line.trim()}`;
  }
  return items.filter((i) => i !== '');
}

/** Source-specific values kept as `x-<source>-<key>`: valid keys only, plain JSON values. */
export function extensionKey(source: string, key: string): string {
  return `x-${source}-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** The YAML text of a draft, with a header saying where it came from and what to do with it. */
export function draftYaml(value: Record<string, unknown>, header: string[], schemaPath = './ladder.schema.json'): string {
  const doc = new Document(value);
  doc.commentBefore = [` yaml-language-server: $schema=${schemaPath}`, '', ...header.map((h) => ` ${h}`)].join('\n');
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

/** 1-based line and column of the node at `path` in a parsed document, for problems in a YAML source. */
export function positionIn(
  doc: { contents: ParsedNode | null },
  lineCounter: LineCounter,
  path: readonly (string | number)[],
): { line: number; column: number } {
  let node: Node | null = doc.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      node = item;
    } else break;
  }
  const offset = node?.range?.[0] ?? 0;
  const pos = lineCounter.linePos(offset);
  return { line: Math.max(1, pos.line), column: Math.max(1, pos.col) };
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const asText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

export function emptySummary(): ImportSummary {
  return { tracks: 0, levels: 0, competencies: 0, cells: 0, criteria: 0 };
}

/** Counts what a draft holds, for "12 competencies, 8 levels, 96 criteria" in the preview. */
export function summarize(draft: {
  tracks?: unknown[];
  levels?: unknown[];
  competencies?: Array<{ levels?: Record<string, unknown>; ranks?: Record<string, unknown> }>;
}): ImportSummary {
  let cells = 0;
  let criteria = 0;
  for (const c of draft.competencies ?? []) {
    for (const cell of [...Object.values(c.levels ?? {}), ...Object.values(c.ranks ?? {})]) {
      cells++;
      const value = isRecord(cell) ? cell.criteria : undefined;
      criteria += Array.isArray(value) ? value.length : typeof value === 'string' ? 1 : 0;
    }
  }
  return { tracks: draft.tracks?.length ?? 0, levels: draft.levels?.length ?? 0, competencies: draft.competencies?.length ?? 0, cells, criteria };
}

/**
 * Levels below a competency's lowest cell, on each track: the source says nothing is expected
 * there, which Trellis writes as not applicable (rather than a gap the checker warns about).
 */
export function addNotApplicableBelow(
  cells: Record<string, Record<string, unknown>>,
  levels: Array<{ id: string; track?: string }>,
  tracks: Array<{ id: string }>,
): void {
  const trackIds = tracks.length > 0 ? tracks.map((t) => t.id) : [undefined];
  const lowest = new Set<string>();
  for (const trackId of trackIds) {
    const onTrack = levels.filter((l) => !l.track || l.track === trackId);
    const firstWritten = onTrack.findIndex((l) => cells[l.id] !== undefined);
    if (firstWritten > 0) lowest.add(onTrack[0]!.id);
    if (firstWritten < 0 && onTrack[0]) lowest.add(onTrack[0].id);
  }
  for (const id of lowest) if (!cells[id]) cells[id] = { notApplicable: true };
  // Keep the cells in level order.
  const ordered = Object.fromEntries(levels.filter((l) => cells[l.id]).map((l) => [l.id, cells[l.id]!]));
  for (const key of Object.keys(cells)) delete cells[key];
  Object.assign(cells, ordered);
}
