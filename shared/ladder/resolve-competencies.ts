/** Resolving competencies (`extends`, references) and the cell of every track × competency × level. */
import { indexById, type Located, type Reporter } from './context';
import type { LadderCategory, LadderCompetency, ResolvedCell, SourcePosition } from './model';
import { positionOf } from './positions';
import type { Frame } from './resolve-structure';
import { brokenCellKey } from './salvage';
import type { CategoryFile, CellFile, CompetencyFile } from './schema';

interface ExplicitCell {
  levelId: string;
  cell: CellFile;
  at: Located<CellFile>;
  source: SourcePosition | undefined;
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
  scaleIds: ReadonlySet<string>,
  defaultScaleId: string,
  report: Reporter,
): CompetencyResult {
  const categoriesById = indexById(categoryItems, 'category', report);
  const byId = indexById(competencyItems, 'competency', report);
  for (const item of byId.values()) checkOwnReferences(item, categoriesById, frame, scaleIds, byId, report);

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
    const result = merge(item, base, frame);
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
    if (e.category === undefined)
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
    categories: [...categoriesById.values()].map((c) => ({ id: c.value.id, name: c.value.name, description: c.value.description })),
    competencies,
    cells: frame.open ? [] : resolveCells(competencies, effective, frame, report),
  };
}

function checkOwnReferences(
  item: Located<CompetencyFile>,
  categories: ReadonlyMap<string, unknown>,
  frame: Frame,
  scales: ReadonlySet<string>,
  competencies: ReadonlyMap<string, unknown>,
  report: Reporter,
): void {
  const v = item.value;
  if (v.category !== undefined) report.reference(item, ['category'], 'category', v.category, categories);
  if (v.scale !== undefined) report.reference(item, ['scale'], 'scale', v.scale, scales);
  if (v.extends !== undefined) report.reference(item, ['extends'], 'competency', v.extends, competencies);
  if (frame.open) return;
  (v.tracks ?? []).forEach((trackId, index) => report.reference(item, ['tracks', index], 'track', trackId, frame.tracksById));
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
    if (frame.entryFile !== undefined && item.file !== frame.entryFile) {
      report.warning(
        item,
        ['levels', levelId],
        'unused-cell',
        `level "${levelId}" is not in ladder "${frame.ladderId ?? ''}", so this cell is not used there`,
        undefined,
        true,
      );
    } else report.reference(item, ['levels', levelId], 'level', levelId, frame.levelsById, true);
  }
}

function merge(item: Located<CompetencyFile>, base: Effective | undefined, frame: Frame): Effective {
  const v = item.value;
  const cells = new Map(base?.cells ?? []);
  for (const [levelId, cell] of Object.entries(v.levels ?? {})) {
    if (!frame.open && !frame.levelsById.has(levelId)) continue;
    const at: Located<CellFile> = { value: cell, file: item.file, path: [...item.path, 'levels', levelId] };
    const source = positionOf(at.file, [...at.path, 'criteria' in cell ? 'criteria' : 'notApplicable']);
    cells.set(levelId, { levelId, cell, at, source });
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
  return {
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
  };
}

function checkTrackReferences(frame: Frame, competencies: ReadonlySet<string>, report: Reporter): void {
  for (const track of frame.tracksById.values()) {
    (track.value.emphasis ?? []).forEach((e, i) => report.reference(track, ['emphasis', i, 'competency'], 'competency', e.competency, competencies));
    (track.value.archetypes ?? []).forEach((a, i) =>
      (a.competencies ?? []).forEach((c, j) => report.reference(track, ['archetypes', i, 'competencies', j], 'competency', c, competencies)),
    );
  }
}

function resolveCells(competencies: LadderCompetency[], effective: Map<string, Effective>, frame: Frame, report: Reporter): ResolvedCell[] {
  const cells: ResolvedCell[] = [];
  for (const competency of competencies) {
    const e = effective.get(competency.id)!;
    warnUnusedCells(e, competency, frame, report);
    for (const track of frame.tracks) {
      if (!competency.trackIds.includes(track.id)) continue;
      let below: ExplicitCell | undefined;
      let warned = false;
      for (const levelId of track.levelIds) {
        const explicit = e.cells.get(levelId);
        if (report.broken.has(brokenCellKey(competency.id, levelId))) warned = true; // its errors are reported already
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
        cells.push(cellFrom(track.id, competency.id, levelId, below, explicit !== undefined));
      }
    }
  }
  return cells;
}

function cellFrom(trackId: string, competencyId: string, levelId: string, cell: ExplicitCell | undefined, own: boolean): ResolvedCell {
  const base = { trackId, competencyId, levelId };
  if (!cell) return { ...base, status: 'missing', criteria: '', examples: [], links: [] };
  const inherited = own ? {} : { inheritedFromLevelId: cell.levelId };
  if ('notApplicable' in cell.cell) {
    return { ...base, status: 'not-applicable', ...inherited, criteria: '', examples: [], links: [], reason: cell.cell.reason, source: cell.source };
  }
  return {
    ...base,
    status: own ? 'defined' : 'inherited',
    ...inherited,
    criteria: cell.cell.criteria,
    examples: [...(cell.cell.examples ?? [])],
    links: (cell.cell.links ?? []).map((l) => ({ title: l.title, url: l.url })),
    source: cell.source,
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
