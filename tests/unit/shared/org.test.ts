import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildOrgTree, type OrgNode, wouldCreateCycle } from '../../../shared/domain/org';
import type { Person } from '../../../shared/domain/person';

const person = (id: string, managerId: string | null = null): Person => ({ id, name: id, managerId, archived: false, createdAt: '', updatedAt: '' });
const count = (nodes: OrgNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.reports), 0);

describe('org tree', () => {
  it('nests reports under managers and sorts by name', () => {
    const tree = buildOrgTree([person('sam', 'maya'), person('maya'), person('alex', 'maya'), person('kim', 'alex')]);
    expect(tree.map((n) => n.person.id)).toEqual(['maya']);
    expect(tree[0]!.reports.map((n) => n.person.id)).toEqual(['alex', 'sam']);
    expect(tree[0]!.reports[0]!.reports.map((n) => n.person.id)).toEqual(['kim']);
  });

  it('shows everyone exactly once, even with unknown managers or corrupted loops', () => {
    const arbitraryOrg = fc
      .integer({ min: 1, max: 30 })
      .chain((n) => fc.array(fc.option(fc.integer({ min: 0, max: n + 3 }), { nil: null }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(arbitraryOrg, (managers) => {
        const people = managers.map((m, i) => person(`p${i}`, m === null ? null : `p${m}`));
        const tree = buildOrgTree(people);
        return count(tree) === people.length;
      }),
    );
  });

  it('detects manager loops', () => {
    const people = [person('a'), person('b', 'a'), person('c', 'b')];
    expect(wouldCreateCycle(people, 'a', 'c')).toBe(true);
    expect(wouldCreateCycle(people, 'a', 'a')).toBe(true);
    expect(wouldCreateCycle(people, 'c', 'a')).toBe(false);
    expect(wouldCreateCycle(people, 'a', null)).toBe(false);
  });
});
