import type { Person } from './person';

export interface OrgNode {
  person: Person;
  reports: OrgNode[];
}

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name);

/**
 * Manager → reports forest. People whose manager is unknown (or archived and hidden) become
 * roots, so nobody disappears from the chart; cycles cannot occur because saving refuses them,
 * but a visited set keeps a corrupted import from recursing forever.
 */
export function buildOrgTree(people: Person[]): OrgNode[] {
  const ids = new Set(people.map((p) => p.id));
  const childrenOf = new Map<string | null, Person[]>();
  for (const p of people) {
    const parent = p.managerId && ids.has(p.managerId) && p.managerId !== p.id ? p.managerId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(p);
    childrenOf.set(parent, list);
  }
  const visited = new Set<string>();
  const build = (p: Person): OrgNode => {
    visited.add(p.id);
    const reports = (childrenOf.get(p.id) ?? [])
      .filter((r) => !visited.has(r.id))
      .sort(byName)
      .map(build);
    return { person: p, reports };
  };
  const roots = (childrenOf.get(null) ?? []).sort(byName).map(build);
  // Anyone left over sits in a cycle: surface them as roots rather than hide them.
  for (const p of [...people].sort(byName)) if (!visited.has(p.id)) roots.push(build(p));
  return roots;
}

/** Would making `managerId` the manager of `personId` create a loop? */
export function wouldCreateCycle(people: Pick<Person, 'id' | 'managerId'>[], personId: string, managerId: string | null): boolean {
  if (!managerId) return false;
  if (managerId === personId) return true;
  const managerOf = new Map(people.map((p) => [p.id, p.managerId]));
  const seen = new Set<string>();
  let current: string | null | undefined = managerId;
  while (current && !seen.has(current)) {
    if (current === personId) return true;
    seen.add(current);
    current = managerOf.get(current);
  }
  return false;
}
