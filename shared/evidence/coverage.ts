import type { EvidenceKind, Visibility } from './refs';

/**
 * Evidence as every reader sees it, whatever table it came from: enough to list it, count it and
 * link back to it. Derived, never stored.
 */
export interface EvidenceItem {
  kind: EvidenceKind;
  id: string;
  personId: string;
  date: string;
  visibility: Visibility;
  competencyIds: readonly string[];
  /** The criteria items (criterion ids) the record names, when it names any: evidence for those criteria in particular. */
  criterionIds?: readonly string[];
  /** One line a person recognises ("1:1 on 12 Mar", "Win: led the billing migration"). */
  title: string;
}

/** The quarter a date falls in, as '2026-Q1'. */
export function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The `count` quarters ending with the one `today` is in, oldest first. */
export function lastQuarters(today: string, count: number): string[] {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

export interface CoverageCell {
  competencyId: string;
  quarter: string;
  count: number;
  byKind: Partial<Record<EvidenceKind, number>>;
}

/**
 * Entries per competency per quarter, for the given competencies and quarters (zero cells
 * included, so gaps show). Items outside the quarters are ignored.
 */
export function coverage(items: readonly EvidenceItem[], competencyIds: readonly string[], quarters: readonly string[]): CoverageCell[] {
  const cells = new Map<string, CoverageCell>();
  const key = (c: string, q: string) => `${c}\u0000${q}`;
  for (const c of competencyIds) for (const q of quarters) cells.set(key(c, q), { competencyId: c, quarter: q, count: 0, byKind: {} });
  for (const item of items) {
    const q = quarterOf(item.date);
    for (const c of item.competencyIds) {
      const cell = cells.get(key(c, q));
      if (!cell) continue;
      cell.count += 1;
      cell.byKind[item.kind] = (cell.byKind[item.kind] ?? 0) + 1;
    }
  }
  return [...cells.values()];
}

/** The first day of a quarter ('2026-Q2' → '2026-04-01'). */
export function quarterStart(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `${year}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** A quarter in words: '2026-Q2' → 'Q2 2026'. */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `Q${q} ${year}`;
}
