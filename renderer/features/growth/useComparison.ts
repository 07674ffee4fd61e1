import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import { type Assessment, ratingTargets } from '../../../shared/domain/assessments';
import { compareRatings, type CompareRow, differencesFirst } from '../../../shared/domain/compare';
import type { Ladder } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { formatDate } from '../../ui/dates';
import { useFrozenLadder } from './useAssessmentLadders';

export interface Comparison {
  /** The person's assessments of each kind, newest period first (the pickers' options). */
  selves: Assessment[];
  managers: Assessment[];
  self: Assessment | undefined;
  manager: Assessment | undefined;
  /** The assessment whose ladder version, track and level the comparison is read against: the manager's, else the self-assessment. */
  base: Assessment | undefined;
  ladder: Ladder | null;
  /** Differences first. */
  rows: CompareRow[];
  /** Why the two may not line up everywhere (another version or level), in words; empty when they do. */
  notes: string[];
  loading: boolean;
  error: string | null;
}

/** The newest finished one, else the newest draft. */
const preferred = (list: Assessment[]) => list.find((a) => a.status === 'finished') ?? list[0];

/** "Self-assessment, revision 2 · 1 Jul 2026 – 31 Dec 2026 · draft" for a picker. */
export function assessmentLabel(a: Assessment): string {
  return `Revision ${a.revision} · ${formatDate(a.period.from, 'medium')} – ${formatDate(a.period.to, 'medium')} · ${a.levelId}${a.status === 'draft' ? ' · draft' : ''}${a.importedFrom ? ' · imported' : ''}`;
}

/**
 * A person's self and manager assessments side by side: the chosen ones (by id), or the newest
 * finished of each kind. Read through the person's [personId+date] range only.
 */
export function useComparison(personId: string, chosen: { selfId: string | null; managerId: string | null }): Comparison {
  const { assessments } = useRepositories();
  const all = useLiveQuery(() => assessments.forPerson(personId), [assessments, personId]);
  const selves = useMemo(() => (all ?? []).filter((a) => a.kind === 'self'), [all]);
  const managers = useMemo(() => (all ?? []).filter((a) => a.kind === 'manager'), [all]);
  const self = selves.find((a) => a.id === chosen.selfId) ?? preferred(selves);
  const manager = managers.find((a) => a.id === chosen.managerId) ?? preferred(managers);
  const base = manager ?? self;
  const frozen = useFrozenLadder(base?.ladder.ladderId ?? 'none', base?.ladder.hash ?? '0'.repeat(64));
  const ladder = base && frozen.status === 'ready' ? frozen.value.ladder : null;
  const rows = useMemo(() => {
    if (!ladder || !base) return [];
    const at = { trackId: base.trackId, levelId: base.levelId };
    return differencesFirst(compareRatings(ladder, at, ratingTargets(ladder, at.trackId, at.levelId), self, manager));
  }, [ladder, base, self, manager]);
  const notes: string[] = [];
  if (self && manager) {
    if (self.ladder.ladderId !== manager.ladder.ladderId) notes.push(`The self-assessment is on another ladder (${self.ladder.ladderId}): nothing lines up.`);
    else if (self.ladder.hash !== manager.ladder.hash)
      notes.push(
        `The self-assessment was made against version ${self.ladder.version}, the manager assessment against ${manager.ladder.version}: criteria are matched by id.`,
      );
    if (self.levelId !== manager.levelId || self.trackId !== manager.trackId)
      notes.push(`The self-assessment is at ${self.levelId}, the manager assessment at ${manager.levelId}: shown against ${manager.levelId}.`);
  }
  return {
    selves,
    managers,
    self,
    manager,
    base,
    ladder,
    rows,
    notes,
    loading: all === undefined || (base !== undefined && frozen.status === 'loading'),
    error: base && frozen.status === 'error' ? frozen.error : null,
  };
}
