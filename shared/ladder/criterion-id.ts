// Its own module: screens resolve criterion ids without loading the file checker (and its YAML parser).

/** Where a cell is written: its competency entry and level key (or rank key). */
export interface WrittenAt {
  ladderId: string;
  competencyId: string;
  levelId?: string;
  rank?: number;
}

/**
 * The derived id of the `position`-th criterion (1-based) of a cell. ":" and "=" cannot appear in
 * ids written in a file, so a derived id never collides with one.
 */
export function derivedCriterionId(at: WrittenAt, position: number): string {
  const where = at.levelId ?? `rank=${String(at.rank)}`;
  return `${at.ladderId}:${at.competencyId}:${where}:${position}`;
}
