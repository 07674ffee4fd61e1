import type { CandidateFacts } from './candidates';

/** Groups of fewer people than this are not summarised: no one is identifiable from a count or an average. */
export const MIN_GROUP_SIZE = 4;

export const groupings = ['level', 'track', 'team', 'manager'] as const;
export type Grouping = (typeof groupings)[number];
export const groupingLabels: Record<Grouping, string> = { level: 'Level', track: 'Track', team: 'Team', manager: 'Manager' };

export type DistributionRow =
  | {
      group: string;
      summarised: true;
      /** Candidates in the group: each was proposed for promotion. */
      proposed: number;
      promote: number;
      notYet: number;
      defer: number;
      undecided: number;
      /** Median whole months in level of those whose time in level is known (null when fewer than MIN_GROUP_SIZE are known). */
      medianMonthsInLevel: number | null;
    }
  | { group: string; summarised: false };

const NO_VALUE = 'Not given';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * Proposed against decided, grouped by level, track, team or manager, in the groups' order of
 * first appearance. A group of fewer than MIN_GROUP_SIZE candidates says only that it is too small.
 * `label` names a group as the view shows it (a pseudonym when reading anonymised).
 */
export function distribution(facts: readonly CandidateFacts[], by: Grouping, label: (value: string) => string = (v) => v): DistributionRow[] {
  const groups = new Map<string, CandidateFacts[]>();
  for (const f of facts) {
    const key = f[by] ?? NO_VALUE;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.entries()].map(([key, members]) => {
    const group = key === NO_VALUE ? NO_VALUE : label(key);
    if (members.length < MIN_GROUP_SIZE) return { group, summarised: false };
    const known = members.flatMap((m) => (m.monthsInLevel === null ? [] : [m.monthsInLevel]));
    return {
      group,
      summarised: true,
      proposed: members.length,
      promote: members.filter((m) => m.outcome === 'promote').length,
      notYet: members.filter((m) => m.outcome === 'not-yet').length,
      defer: members.filter((m) => m.outcome === 'defer').length,
      undecided: members.filter((m) => m.outcome === null).length,
      medianMonthsInLevel: known.length >= MIN_GROUP_SIZE ? median(known) : null,
    };
  });
}

/** Time in level in bands, over every candidate (the whole session, so the same minimum applies). */
export const timeBands = [
  { label: 'Under 1 year', max: 11 },
  { label: '1 to 2 years', max: 23 },
  { label: '2 to 3 years', max: 35 },
  { label: '3 years or more', max: Infinity },
] as const;

export function timeInLevelBands(facts: readonly CandidateFacts[]): { summarised: boolean; bands: { label: string; count: number }[]; unknown: number } {
  const known = facts.flatMap((f) => (f.monthsInLevel === null ? [] : [f.monthsInLevel]));
  const bands = timeBands.map((b, i) => ({
    label: b.label,
    count: known.filter((m) => m <= b.max && (i === 0 || m > timeBands[i - 1]!.max)).length,
  }));
  return { summarised: facts.length >= MIN_GROUP_SIZE, bands, unknown: facts.length - known.length };
}
