/**
 * When a file has schema errors, its problems are already reported; we still want reference, order
 * and duplicate problems in the SAME run. So we keep every list item that is valid on its own (at its
 * original index, so positions stay right) and remember the ids of the broken ones, so a reference to
 * a broken level is not reported a second time as "unknown level".
 */
import type { z } from 'zod';

import type { Located } from './context';
import {
  type CategoryFile,
  categoryFileSchema,
  changelogEntryFileSchema,
  type CompetencyFile,
  competencyFileSchema,
  type LadderFile,
  ladderFileSchema,
  type LevelFile,
  levelFileSchema,
  type ScaleFile,
  scaleFileSchema,
  type TrackFile,
  trackFileSchema,
} from './schema';
import type { ParsedFile } from './source';
import { closest } from './suggest';

export interface FileItems {
  scales: Located<ScaleFile>[];
  categories: Located<CategoryFile>[];
  competencies: Located<CompetencyFile>[];
  tracks: Located<TrackFile>[];
  levels: Located<LevelFile>[];
}

const itemSchemas = {
  scales: scaleFileSchema,
  categories: categoryFileSchema,
  competencies: competencyFileSchema,
  tracks: trackFileSchema,
  levels: levelFileSchema,
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Items of a file that validated as a whole: every item, in order. */
export function itemsOf(file: ParsedFile, data: Partial<Record<keyof FileItems, unknown[]>>): FileItems {
  const pick = <K extends keyof FileItems>(key: K) => (data[key] ?? []).map((value, index) => ({ value, file, path: [key, index] })) as FileItems[K];
  return { scales: pick('scales'), categories: pick('categories'), competencies: pick('competencies'), tracks: pick('tracks'), levels: pick('levels') };
}

/** The valid items of a file with errors; ids of broken items go to `broken`. */
export function salvageItems(file: ParsedFile, keys: ReadonlyArray<keyof FileItems>, broken: Set<string>): FileItems {
  const root = isRecord(file.value) ? file.value : {};
  const result: FileItems = { scales: [], categories: [], competencies: [], tracks: [], levels: [] };
  for (const key of keys) {
    const list = root[key] ?? misspelt(root, key);
    if (!Array.isArray(list)) continue;
    const schema = itemSchemas[key] as z.ZodType;
    list.forEach((item, index) => {
      const parsed = parseOrRepair(schema, item, broken);
      if (parsed !== undefined) (result[key] as Located<unknown>[]).push({ value: parsed, file, path: [key, index] });
      else markBroken(item, broken);
    });
  }
  return result;
}

/** The list under a misspelt top-level key ("categoris"), already reported as an unknown key. */
function misspelt(root: Record<string, unknown>, key: string): unknown {
  const candidate = Object.keys(root).find((k) => !(k in ladderFileSchema.shape) && closest(k, [key]) === key);
  return candidate === undefined ? undefined : root[candidate];
}

/**
 * An item whose only faults are unknown keys or broken cells is still usable for the other checks:
 * drop those keys and cells (already reported) and try again. Anything else makes the item broken.
 */
function parseOrRepair(schema: z.ZodType, item: unknown, broken: Set<string>): unknown {
  const first = schema.safeParse(item);
  if (first.success) return first.data;
  if (!isRecord(item)) return undefined;
  const copy: Record<string, unknown> = { ...item };
  const cells = isRecord(item.levels) ? { ...item.levels } : undefined;
  if (cells) copy.levels = cells;
  // A misspelt required key ("nme" for "name") is read as the key it was meant to be.
  const missing = new Set(
    first.error.issues.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 1 && item[String(i.path[0])] === undefined ? [String(i.path[0])] : [])),
  );
  for (const issue of first.error.issues) {
    const [head, levelId] = issue.path;
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const k of issue.keys) {
        const meant = closest(k, missing);
        if (meant !== undefined) copy[meant] = item[k];
        delete copy[k];
      }
    } else if (head === 'levels' && cells && typeof levelId === 'string') {
      delete cells[levelId];
      if (typeof item.id === 'string') broken.add(brokenCellKey(item.id, levelId));
    } else if (head === 'ranks' && isRecord(copy.ranks) && typeof levelId === 'string') {
      // A broken rank cell: drop it (reported already); the levels it would fill are not known here.
      const ranks = { ...copy.ranks };
      delete ranks[levelId];
      copy.ranks = ranks;
    } else if (!(issue.code === 'invalid_type' && issue.path.length === 1 && missing.has(String(head)))) return undefined;
  }
  const second = schema.safeParse(copy);
  return second.success ? second.data : undefined;
}

function markBroken(item: unknown, broken: Set<string>): void {
  if (!isRecord(item)) return;
  if (typeof item.id === 'string') broken.add(item.id);
  // A broken level's sub-levels are unknown too.
  if (Array.isArray(item.subLevels)) for (const sub of item.subLevels) if (isRecord(sub) && typeof sub.id === 'string') broken.add(sub.id);
}

/** Root fields of a ladder file with errors, with neutral stand-ins where they are broken. */
export function salvageLadderRoot(file: ParsedFile): LadderFile | null {
  if (!isRecord(file.value)) return null;
  const root = file.value;
  const text = (key: string) => (typeof root[key] === 'string' && (root[key] as string).trim() !== '' ? (root[key] as string) : '');
  const changelog = Array.isArray(root.changelog)
    ? root.changelog.flatMap((c) => {
        const parsed = changelogEntryFileSchema.safeParse(c);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  return {
    id: text('id'),
    name: text('name'),
    version: text('version') || undefined,
    changelog,
    defaultScale: typeof root.defaultScale === 'string' ? root.defaultScale : undefined,
    tracks: [],
    levels: [],
  };
}

/** Marks a cell dropped for its errors, so the level is not also reported as having no criteria. */
export function brokenCellKey(competencyId: string, levelId: string): string {
  return `cell\u0000${competencyId}\u0000${levelId}`;
}
