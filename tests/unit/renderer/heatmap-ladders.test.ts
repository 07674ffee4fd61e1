import { describe, expect, it } from 'vitest';

import { heatLadders } from '../../../renderer/features/growth/heatmap-ladders';
import { readPlan } from '../../../renderer/features/growth/useLatestFinished';
import type { Assessment } from '../../../shared/domain/assessments';
import type { Person } from '../../../shared/domain/person';

const hash = 'c'.repeat(64);
const person = (id: string, ladderId?: string): Person =>
  ({
    id,
    name: id,
    managerId: null,
    archived: false,
    ...(ladderId ? { placement: { ladderId, trackId: 'ic', levelId: 'L1', against: { ladderId, version: '1.0.0', hash } } } : {}),
  }) as Person;
const assessed = (entries: [string, string][]) =>
  new Map(entries.map(([personId, ladderId]) => [personId, { personId, ladder: { ladderId, version: '1.0.0', hash } } as Assessment]));

describe('the order the team heatmap reads people’s assessments in', () => {
  it('takes the first rows at once, then the rest a part at a time, everyone once and in order', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `p${i}`);
    expect(readPlan(ids, 4, 3)).toEqual([ids.slice(0, 4), ids.slice(4, 7), ids.slice(7, 10), ids.slice(10)]);
    expect(readPlan(ids.slice(0, 3), 4, 3)).toEqual([ids.slice(0, 3)]);
    expect(readPlan([], 4, 3)).toEqual([]);
  });
});

describe('the ladder the team heatmap shows', () => {
  const team = [person('a', 'eng'), person('b', 'eng'), person('c', 'design'), person('d')];

  it('shows the ladder most people are placed on as soon as one of them has a finished assessment, and keeps it as more are read', () => {
    expect(heatLadders(team, assessed([['c', 'design']]), false, null)).toEqual({ ids: ['eng', 'design'], shown: undefined });
    expect(heatLadders(team, assessed([['b', 'eng']]), false, null)).toEqual({ ids: ['eng', 'design'], shown: 'eng' });
    // Everyone read, most assessments on another ladder: still the one most people are placed on.
    const all = assessed([
      ['b', 'eng'],
      ['c', 'design'],
      ['d', 'design'],
    ]);
    expect(heatLadders(team, all, true, null)).toEqual({ ids: ['eng', 'design'], shown: 'eng' });
    expect(heatLadders(team, all, true, 'design').shown).toBe('design');
    // A choice of a ladder nobody is on or assessed against is not kept.
    expect(heatLadders(team, all, true, 'gone').shown).toBe('eng');
  });

  it('falls back to the ladder most newest assessments are on, once all are read, when nobody placed has one', () => {
    const unplaced = [person('x'), person('y'), person('z')];
    const some = assessed([
      ['x', 'ops'],
      ['y', 'sales'],
      ['z', 'sales'],
    ]);
    expect(heatLadders(unplaced, some, false, null).shown).toBeUndefined();
    expect(heatLadders(unplaced, some, true, null)).toEqual({ ids: ['sales', 'ops'], shown: 'sales' });
    expect(heatLadders(team, assessed([['d', 'ops']]), true, null)).toEqual({ ids: ['eng', 'design', 'ops'], shown: 'ops' });
  });

  it('offers nothing when nobody has a finished assessment', () => {
    expect(heatLadders(team, new Map(), true, null)).toEqual({ ids: [], shown: null });
    expect(heatLadders(team, new Map(), false, null)).toEqual({ ids: ['eng', 'design'], shown: undefined });
  });
});
