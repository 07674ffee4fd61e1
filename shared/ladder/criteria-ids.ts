/**
 * Criteria as things evidence points at: an index of every criterion of a ladder by id, and what
 * changed for those ids between two versions (an id that disappeared, criteria without ids that
 * were reordered so their derived ids now name other text).
 */
import { derivedCriterionId } from './criterion-id';
import type { Criterion, Ladder, LadderProblem, ResolvedCell } from './model';

export interface IndexedCriterion {
  criterion: Criterion;
  /** The concrete competency it shows in (a criterion reached through `extends` may show in several: the first). */
  competencyId: string;
  /** Levels (on any track) where it is asked, lowest first on the first track it appears on. */
  levelIds: string[];
}

/**
 * The criteria of a cell, also for versions stored before criteria items existed (their text cell
 * is one criterion with the id derived from the level it is written at).
 */
export function criteriaOfCell(ladder: Pick<Ladder, 'id'>, cell: ResolvedCell): Criterion[] {
  if (cell.items) return cell.items;
  if (cell.status !== 'defined' && cell.status !== 'inherited') return [];
  const levelId = cell.inheritedFromLevelId ?? cell.levelId;
  const written = { ladderId: ladder.id, competencyId: cell.competencyId, levelId };
  return [
    {
      id: derivedCriterionId(written, 1),
      idFrom: 'derived',
      text: cell.criteria,
      examples: [...cell.examples],
      links: [...cell.links],
      writtenIn: { competencyId: cell.competencyId, levelId },
      ...(cell.source ? { source: cell.source } : {}),
    },
  ];
}

const indexes = new WeakMap<Ladder, Map<string, IndexedCriterion>>();

/** Every criterion of the ladder by id (built once per ladder object). */
export function criteriaIndex(ladder: Ladder): ReadonlyMap<string, IndexedCriterion> {
  let index = indexes.get(ladder);
  if (index) return index;
  index = new Map();
  for (const cell of ladder.cells) {
    for (const criterion of criteriaOfCell(ladder, cell)) {
      const known = index.get(criterion.id);
      if (!known) index.set(criterion.id, { criterion, competencyId: cell.competencyId, levelIds: [cell.levelId] });
      else if (known.competencyId === cell.competencyId && !known.levelIds.includes(cell.levelId)) known.levelIds.push(cell.levelId);
    }
  }
  indexes.set(ladder, index);
  return index;
}

/** The criterion a reference names, if this version of the ladder still has it. */
export function findCriterion(ladder: Ladder, criterionId: string): IndexedCriterion | undefined {
  return criteriaIndex(ladder).get(criterionId);
}

export interface CriterionIdChange {
  kind: 'dropped' | 'moved';
  id: string;
  idFrom: Criterion['idFrom'];
  competencyId: string;
  /** Where it was written: level id, or rank. */
  levelId?: string;
  rank?: number;
  /** Its text in the earlier version. */
  text: string;
  /** For "moved": the derived id that now holds this text. */
  nowId?: string;
}

const hasItems = (ladder: Ladder) => ladder.cells.every((c) => Array.isArray(c.items));

/**
 * What happened to the criteria ids of `before` in `after`. Versions stored before criteria items
 * existed have no ids to lose: nothing is reported against them.
 */
export function criterionIdChanges(before: Ladder, after: Ladder): CriterionIdChange[] {
  if (!hasItems(before) || before.id !== after.id) return [];
  const old = criteriaIndex(before);
  const now = criteriaIndex(after);
  const changes: CriterionIdChange[] = [];
  // Derived ids of one written cell, in order: to tell "reordered" from "rewritten".
  const byCell = (index: ReadonlyMap<string, IndexedCriterion>) => {
    const cells = new Map<string, Map<string, string>>();
    for (const { criterion } of index.values()) {
      if (criterion.idFrom !== 'derived') continue;
      const key = cellKeyOf(criterion);
      if (!cells.has(key)) cells.set(key, new Map());
      cells.get(key)!.set(criterion.text.trim(), criterion.id);
    }
    return cells;
  };
  const nowCells = byCell(now);
  for (const { criterion, competencyId } of old.values()) {
    const base = {
      id: criterion.id,
      idFrom: criterion.idFrom,
      competencyId,
      ...(criterion.writtenIn.levelId !== undefined ? { levelId: criterion.writtenIn.levelId } : {}),
      ...(criterion.writtenIn.rank !== undefined ? { rank: criterion.writtenIn.rank } : {}),
      text: criterion.text,
    };
    const current = now.get(criterion.id);
    if (!current) {
      changes.push({ ...base, kind: 'dropped' });
      continue;
    }
    if (criterion.idFrom === 'derived' && current.criterion.text.trim() !== criterion.text.trim()) {
      const nowId = nowCells.get(cellKeyOf(criterion))?.get(criterion.text.trim());
      if (nowId !== undefined && nowId !== criterion.id) changes.push({ ...base, kind: 'moved', nowId });
    }
  }
  return changes;
}

const cellKeyOf = (c: Criterion) => `${c.writtenIn.competencyId}\u0000${c.writtenIn.levelId ?? ''}\u0000${c.writtenIn.rank ?? ''}`;

const excerpt = (text: string) => {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > 60 ? `${plain.slice(0, 59).trimEnd()}…` : plain;
};

const positionOfDerived = (id: string) => id.slice(id.lastIndexOf(':') + 1);

/**
 * The changes as warnings of the new version, placed where the criterion was (its cell, else its
 * competency, else the top of the ladder file) — what main's version store shows when a ladder
 * file changes.
 */
export function criterionIdWarnings(before: Ladder, after: Ladder): LadderProblem[] {
  return criterionIdChanges(before, after).map((change) => {
    const at = locate(after, change);
    const where = change.levelId !== undefined ? `level "${change.levelId}"` : `rank ${String(change.rank)}`;
    const problem = (code: string, message: string, hint: string): LadderProblem => ({
      file: at.file,
      line: at.line,
      column: at.column,
      endLine: at.line,
      endColumn: at.column,
      severity: 'warning',
      code,
      message,
      hint,
    });
    if (change.kind === 'moved') {
      return problem(
        'criterion-moved',
        `the criteria of competency "${change.competencyId}" at ${where} were reordered: "${excerpt(change.text)}" was criterion ${positionOfDerived(change.id)} and is now criterion ${positionOfDerived(change.nowId!)}`,
        'evidence points at criteria without an id by their position: give the criteria ids, or keep their order',
      );
    }
    if (change.idFrom === 'file') {
      return problem(
        'criterion-dropped',
        `criterion "${change.id}" of competency "${change.competencyId}" is no longer in the ladder ("${excerpt(change.text)}")`,
        'assessments and evidence point at this id: keep it on the criterion that replaces this one',
      );
    }
    return problem(
      'criterion-dropped',
      `criterion ${positionOfDerived(change.id)} of competency "${change.competencyId}" at ${where} is no longer in the ladder ("${excerpt(change.text)}")`,
      'evidence that points at it will show it as removed; give criteria ids so they can be moved safely',
    );
  });
}

function locate(ladder: Ladder, change: CriterionIdChange): { file: string; line: number; column: number } {
  const cell = ladder.cells.find((c) => c.competencyId === change.competencyId && c.levelId === change.levelId && c.source);
  const source = cell?.source ?? ladder.competencies.find((c) => c.id === change.competencyId)?.source;
  if (source) return { file: source.file, line: source.line, column: source.column };
  return { file: ladder.files[0] ?? '', line: 1, column: 1 };
}
