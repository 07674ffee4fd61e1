/**
 * The Financial Times' job-family YAML (github.com/Financial-Times/engineering-progression,
 * `data/job-families/*.yml`) to a Trellis draft. A job family has `levels` (id, name), `themes`
 * (id, name, summary) and `competencies`: entries that each name a level and a theme, with a
 * `summary`, a `proficiency` and, in the older format, `examples` and `supportingUrls`.
 *
 * Themes become competencies, each entry a criterion (its UUID kept as the criterion's id), the
 * proficiency the cell's `expects` on the FT's five-step scale. Levels named "… (Individual
 * Contributor)" and "… (People Manager)" (ids ending -ic / -pm) fork into tracks; a level after
 * them with neither joins the track of the level before it (Technology Director follows the
 * people-manager levels). Anything else the FT writes is kept as `x-ft-…` keys.
 */
import { LineCounter, parseDocument } from 'yaml';

import type { Progression } from '../schema';
import { explainYamlErrors } from '../yaml-messages';
import {
  addNotApplicableBelow,
  asText,
  draftYaml,
  emptySummary,
  extensionKey,
  idFrom,
  type ImportProblem,
  type ImportResult,
  isRecord,
  keepOrDeriveId,
  positionIn,
  summarize,
} from './common';

export interface FtMapping {
  ladder: { id: string; name: string };
  tracks: Array<{ id: string; name: string }>;
  /** Each FT level: the Trellis id and title it becomes, its track (none: shared by every track) and rank. */
  levels: Array<{ sourceId: string; id: string; title: string; track?: string; rank: number }>;
  /** Proficiency words, lowest first: the steps of the scale `expects` uses. */
  proficiency: string[];
  progression: Progression;
  /** Split a summary written as a numbered list ("1. … 2. …") into separate criteria. */
  splitNumbered: boolean;
  /** Levels below a theme's first entries: not applicable (the source says nothing there) or left out. */
  belowFirst: 'not-applicable' | 'leave-out';
}

export interface FtOptions {
  fileName?: string;
  mapping?: Partial<FtMapping>;
}

/** The FT's proficiency levels, lowest first (competencies/how-to-use on the FT's site). */
export const ftProficiency = ['Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert'];

const trackSuffixes: Array<{ pattern: RegExp; idSuffix: RegExp; id: string; name: string }> = [
  { pattern: /\(\s*individual contributor\s*\)/i, idSuffix: /-ic$/i, id: 'ic', name: 'Individual Contributor' },
  { pattern: /\(\s*people manager\s*\)/i, idSuffix: /-pm$/i, id: 'pm', name: 'People Manager' },
];

const knownEntryKeys = new Set(['id', 'level', 'theme', 'summary', 'proficiency', 'examples', 'supportingUrls']);
const knownRootKeys = new Set(['name', 'summary', 'levels', 'themes', 'competencies', 'isLegacy', 'googleSheetId']);

export function importFtJobFamily(text: string, options: FtOptions = {}): ImportResult<FtMapping> {
  const given = options.mapping ?? {};
  const problems: ImportProblem[] = [];
  const source = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  for (const e of explainYamlErrors(source, lineCounter, doc.errors)) {
    const pos = lineCounter.linePos(e.start);
    problems.push({ severity: 'error', line: pos.line, column: pos.col, message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
  }
  let value: unknown;
  try {
    value = doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 200 });
  } catch {
    problems.push({ severity: 'error', line: 1, column: 1, message: 'anchors and aliases expand to too much data' });
  }
  const at = (path: (string | number)[]) => positionIn(doc, lineCounter, path);
  const name = given.ladder?.name ?? (isRecord(value) ? asText(value.name) : undefined) ?? 'Imported job family';
  const ladder = given.ladder ?? { id: idFrom(name, new Set(), 'imported-ladder'), name };
  const fallback: FtMapping = {
    ladder,
    tracks: [],
    levels: [],
    proficiency: [],
    progression: 'restated',
    splitNumbered: true,
    belowFirst: 'not-applicable',
    ...given,
  };
  const fail = (message: string, hint?: string, path: (string | number)[] = []) => {
    problems.push({ severity: 'error', ...at(path), message, ...(hint ? { hint } : {}) });
    return { yaml: '', shared: [], mapping: fallback, problems, summary: emptySummary() };
  };
  if (value === undefined) return { yaml: '', shared: [], mapping: fallback, problems, summary: emptySummary() };
  if (!isRecord(value)) return fail('this is not an FT job family: the file should be a mapping with name, levels, themes and competencies');
  const rawLevels = Array.isArray(value.levels) ? value.levels : [];
  const rawThemes = Array.isArray(value.themes) ? value.themes : [];
  const rawEntries = Array.isArray(value.competencies) ? value.competencies : [];
  if (rawLevels.length === 0) return fail('the job family has no levels', 'an FT job family lists `levels:` with an id and a name each', ['levels']);
  if (rawThemes.length === 0) return fail('the job family has no themes', 'an FT job family lists `themes:` with an id and a name each', ['themes']);

  // Levels and the tracks they fork into.
  const levelIds = new Set<string>();
  const detected: FtMapping['levels'] = [];
  const tracks: FtMapping['tracks'] = [];
  let currentTrack: string | undefined;
  /** Levels that differ only by their track suffix ("… (Individual Contributor)") share a rank. */
  const ranks = new Map<string, { rank: number; tracks: Set<string | undefined> }>();
  let top = 0;
  const lastRank = new Map<string | undefined, number>();
  const seenSource = new Set<string>();
  rawLevels.forEach((level, index) => {
    if (!isRecord(level) || asText(level.id) === undefined) {
      problems.push({ severity: 'warning', ...at(['levels', index]), message: `level ${index + 1} has no id; it was left out` });
      return;
    }
    const sourceId = asText(level.id)!;
    if (seenSource.has(sourceId)) {
      problems.push({ severity: 'warning', ...at(['levels', index, 'id']), message: `level "${sourceId}" is listed twice; the second was left out` });
      return;
    }
    seenSource.add(sourceId);
    const title = asText(level.name) ?? sourceId;
    const suffix = trackSuffixes.find((t) => t.pattern.test(title) || t.idSuffix.test(sourceId));
    if (suffix) {
      if (!tracks.some((t) => t.id === suffix.id)) tracks.push({ id: suffix.id, name: suffix.name });
      currentTrack = suffix.id;
    }
    const base = title
      .replace(/\([^)]*\)/g, '')
      .trim()
      .toLowerCase();
    const known = ranks.get(base);
    let rank: number;
    const last = lastRank.get(currentTrack) ?? lastRank.get(undefined) ?? 0;
    if (suffix && known && !known.tracks.has(currentTrack) && known.rank > last) {
      rank = known.rank;
      known.tracks.add(currentTrack);
    } else {
      rank = ++top;
      ranks.set(base, { rank, tracks: new Set([currentTrack]) });
    }
    lastRank.set(currentTrack, rank);
    detected.push({ sourceId, id: keepOrDeriveId(sourceId, title, levelIds, 'level'), title, ...(currentTrack ? { track: currentTrack } : {}), rank });
  });
  const levels = given.levels ?? detected;
  if (levels.length === 0) return fail('none of the levels could be read', 'each level needs an `id` and a `name`', ['levels']);
  const levelOf = new Map(levels.map((l) => [l.sourceId, l]));
  const mappedTracks = given.tracks ?? (tracks.length > 0 ? tracks : []);

  // Themes: the competencies.
  const competencyIds = new Set<string>();
  const themes = new Map<string, { id: string; name: string; description?: string; extra: Record<string, unknown> }>();
  rawThemes.forEach((theme, index) => {
    const id = isRecord(theme) ? asText(theme.id) : undefined;
    if (!isRecord(theme) || id === undefined) {
      problems.push({ severity: 'warning', ...at(['themes', index]), message: `theme ${index + 1} has no id; it was left out` });
      return;
    }
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(theme)) if (!['id', 'name', 'summary'].includes(k)) extra[extensionKey('ft', k)] = v;
    const summary = asText(theme.summary);
    themes.set(id, {
      id: keepOrDeriveId(id, asText(theme.name) ?? id, competencyIds, 'competency'),
      name: asText(theme.name) ?? id,
      ...(summary ? { description: summary } : {}),
      extra,
    });
  });

  // Entries: criteria per level × theme.
  type Entry = { level: string; theme: string; item: Record<string, unknown>; proficiency?: string; index: number; texts: number };
  const cells = new Map<string, Entry[]>();
  const criterionIds = new Set<string>();
  const proficiencySeen: string[] = [];
  const splitNumbered = given.splitNumbered ?? true;
  rawEntries.forEach((entry, index) => {
    if (!isRecord(entry)) {
      problems.push({ severity: 'warning', ...at(['competencies', index]), message: `competency entry ${index + 1} is not a mapping; it was left out` });
      return;
    }
    const levelId = asText(entry.level);
    const themeId = asText(entry.theme);
    const summary = asText(entry.summary);
    const level = levelId === undefined ? undefined : levelOf.get(levelId);
    const theme = themeId === undefined ? undefined : themes.get(themeId);
    const where = asText(entry.id) ?? `entry ${index + 1}`;
    if (!level || !theme || summary === undefined) {
      const why = !level
        ? levelId === undefined
          ? 'names no level'
          : `names level "${levelId}", which the job family does not list`
        : !theme
          ? themeId === undefined
            ? 'names no theme'
            : `names theme "${themeId}", which the job family does not list`
          : 'has no summary';
      problems.push({ severity: 'warning', ...at(['competencies', index]), message: `competency ${where} ${why}; it was left out` });
      return;
    }
    const proficiency = asText(entry.proficiency);
    if (proficiency !== undefined && !proficiencySeen.some((p) => p.toLowerCase() === proficiency.toLowerCase())) proficiencySeen.push(proficiency);
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(entry)) if (!knownEntryKeys.has(k)) extra[extensionKey('ft', k)] = v;
    const examples = Array.isArray(entry.examples) ? entry.examples.map(asText).filter((e): e is string => e !== undefined) : [];
    const links = Array.isArray(entry.supportingUrls)
      ? entry.supportingUrls.flatMap((u) => {
          if (!isRecord(u) || asText(u.url) === undefined) return [];
          return [{ title: asText(u.label) ?? asText(u.url)!, url: asText(u.url)! }];
        })
      : [];
    const pieces = splitNumbered ? numberedItems(summary) : [summary];
    const sourceId = asText(entry.id);
    const key = `${level.id}\u0000${theme.id}`;
    const list = cells.get(key) ?? [];
    pieces.forEach((piece, i) => {
      const wanted = sourceId === undefined ? undefined : pieces.length === 1 ? sourceId : `${sourceId}-${i + 1}`;
      const id = wanted === undefined ? undefined : keepOrDeriveId(wanted, piece, criterionIds, 'criterion');
      if (wanted !== undefined && id !== wanted)
        problems.push({
          severity: 'warning',
          ...at(['competencies', index, 'id']),
          message: `criterion id "${wanted}" is used twice or is not a valid id; "${id}" was used instead`,
        });
      const last = i === pieces.length - 1;
      list.push({
        level: level.id,
        theme: theme.id,
        index,
        texts: pieces.length,
        ...(proficiency !== undefined ? { proficiency } : {}),
        item: {
          ...(id !== undefined ? { id } : {}),
          text: piece,
          ...(last && examples.length > 0 ? { examples } : {}),
          ...(last && links.length > 0 ? { links } : {}),
          ...(last ? extra : {}),
        },
      });
    });
    cells.set(key, list);
  });

  const known = proficiencySeen.every((p) => ftProficiency.some((f) => f.toLowerCase() === p.toLowerCase()));
  let proficiency = given.proficiency ?? (proficiencySeen.length === 0 ? [] : known ? ftProficiency : proficiencySeen);
  if (proficiency.length === 1) {
    problems.push({
      severity: 'warning',
      line: 1,
      column: 1,
      message: `every entry has the same proficiency ("${proficiency[0]}"), which is not the FT's scale; it was left out`,
      hint: 'a scale needs at least two steps: list them in the mapping, lowest first',
    });
    proficiency = [];
  }
  const stepIds = new Set<string>();
  const stepOf = new Map(proficiency.map((p) => [p.toLowerCase(), idFrom(p, stepIds, 'step')]));
  const manyPerCell = [...cells.values()].some((list) => new Set(list.map((e) => e.index)).size > 1);
  const progression = given.progression ?? (manyPerCell ? 'incremental' : 'restated');
  const belowFirst = given.belowFirst ?? 'not-applicable';
  const mapping: FtMapping = { ladder, tracks: mappedTracks, levels, proficiency, progression, splitNumbered, belowFirst };

  // Each theme's cells, lowest level first; levels below its first cell are not applicable.
  const competencies = [...themes.values()].map((theme) => {
    const cellsOf: Record<string, Record<string, unknown>> = {};
    for (const level of levels) {
      const list = cells.get(`${level.id}\u0000${theme.id}`);
      if (!list) continue;
      const profs = [...new Set(list.map((e) => e.proficiency).filter((p): p is string => p !== undefined))];
      const cell: Record<string, unknown> = {};
      const items = list.map((e) => e.item);
      cell.criteria = items.length === 1 && Object.keys(items[0]!).length === 1 ? items[0]!.text : items;
      if (profs.length > 0) {
        const stepId = stepOf.get(profs[0]!.toLowerCase());
        if (stepId) cell.expects = stepId;
        else
          problems.push({
            severity: 'warning',
            ...at(['competencies', list[0]!.index, 'proficiency']),
            message: `proficiency "${profs[0]}" is not a step of the mapped scale; it was left out`,
          });
        if (profs.length > 1) {
          problems.push({
            severity: 'warning',
            ...at(['competencies', list[0]!.index, 'proficiency']),
            message: `theme "${theme.id}" at level "${level.sourceId}" mixes proficiencies (${profs.join(', ')}); "${profs[0]}" is the cell's, each criterion keeps its own as x-ft-proficiency`,
          });
          list.forEach((e) => {
            if (e.proficiency !== undefined) e.item[extensionKey('ft', 'proficiency')] = e.proficiency;
          });
        }
      }
      cellsOf[level.id] = cell;
    }
    if (belowFirst === 'not-applicable') addNotApplicableBelow(cellsOf, levels, mappedTracks);
    return { id: theme.id, name: theme.name, ...(theme.description ? { description: theme.description } : {}), ...theme.extra, levels: cellsOf };
  });

  const rootExtra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!knownRootKeys.has(k)) rootExtra[extensionKey('ft', k)] = v;
  if (value.googleSheetId !== undefined) rootExtra[extensionKey('ft', 'google-sheet-id')] = value.googleSheetId;
  const description = asText(value.summary);
  const trackList = mappedTracks.length > 0 ? mappedTracks : [{ id: idFrom(ladder.name, new Set(), 'main'), name: ladder.name }];
  const draft = {
    id: ladder.id,
    name: ladder.name,
    ...(description ? { description } : {}),
    ...(value.isLegacy === true ? { status: 'legacy' } : {}),
    progression,
    ...rootExtra,
    ...(proficiency.length > 0
      ? { scales: [{ id: 'proficiency', name: 'Proficiency', steps: proficiency.map((p) => ({ id: stepOf.get(p.toLowerCase())!, label: p })) }] }
      : {}),
    tracks: trackList,
    levels: orderLevels(levels).map((l) => ({ id: l.id, title: l.title, ...(l.track ? { track: l.track } : {}), rank: l.rank })),
    competencies,
  };
  if (competencies.length === 0) return fail('no themes could be read', undefined, ['themes']);
  return {
    yaml: draftYaml(draft, [
      `Imported by Trellis from the Financial Times job-family file ${options.fileName ?? ''}`.trimEnd() + '.',
      'Check it, then save it; Trellis checks it as you edit. See docs/ladder-format.md.',
    ]),
    shared: [],
    mapping,
    problems,
    summary: summarize(draft),
  };
}

/** "1. Writes … \n 2. Uses …" (blank lines allowed between) → separate criteria; anything else stays one. */
function numberedItems(summary: string): string[] {
  const lines = summary.split(/\r?\n/);
  const numbered = lines.filter((l) => /^\s*\d+[.)]\s+/.test(l));
  if (numbered.length < 2) return [summary.trim()];
  const items: string[] = [];
  for (const line of lines) {
    if (/^\s*\d+[.)]\s+/.test(line)) items.push(line.replace(/^\s*\d+[.)]\s+/, '').trim());
    else if (line.trim() !== '' && items.length > 0) items[items.length - 1] = `${items[items.length - 1]} ${line.trim()}`;
    else if (line.trim() !== '') items.push(line.trim());
  }
  return items;
}

/** Trellis lists the shared trunk first, then each track's own levels (in the source's order). */
function orderLevels(levels: FtMapping['levels']): FtMapping['levels'] {
  return [...levels.filter((l) => !l.track), ...levels.filter((l) => l.track)];
}
