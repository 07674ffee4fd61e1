/** Resolving competencies (`extends`, references) and the cell of every track × competency × level. */
import { indexById, type Located, type Reporter } from './context';
import { allExamples, allLinks, type CellCriteria, criteriaOf, criteriaText, type WrittenAt } from './criteria';
import { extensionsAt } from './extensions';
import type { Criterion, LadderCategory, LadderCompetency, RatingScale, ResolvedCell, SourcePosition } from './model';
import { positionOf } from './positions';
import type { Frame } from './resolve-structure';
import { brokenCellKey } from './salvage';
import type { CategoryFile, CellFile, CompetencyFile } from './schema';
import { closest, isLikelyTypo } from './suggest';

/** A cell as written (or merged from several written cells with `add: true`), before inheritance. */
interface ExplicitCell {
  levelId: string;
  kind: 'defined' | 'not-applicable';
  items: Criterion[];
  /** True when the criteria are one text, not a list (its text is the resolved criteria as written). */
  textCell: boolean;
  examples: string[];
  links: { title: string; url: string }[];
  expects?: string | number;
  reason?: string;
  at: Located<CellFile>;
  source: SourcePosition | undefined;
  extensions?: Record<string, unknown>;
}

interface Effective {
  item: Located<CompetencyFile>;
  name?: string;
  description?: string;
  category?: string;
  tracks?: string[];
  scale?: string;
  weight?: number;
  points?: number;
  cells: Map<string, ExplicitCell>;
}

export interface CompetencyResult {
  categories: LadderCategory[];
  competencies: LadderCompetency[];
  cells: ResolvedCell[];
}

export function resolveCompetencies(
  categoryItems: Located<CategoryFile>[],
  competencyItems: Located<CompetencyFile>[],
  frame: Frame,
  scales: ReadonlyMap<string, RatingScale>,
  defaultScaleId: string,
  report: Reporter,
): CompetencyResult {
  const categoriesById = indexById(categoryItems, 'category', report);
  const byId = indexById(competencyItems, 'competency', report);
  for (const item of byId.values()) checkOwnReferences(item, categoriesById, frame, scales, byId, report);
  checkCriterionIds([...byId.values()], report);

  const effective = new Map<string, Effective>();
  const inCycle = new Set<string>();
  const resolve = (id: string, chain: string[]): Effective | undefined => {
    const done = effective.get(id);
    if (done) return done;
    const item = byId.get(id);
    if (!item) return undefined;
    const baseId = item.value.extends;
    let base: Effective | undefined;
    if (baseId !== undefined && byId.has(baseId)) {
      if (chain.includes(baseId) || baseId === id) {
        const cycle = [...chain, id].slice(chain.indexOf(baseId) < 0 ? chain.length : chain.indexOf(baseId));
        for (const member of cycle) inCycle.add(member);
        report.error(
          item,
          ['extends'],
          'extends-cycle',
          `"extends" cycle: ${[...cycle, baseId].join(' → ')}`,
          'a competency cannot extend itself, directly or through others',
        );
      } else base = resolve(baseId, [...chain, id]);
    }
    const result = merge(item, base, frame, report);
    effective.set(id, result);
    return result;
  };
  for (const id of byId.keys()) resolve(id, []);

  const competencies: LadderCompetency[] = [];
  for (const e of effective.values()) {
    if (e.item.value.abstract === true) continue;
    if (inCycle.has(e.item.value.id)) continue; // what it would inherit is unknowable; the cycle is reported
    if (e.name === undefined)
      report.error(e.item, ['id'], 'required', `competency "${e.item.value.id}" has no name`, 'add "name", or "extends" a competency that has one');
    // Sources without categories (the FT's themes, Monzo's topics) need none; once a ladder has
    // categories, every competency belongs to one.
    if (e.category === undefined && categoriesById.size > 0)
      report.error(
        e.item,
        ['id'],
        'required',
        `competency "${e.item.value.id}" has no category`,
        `add "category" with one of: ${[...categoriesById.keys()].join(', ')}`,
      );
    competencies.push(toCompetency(e, frame, defaultScaleId));
  }
  const concrete = new Set(competencies.map((c) => c.id));
  checkTrackReferences(frame, concrete, report);
  return {
    categories: [...categoriesById.values()].map((c) => withExtensions({ id: c.value.id, name: c.value.name, description: c.value.description }, c)),
    competencies,
    cells: frame.open ? [] : resolveCells(competencies, effective, frame, scales, report),
  };
}

function withExtensions<T extends object>(value: T, at: Located<unknown>): T & { extensions?: Record<string, unknown> } {
  const extensions = extensionsAt(at.file.raw, at.path);
  return extensions ? { ...value, extensions } : value;
}

function checkOwnReferences(
  item: Located<CompetencyFile>,
  categories: ReadonlyMap<string, unknown>,
  frame: Frame,
  scales: ReadonlyMap<string, unknown>,
  competencies: ReadonlyMap<string, unknown>,
  report: Reporter,
): void {
  const v = item.value;
  if (v.category !== undefined) report.reference(item, ['category'], 'category', v.category, categories);
  if (v.scale !== undefined) report.reference(item, ['scale'], 'scale', v.scale, scales);
  if (v.extends !== undefined) report.reference(item, ['extends'], 'competency', v.extends, competencies);
  for (const key of Object.keys(v.ranks ?? {})) {
    if (rankOf(key) === undefined)
      report.error(item, ['ranks', key], 'invalid-value', `"${key}" is not a rank`, 'ranks are the numbers given as `rank` on levels, such as 1, 2 or 3', true);
  }
  if (frame.open) return;
  (v.tracks ?? []).forEach((trackId, index) => report.reference(item, ['tracks', index], 'track', trackId, frame.tracksById));
  const shared = frame.entryFile !== undefined && item.file !== frame.entryFile;
  for (const key of Object.keys(v.ranks ?? {})) {
    const rank = rankOf(key);
    if (rank === undefined || frame.levels.some((l) => l.rank === rank)) continue;
    report.warning(
      item,
      ['ranks', key],
      'unused-cell',
      `no level of ladder "${frame.ladderId ?? ''}" has rank ${key}, so this cell is not used there`,
      frame.levels.some((l) => l.rank !== undefined) ? undefined : 'give the levels a `rank` so cells written per rank can find them',
      true,
    );
  }
  for (const levelId of Object.keys(v.levels ?? {})) {
    if (frame.levelsById.has(levelId) || report.broken.has(levelId)) continue;
    const parent = frame.subLevelParents?.get(levelId);
    if (parent !== undefined) {
      report.error(
        item,
        ['levels', levelId],
        'unknown-reference',
        `"${levelId}" is a sub-level of "${parent}"; criteria are written per level`,
        `use "${parent}" as the key`,
        true,
      );
      continue;
    }
    // A shared file may describe more levels than a given ladder has: its extra cells go unused.
    // But a near miss ("L3 " for "L3", "senior1" for "senior-1") is a typo that would silently
    // drop the cell, so it is an error.
    if (shared) {
      const meant = [...frame.levelsById.keys()].find((known) => isLikelyTypo(levelId, known));
      if (meant !== undefined) {
        report.error(
          item,
          ['levels', levelId],
          'unknown-reference',
          `level "${levelId}" is not in ladder "${frame.ladderId ?? ''}"`,
          `did you mean "${meant}"? As written, this cell would not be used`,
          true,
        );
      } else {
        report.warning(
          item,
          ['levels', levelId],
          'unused-cell',
          `level "${levelId}" is not in ladder "${frame.ladderId ?? ''}", so this cell is not used there`,
          undefined,
          true,
        );
      }
    } else report.reference(item, ['levels', levelId], 'level', levelId, frame.levelsById, true);
  }
}

/** A rank key: "3" or "3.5" (YAML gives numeric keys as text). */
function rankOf(key: string): number | undefined {
  if (!/^\s*-?\d+(\.\d+)?\s*$/.test(key)) return undefined;
  const n = Number(key);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * An id written on a criterion names one criterion of one competency: evidence points at it. The
 * same id may come back at a higher level of that competency, worded for that level; it may not
 * appear twice in one cell, or in another competency.
 */
function checkCriterionIds(items: Located<CompetencyFile>[], report: Reporter): void {
  const seen = new Map<string, { at: Located<unknown>; competencyId: string; cell: string }>();
  for (const item of items) {
    for (const [group, cells] of [
      ['levels', item.value.levels],
      ['ranks', item.value.ranks],
    ] as const) {
      for (const [key, cell] of Object.entries(cells ?? {})) {
        if (!('criteria' in cell) || !Array.isArray(cell.criteria)) continue;
        const cellKey = `${group}\u0000${key}`;
        cell.criteria.forEach((entry, index) => {
          if (typeof entry === 'string' || entry.id === undefined) return;
          const here: Located<unknown> = { value: entry, file: item.file, path: [...item.path, group, key, 'criteria', index] };
          const first = seen.get(entry.id);
          if (!first) {
            seen.set(entry.id, { at: here, competencyId: item.value.id, cell: cellKey });
            return;
          }
          if (first.competencyId === item.value.id && first.cell !== cellKey) return;
          const where = report.where({ ...first.at, path: [...first.at.path, 'id'] }, here);
          report.error(
            here,
            ['id'],
            'duplicate-id',
            first.competencyId === item.value.id
              ? `criterion id "${entry.id}" is used twice in this cell`
              : `criterion id "${entry.id}" is already used by competency "${first.competencyId}"`,
            `first used at ${where}; an id names one criterion of one competency (it may come back at its other levels)`,
          );
        });
      }
    }
  }
}

/** One written cell (at a level, or at a rank applied to a level) as an explicit cell. */
function explicitFrom(item: Located<CompetencyFile>, group: 'levels' | 'ranks', key: string, levelId: string, frame: Frame): ExplicitCell {
  const cell = (item.value[group] ?? {})[key]!;
  const at: Located<CellFile> = { value: cell, file: item.file, path: [...item.path, group, key] };
  const extensions = extensionsAt(item.file.raw, at.path);
  const base = { levelId, at, ...(extensions ? { extensions } : {}) };
  if ('notApplicable' in cell) {
    return {
      ...base,
      kind: 'not-applicable',
      items: [],
      textCell: true,
      examples: [],
      links: [],
      reason: cell.reason,
      source: positionOf(at.file, [...at.path, 'notApplicable']),
    };
  }
  const written: WrittenAt =
    group === 'levels'
      ? { ladderId: frame.ladderId ?? '', competencyId: item.value.id, levelId: key }
      : { ladderId: frame.ladderId ?? '', competencyId: item.value.id, rank: rankOf(key) };
  const criteria: CellCriteria = criteriaOf(cell, at, written);
  const textCell = typeof cell.criteria !== 'object';
  const sourceKey = cell.criteria !== undefined ? 'criteria' : cell.expects !== undefined ? 'expects' : undefined;
  return {
    ...base,
    kind: 'defined',
    items: criteria.items,
    textCell,
    examples: allExamples(criteria, textCell),
    links: allLinks(criteria, textCell),
    expects: cell.expects,
    source: positionOf(at.file, sourceKey ? [...at.path, sourceKey] : at.path),
  };
}

/** `add: true`: the criteria below come first, then this cell's; its own expects wins. */
function added(below: ExplicitCell | undefined, own: ExplicitCell, report: Reporter, what: string): ExplicitCell {
  const cell = own.at.value;
  if (!('add' in cell) || cell.add !== true) return own;
  if (!below || below.kind !== 'defined') {
    report.warning(
      own.at,
      ['add'],
      'nothing-to-add',
      `"add: true" has nothing to add to: ${what} has no other criteria at level "${own.levelId}"`,
      'these criteria are used as they are; remove "add" or check the level',
      true,
    );
    return own;
  }
  return {
    ...own,
    items: [...below.items, ...own.items],
    textCell: false,
    examples: [...below.examples, ...own.examples],
    links: [...below.links, ...own.links],
    expects: own.expects ?? below.expects,
  };
}

function merge(item: Located<CompetencyFile>, base: Effective | undefined, frame: Frame, report: Reporter): Effective {
  const v = item.value;
  const cells = new Map(base?.cells ?? []);
  if (!frame.open) {
    const what = `competency "${v.id}"`;
    const fromBase = new Map(cells);
    // Rank cells first, for every level with that rank; then level cells, which win over them.
    const rankCells = new Map<string, ExplicitCell>();
    for (const key of Object.keys(v.ranks ?? {})) {
      const rank = rankOf(key);
      if (rank === undefined) continue;
      for (const level of frame.levels) {
        if (level.rank !== rank) continue;
        const own = explicitFrom(item, 'ranks', key, level.id, frame);
        rankCells.set(level.id, added(fromBase.get(level.id), own, report, what));
      }
    }
    for (const [levelId, cell] of rankCells) cells.set(levelId, cell);
    for (const levelId of Object.keys(v.levels ?? {})) {
      if (!frame.levelsById.has(levelId)) continue;
      const own = explicitFrom(item, 'levels', levelId, levelId, frame);
      cells.set(levelId, added(rankCells.get(levelId) ?? fromBase.get(levelId), own, report, what));
    }
  }
  return {
    item,
    name: v.name ?? base?.name,
    description: v.description ?? base?.description,
    category: v.category ?? base?.category,
    tracks: v.tracks ?? base?.tracks,
    scale: v.scale ?? base?.scale,
    weight: v.weight ?? base?.weight,
    points: v.points ?? base?.points,
    cells,
  };
}

function toCompetency(e: Effective, frame: Frame, defaultScaleId: string): LadderCompetency {
  return withExtensions(
    {
      id: e.item.value.id,
      name: e.name ?? e.item.value.id,
      description: e.description,
      categoryId: e.category ?? '',
      trackIds: e.tracks ?? frame.tracks.map((t) => t.id),
      scaleId: e.scale ?? defaultScaleId,
      weight: e.weight,
      points: e.points,
      extendsId: e.item.value.extends,
      source: positionOf(e.item.file, e.item.path),
    },
    e.item,
  );
}

function checkTrackReferences(frame: Frame, competencies: ReadonlySet<string>, report: Reporter): void {
  for (const track of frame.tracksById.values()) {
    (track.value.emphasis ?? []).forEach((e, i) => report.reference(track, ['emphasis', i, 'competency'], 'competency', e.competency, competencies));
    (track.value.archetypes ?? []).forEach((a, i) =>
      (a.competencies ?? []).forEach((c, j) => report.reference(track, ['archetypes', i, 'competencies', j], 'competency', c, competencies)),
    );
  }
}

function resolveCells(
  competencies: LadderCompetency[],
  effective: Map<string, Effective>,
  frame: Frame,
  scales: ReadonlyMap<string, RatingScale>,
  report: Reporter,
): ResolvedCell[] {
  const cells: ResolvedCell[] = [];
  const reported = new Set<string>();
  const once = (cell: ExplicitCell, what: string) => {
    const key = `${cell.at.file.path}\u0000${JSON.stringify(cell.at.path)}\u0000${what}`;
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  };
  for (const competency of competencies) {
    const e = effective.get(competency.id)!;
    const scale = scales.get(competency.scaleId);
    warnUnusedCells(e, competency, frame, report);
    const empty = new Set<string>();
    for (const cell of e.cells.values()) {
      if (cell.kind === 'defined' && cell.items.length === 0 && cell.expects === undefined) {
        empty.add(cell.levelId);
        if (once(cell, 'empty'))
          report.error(
            cell.at,
            [],
            'required',
            `the cell of competency "${competency.id}" at level "${cell.levelId}" has no criteria`,
            'add "criteria", or "expects: <step>", or mark it notApplicable: true',
          );
      } else if (cell.expects !== undefined && scale && once(cell, 'expects')) checkExpects(cell, competency, scale, report);
    }
    // A competency written only through its scale's steps (Snowflake style) has no cells, on purpose.
    const scaleOnly = e.cells.size === 0 && frame.scoring === true;
    for (const track of frame.tracks) {
      if (!competency.trackIds.includes(track.id)) continue;
      let below: ExplicitCell | undefined;
      let warned = scaleOnly;
      let highest: { cell: ExplicitCell; index: number } | undefined;
      for (const levelId of track.levelIds) {
        const explicit = empty.has(levelId) ? undefined : e.cells.get(levelId);
        if (report.broken.has(brokenCellKey(competency.id, levelId)) || empty.has(levelId)) warned = true; // its errors are reported already
        if (explicit) below = explicit;
        else if (!below && !warned) {
          warned = true;
          report.warning(
            e.item,
            ['id'],
            'missing-cell',
            `competency "${competency.id}" has no criteria at level "${levelId}" or below on track "${track.id}"`,
            'add criteria for the lowest level, or mark it notApplicable: true',
          );
        }
        if (explicit?.kind === 'not-applicable') highest = undefined;
        else if (explicit?.expects !== undefined && scale) {
          const index = stepIndex(scale, explicit.expects);
          if (index !== undefined) {
            if (highest && index < highest.index && once(explicit, 'expects-down')) {
              report.warning(
                explicit.at,
                ['expects'],
                'expects-down',
                `competency "${competency.id}" expects "${String(explicit.expects)}" at level "${levelId}", lower than "${String(highest.cell.expects)}" at level "${highest.cell.levelId}" on track "${track.id}"`,
                'expectations usually rise along a track: check the step, or say in the criteria why it is lower',
              );
            }
            if (!highest || index >= highest.index) highest = { cell: explicit, index };
          }
        }
        cells.push(cellFrom(track.id, competency.id, levelId, below, explicit !== undefined));
      }
    }
  }
  return cells;
}

/** Position of an expected value on a scale, for "does it go down?". */
function stepIndex(scale: RatingScale, expects: string | number): number | undefined {
  if (scale.kind === 'numeric') return typeof expects === 'number' ? expects : undefined;
  const index = scale.steps.findIndex((s) => s.id === expects);
  return index < 0 ? undefined : index;
}

function checkExpects(cell: ExplicitCell, competency: LadderCompetency, scale: RatingScale, report: Reporter): void {
  const expects = cell.expects!;
  if (scale.kind === 'numeric') {
    if (typeof expects !== 'number') {
      report.error(
        cell.at,
        ['expects'],
        'wrong-type',
        `"expects" should be a number: competency "${competency.id}" uses the numeric scale "${scale.id}"`,
        `use a value from ${String(scale.min)} to ${String(scale.max)}`,
      );
    } else if (expects < (scale.min ?? -Infinity) || expects > (scale.max ?? Infinity)) {
      report.error(cell.at, ['expects'], 'out-of-range', `"expects: ${expects}" is outside scale "${scale.id}" (${String(scale.min)} to ${String(scale.max)})`);
    }
    return;
  }
  const ids = scale.steps.map((s) => s.id);
  if (typeof expects === 'string' && ids.includes(expects)) return;
  const suggestion = typeof expects === 'string' ? closest(expects, ids) : undefined;
  report.error(
    cell.at,
    ['expects'],
    'unknown-reference',
    `"${String(expects)}" is not a step of scale "${scale.id}", which competency "${competency.id}" uses`,
    suggestion !== undefined ? `did you mean "${suggestion}"? Steps: ${ids.join(', ')}` : `steps: ${ids.join(', ')}`,
  );
}

function cellFrom(trackId: string, competencyId: string, levelId: string, cell: ExplicitCell | undefined, own: boolean): ResolvedCell {
  const base = { trackId, competencyId, levelId };
  if (!cell) return { ...base, status: 'missing', criteria: '', examples: [], links: [], items: [] };
  const inherited = own ? {} : { inheritedFromLevelId: cell.levelId };
  const extra = cell.extensions ? { extensions: cell.extensions } : {};
  if (cell.kind === 'not-applicable') {
    return {
      ...base,
      status: 'not-applicable',
      ...inherited,
      criteria: '',
      examples: [],
      links: [],
      reason: cell.reason,
      source: cell.source,
      items: [],
      ...extra,
    };
  }
  return {
    ...base,
    status: own ? 'defined' : 'inherited',
    ...inherited,
    criteria: criteriaText(cell.items),
    examples: [...cell.examples],
    links: cell.links.map((l) => ({ ...l })),
    source: cell.source,
    items: cell.items,
    ...(cell.expects !== undefined ? { expects: cell.expects } : {}),
    ...extra,
  };
}

/** A cell for a level on a track the competency does not apply to would never be shown. */
function warnUnusedCells(e: Effective, competency: LadderCompetency, frame: Frame, report: Reporter): void {
  for (const levelId of Object.keys(e.item.value.levels ?? {})) {
    const trackId = frame.levelsById.get(levelId)?.value.track;
    if (trackId !== undefined && frame.tracksById.has(trackId) && !competency.trackIds.includes(trackId)) {
      report.warning(
        e.item,
        ['levels', levelId],
        'unused-cell',
        `level "${levelId}" is on track "${trackId}", which competency "${competency.id}" does not apply to`,
        'add the track to "tracks", or remove this cell',
        true,
      );
    }
  }
}
