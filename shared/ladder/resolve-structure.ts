/** Resolving the frame of a ladder: rating scales, tracks and the ordered levels of each track. */
import { indexById, type Located, located, type Reporter } from './context';
import { extensionsAt } from './extensions';
import type { LadderLevel, LadderTrack, Progression, RatingScale, RatingStep } from './model';
import { positionOf } from './positions';
import type { LevelFile, ScaleFile, TrackFile } from './schema';
import type { ParsedFile } from './source';

/**
 * The scale used when a ladder defines none (sources such as the FT's or Monzo's frameworks have
 * no rating scale): three plain steps any assessor understands.
 */
export const builtInScale: RatingScale = {
  id: 'default',
  name: 'Meets expectations',
  description: 'Used because the ladder defines no rating scale of its own.',
  kind: 'labels',
  steps: [
    { id: 'below', label: 'Below expectations', value: 1 },
    { id: 'meets', label: 'Meets expectations', value: 2 },
    { id: 'above', label: 'Above expectations', value: 3 },
  ],
  builtIn: true,
};

function stepOf(step: NonNullable<ScaleFile['steps']>[number]): RatingStep {
  const { id, label, description, value, points, signals, examples } = step;
  return {
    id,
    label,
    ...(description !== undefined ? { description } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(points !== undefined ? { points } : {}),
    ...(signals !== undefined ? { signals: [...signals] } : {}),
    ...(examples !== undefined ? { examples: [...examples] } : {}),
  };
}

export function resolveScales(scales: Located<ScaleFile>[], report: Reporter): Map<string, RatingScale> {
  const byId = indexById(scales, 'scale', report);
  const resolved = new Map<string, RatingScale>();
  for (const [id, scale] of byId) {
    const { steps, min, max, step } = scale.value;
    const numeric = min !== undefined || max !== undefined;
    if (steps && numeric) {
      report.error(scale, ['steps'], 'scale-shape', `scale "${id}" has both "steps" and "min"/"max"`, 'a scale is either labelled steps or a numeric range');
      continue;
    }
    if (!steps && !numeric) {
      report.error(
        scale,
        ['id'],
        'scale-shape',
        `scale "${id}" has neither "steps" nor "min" and "max"`,
        'add labelled steps, lowest first, or a numeric range',
      );
      continue;
    }
    if (steps) {
      if (steps.length < 2) report.error(scale, ['steps'], 'scale-shape', `scale "${id}" needs at least 2 steps`);
      indexById(located(steps, scale.file, [...scale.path, 'steps']), `step (in scale "${id}")`, report);
      resolved.set(id, withExtensions({ id, name: scale.value.name, description: scale.value.description, kind: 'labels', steps: steps.map(stepOf) }, scale));
      continue;
    }
    if (min === undefined || max === undefined || min >= max) {
      report.error(scale, [min === undefined ? 'max' : 'min'], 'scale-shape', `numeric scale "${id}" needs "min" lower than "max"`);
      continue;
    }
    resolved.set(
      id,
      withExtensions({ id, name: scale.value.name, description: scale.value.description, kind: 'numeric', steps: [], min, max, step: step ?? 1 }, scale),
    );
  }
  return resolved;
}

export interface Frame {
  /** True when checking a shared file alone: its levels and tracks are the including ladder's, unknown here. */
  open?: boolean;
  /** The ladder file itself: cells in included files may name levels this ladder lacks (a warning). */
  entryFile?: ParsedFile;
  ladderId?: string;
  /** The ladder has points scoring: competencies may be described by their scale's steps alone. */
  scoring?: boolean;
  /** Sub-level id → its level id. */
  subLevelParents?: Map<string, string>;
  levels: LadderLevel[];
  levelsById: Map<string, Located<LevelFile>>;
  tracks: LadderTrack[];
  tracksById: Map<string, Located<TrackFile>>;
}

export function resolveFrame(
  trackItems: Located<TrackFile>[],
  levelItems: Located<LevelFile>[],
  report: Reporter,
  progression: Progression = 'cumulative',
): Frame {
  const tracksById = indexById(trackItems, 'track', report);
  // Levels and sub-levels share one namespace: an assessment may point at either.
  const levelsById = indexById(levelItems, 'level', report);
  const subLevels = levelItems.flatMap((level) => located(level.value.subLevels, level.file, [...level.path, 'subLevels']));
  checkSubLevelIds(levelItems, subLevels, report);

  for (const level of levelsById.values()) {
    if (level.value.track !== undefined) report.reference(level, ['track'], 'track', level.value.track, tracksById);
    for (const trackId of Object.keys(level.value.titles ?? {})) report.reference(level, ['titles', trackId], 'track', trackId, tracksById, true);
  }
  const trunk = [...levelsById.values()].filter((l) => l.value.track === undefined);
  const tracks = [...tracksById.values()].map((track) => resolveTrack(track, trunk, [...levelsById.values()], report, progression));
  const levels = [...levelsById.values()].map(toLevel);
  const subLevelParents = new Map(levels.flatMap((l) => l.subLevels.map((s) => [s.id, l.id] as const)));
  return { levels, levelsById, tracks, tracksById, subLevelParents };
}

function checkSubLevelIds(levels: Located<LevelFile>[], subLevels: Located<{ id: string }>[], report: Reporter): void {
  const seen = new Map<string, Located<unknown>>(levels.map((l) => [l.value.id, l]));
  for (const sub of subLevels) {
    const first = seen.get(sub.value.id);
    if (first)
      report.error(
        sub,
        ['id'],
        'duplicate-id',
        `duplicate level id "${sub.value.id}"`,
        `first defined at ${report.where({ ...first, path: [...first.path, 'id'] }, sub)}; sub-levels share ids with levels`,
      );
    else seen.set(sub.value.id, sub);
  }
}

function resolveTrack(
  track: Located<TrackFile>,
  trunk: Located<LevelFile>[],
  all: Located<LevelFile>[],
  report: Reporter,
  progression: Progression,
): LadderTrack {
  const { id, forksAfter } = track.value;
  let trunkOnTrack = trunk;
  if (forksAfter !== undefined) {
    const index = trunk.findIndex((l) => l.value.id === forksAfter);
    if (index >= 0) trunkOnTrack = trunk.slice(0, index + 1);
    else if (all.some((l) => l.value.id === forksAfter))
      report.error(
        track,
        ['forksAfter'],
        'invalid-fork',
        `track "${id}" forks after "${forksAfter}", which is not a trunk level`,
        "forksAfter names the last shared (trunk) level before the track's own levels",
      );
    else report.reference(track, ['forksAfter'], 'level', forksAfter, new Set(trunk.map((l) => l.value.id)));
  }
  const own = all.filter((l) => l.value.track === id);
  checkOrder(id, trunkOnTrack, own, report);
  const levelIds = [...trunkOnTrack, ...own].map((l) => l.value.id);
  const titles: Record<string, string> = {};
  for (const level of [...trunkOnTrack, ...own]) titles[level.value.id] = level.value.titles?.[id] ?? level.value.title ?? level.value.id;
  return withExtensions(
    {
      id,
      name: track.value.name,
      description: track.value.description,
      levelIds,
      titles,
      forksAfterLevelId: forksAfter,
      emphasis: (track.value.emphasis ?? []).map((e) => ({ competencyId: e.competency, note: e.note })),
      archetypes: (track.value.archetypes ?? []).map((a) => ({ id: a.id, name: a.name, description: a.description, competencyIds: a.competencies ?? [] })),
      progression: track.value.progression ?? progression,
    },
    track,
  );
}

function withExtensions<T extends object>(value: T, at: Located<unknown>): T & { extensions?: Record<string, unknown> } {
  const extensions = extensionsAt(at.file.raw, at.path);
  return extensions ? { ...value, extensions } : value;
}

/** Levels are listed lowest first: a track's own levels after its trunk, ranks (when given) rising. */
function checkOrder(trackId: string, trunk: Located<LevelFile>[], own: Located<LevelFile>[], report: Reporter): void {
  const lastTrunk = trunk[trunk.length - 1];
  for (const level of own) {
    if (lastTrunk && indexOf(level) < indexOf(lastTrunk)) {
      report.error(
        level,
        ['id'],
        'level-order',
        `level "${level.value.id}" of track "${trackId}" is listed before trunk level "${lastTrunk.value.id}"`,
        "list levels lowest first: the shared trunk, then each track's own levels",
      );
      return;
    }
  }
  let previous: Located<LevelFile> | undefined;
  for (const level of [...trunk, ...own]) {
    const rank = level.value.rank;
    if (rank === undefined) continue;
    if (previous && rank <= (previous.value.rank ?? Number.NEGATIVE_INFINITY)) {
      report.error(
        level,
        ['rank'],
        'level-order',
        `levels out of order on track "${trackId}": "${level.value.id}" (rank ${rank}) comes after "${previous.value.id}" (rank ${String(previous.value.rank)})`,
        'list levels lowest first, with rising ranks',
      );
      return;
    }
    previous = level;
  }
}

function indexOf(level: Located<LevelFile>): number {
  return Number(level.path[level.path.length - 1]);
}

function toLevel(level: Located<LevelFile>): LadderLevel {
  const v = level.value;
  return withExtensions(
    {
      id: v.id,
      title: v.title ?? v.id,
      trackId: v.track,
      rank: v.rank,
      summary: v.summary ?? '',
      grade: v.grade === undefined ? undefined : String(v.grade),
      band: v.band === undefined ? undefined : String(v.band),
      typicalTime: v.typicalTime,
      subLevels: (v.subLevels ?? []).map((s) => ({ id: s.id, title: s.title, summary: s.summary })),
      source: positionOf(level.file, level.path),
    },
    level,
  );
}
