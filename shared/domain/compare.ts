/**
 * Self and manager side by side: per competency and criterion, what each rated, what the level
 * expects, and how far apart they are on the competency's own scale. Differences come first, so
 * a career conversation starts where the two views part.
 *
 * Pure code. The ratings are matched by their key (criterion id, or the competency for a
 * competency-level rating), so two assessments made against different versions of a ladder
 * still line up wherever the ids are the same.
 */
import type { CriterionRef } from '../evidence/refs';
import { expectedStep, type Ladder, type RatingScale } from '../ladder';
import { type Assessment, type CompetencyTargets, type Rating, ratingKey, type RatingValue, valueLabel } from './assessments';

export interface RatedSide {
  value?: RatingValue;
  notApplicable?: string;
  /** "Skilled", "3", "Not applicable". */
  label: string;
  /** Where the value sits on the scale (a step's index, or the number); undefined when not rated or not applicable. */
  position?: number;
  comment: string;
}

export type CompareKind = 'differ' | 'one-side' | 'agree' | 'unrated';
export type VersusExpected = 'below' | 'meets' | 'above';

export interface CompareRow {
  key: string;
  /** What was rated: a talking point made from the row names it (the meeting's agenda is then evidence for it). */
  ref: CriterionRef;
  competencyId: string;
  competencyName: string;
  categoryId: string;
  categoryName: string;
  /** The criterion's text; undefined when the competency is rated as a whole. */
  criterion?: string;
  scale: RatingScale;
  self?: RatedSide;
  manager?: RatedSide;
  /** What the level expects of the competency, when the ladder says. */
  expected?: { label: string; position: number };
  /** Manager's position minus self's, in steps (or points on a numeric scale); null unless both are rated. */
  difference: number | null;
  kind: CompareKind;
  versus: { self: VersusExpected | null; manager: VersusExpected | null };
}

/** Where `value` is on `scale`: a labelled step's index, or the number itself. */
export function scalePosition(scale: RatingScale, value: RatingValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (scale.kind === 'labels') {
    const index = scale.steps.findIndex((s) => s.id === value);
    return index < 0 ? undefined : index;
  }
  return typeof value === 'number' ? value : undefined;
}

function side(rating: Rating | undefined, scale: RatingScale): RatedSide | undefined {
  if (!rating) return undefined;
  if (rating.notApplicable) return { notApplicable: rating.notApplicable.reason, label: 'Not applicable', comment: rating.comment };
  if (rating.value === undefined) return rating.comment ? { label: 'Not rated', comment: rating.comment } : undefined;
  const position = scalePosition(scale, rating.value);
  return { value: rating.value, label: valueLabel(scale, rating.value), comment: rating.comment, ...(position !== undefined ? { position } : {}) };
}

const rated = (s: RatedSide | undefined) => s !== undefined && (s.notApplicable !== undefined || s.value !== undefined);

function versus(s: RatedSide | undefined, expected: CompareRow['expected']): VersusExpected | null {
  if (!expected || s?.position === undefined) return null;
  return s.position < expected.position ? 'below' : s.position > expected.position ? 'above' : 'meets';
}

/**
 * One row per rating target of the level (`targets`, from ratingTargets on the ladder the
 * comparison is read against), in ladder order.
 */
export function compareRatings(
  ladder: Ladder,
  at: { trackId: string; levelId: string },
  targets: readonly CompetencyTargets[],
  self: Pick<Assessment, 'ratings'> | undefined,
  manager: Pick<Assessment, 'ratings'> | undefined,
): CompareRow[] {
  const selfBy = new Map((self?.ratings ?? []).map((r) => [ratingKey(r.ref), r]));
  const managerBy = new Map((manager?.ratings ?? []).map((r) => [ratingKey(r.ref), r]));
  const rows: CompareRow[] = [];
  for (const c of targets) {
    const step = expectedStep(ladder, at.trackId, c.competency.id, at.levelId);
    const expected = step ? { label: valueLabel(c.scale, step.value), position: step.position } : undefined;
    for (const t of c.targets) {
      const s = side(selfBy.get(t.key), c.scale);
      const m = side(managerBy.get(t.key), c.scale);
      const both = rated(s) && rated(m);
      const difference = s?.position !== undefined && m?.position !== undefined ? m.position - s.position : null;
      const same = both && (difference === 0 || (s!.notApplicable !== undefined && m!.notApplicable !== undefined));
      const kind: CompareKind = both ? (same ? 'agree' : 'differ') : rated(s) || rated(m) ? 'one-side' : 'unrated';
      rows.push({
        key: t.key,
        ref: t.ref,
        competencyId: c.competency.id,
        competencyName: c.competency.name,
        categoryId: c.competency.categoryId,
        categoryName: c.categoryName,
        ...(t.text !== undefined ? { criterion: t.text } : {}),
        scale: c.scale,
        ...(s ? { self: s } : {}),
        ...(m ? { manager: m } : {}),
        ...(expected ? { expected } : {}),
        difference,
        kind,
        versus: { self: versus(s, expected), manager: versus(m, expected) },
      });
    }
  }
  return rows;
}

const kindOrder: Record<CompareKind, number> = { differ: 0, 'one-side': 1, agree: 2, unrated: 3 };

/**
 * Differences first (the widest gap first; "not applicable" on one side only after the measured
 * gaps), then what only one side rated, then agreement, then what neither rated; ladder order
 * within each. Stable, so equal rows keep the ladder's order.
 */
export function differencesFirst(rows: readonly CompareRow[]): CompareRow[] {
  const gap = (r: CompareRow) => (r.difference === null ? -1 : Math.abs(r.difference));
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => kindOrder[a.row.kind] - kindOrder[b.row.kind] || gap(b.row) - gap(a.row) || a.index - b.index)
    .map((x) => x.row);
}

/** "Manager 2 steps higher", "Self 1 point higher", "Not applicable for the manager only". */
export function differenceWords(row: CompareRow): string {
  if (row.kind === 'agree') return 'Same';
  if (row.kind === 'unrated') return 'Neither rated';
  if (row.kind === 'one-side') return row.self && rated(row.self) ? 'Only self rated' : 'Only the manager rated';
  if (row.difference === null || row.difference === 0) {
    if (row.self?.notApplicable !== undefined) return 'Not applicable for self only';
    if (row.manager?.notApplicable !== undefined) return 'Not applicable for the manager only';
    return 'Different';
  }
  const n = Math.abs(row.difference);
  const unit = row.scale.kind === 'labels' ? (n === 1 ? 'step' : 'steps') : n === 1 ? 'point' : 'points';
  return `${row.difference > 0 ? 'Manager' : 'Self'} ${Math.round(n * 100) / 100} ${unit} higher`;
}

/** A talking point for the meeting's agenda, one line a person reads aloud. */
export function talkingPointFor(row: CompareRow): string {
  const what = row.criterion ? `${row.competencyName}: ${row.criterion}` : row.competencyName;
  const parts = [`self ${row.self?.label ?? 'not rated'}`, `manager ${row.manager?.label ?? 'not rated'}`];
  if (row.expected) parts.push(`expected ${row.expected.label}`);
  const text = `${what} (${parts.join(', ')})`;
  return text.length <= 2000 ? text : `${text.slice(0, 1999)}…`;
}

export interface CompareCounts {
  differ: number;
  oneSide: number;
  agree: number;
  unrated: number;
}

export function compareCounts(rows: readonly CompareRow[]): CompareCounts {
  const out: CompareCounts = { differ: 0, oneSide: 0, agree: 0, unrated: 0 };
  for (const r of rows) {
    if (r.kind === 'differ') out.differ++;
    else if (r.kind === 'one-side') out.oneSide++;
    else if (r.kind === 'agree') out.agree++;
    else out.unrated++;
  }
  return out;
}
