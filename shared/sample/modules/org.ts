import type { Person, Track } from '../../domain/person';
import type { Relationship } from '../../domain/relationships';
import type { Team } from '../../domain/team';
import type { SampleContext, SampleModule, Tenure } from '../context';
import { fromDay, stampAt, toDay } from '../days';
import { placementOf, samplePlace } from '../ladders';
import type { Random } from '../random';
import type { Scene } from '../text';
import { firstNames, lastNames, projects, teamNames } from '../words';

const managerTitles: Record<number, { title: string; level: string }> = {
  1: { title: 'Engineering Manager', level: 'M1' },
  2: { title: 'Senior Engineering Manager', level: 'M2' },
  3: { title: 'Director of Engineering', level: 'M3' },
  4: { title: 'VP of Engineering', level: 'M4' },
};

const icLevels = [
  { level: 'L1', title: 'Engineer I', next: 'Engineer II', weight: 10 },
  { level: 'L2', title: 'Engineer II', next: 'Senior Engineer', weight: 28 },
  { level: 'L3', title: 'Senior Engineer', next: 'Lead Engineer', weight: 34 },
  { level: 'L4', title: 'Lead Engineer', next: 'Staff Engineer', weight: 16 },
  { level: 'L5', title: 'Staff Engineer', next: 'Senior Staff Engineer', weight: 9 },
  { level: 'L6', title: 'Senior Staff Engineer', next: 'Principal Engineer', weight: 3 },
] as const;

const otherRoles: { track: Track; titles: readonly [string, string][]; share: number }[] = [
  {
    track: 'design',
    titles: [
      ['L2', 'Product Designer'],
      ['L3', 'Senior Product Designer'],
    ],
    share: 0.07,
  },
  {
    track: 'product',
    titles: [
      ['L2', 'Product Manager'],
      ['L3', 'Senior Product Manager'],
    ],
    share: 0.05,
  },
];

interface Placed {
  person: Person;
  depth: number;
  /** Levels between this person and the bottom of the org: 0 for individual contributors. */
  height: number;
  nextLevel: string;
}

function uniqueName(rng: Random, used: Set<string>): string {
  for (;;) {
    const name = `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

const emailOf = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.')}@sample.example.com`;

/** Teams, people (an org of several levels) and the mentor, sponsor and skip-level ties between them. */
export const orgModule: SampleModule = {
  id: 'org',
  fills: ['teams', 'people', 'relationships'],
  generate(ctx: SampleContext) {
    const { rng, size } = ctx;
    const today = toDay(ctx.today);
    const historyStart = today - size.historyWeeks * 7;
    const levels = size.levels;
    const names = new Set<string>();
    const placed: Placed[][] = [];
    const tenure = new Map<string, Tenure>();
    const teams: Team[] = [];
    const teamOf = new Map<string, string>();
    const teamNamePool = rng.sample(teamNames, teamNames.length);
    const joinDays = joiningDays(ctx, levels.reduce((a, b) => a + b, 0) - 1);

    for (let depth = 0; depth < levels.length; depth++) {
      const height = levels.length - 1 - depth;
      const row: Placed[] = [];
      const above = placed[depth - 1] ?? [];
      for (let j = 0; j < levels[depth]!; j++) {
        const manager = above.length ? above[Math.floor((j * above.length) / levels[depth]!)]! : undefined;
        const name = uniqueName(rng, names);
        const id = rng.uuid();
        const joinedDay = depth === 0 ? historyStart - rng.int(200, 900) : joinDays.shift()!;
        let title: string;
        let level: string;
        let track: Track;
        let nextLevel: string;
        if (height > 0) {
          const role = managerTitles[Math.min(height, 4)]!;
          ({ title, level } = role);
          track = 'management';
          nextLevel = managerTitles[Math.min(height + 1, 4)]!.title;
        } else {
          const other = otherRoles.find((r) => rng.chance(r.share));
          if (other) {
            [level, title] = rng.pick(other.titles);
            track = other.track;
            nextLevel = `Senior ${title.replace(/^Senior /, 'Lead ')}`;
          } else {
            const ic = rng.weighted(icLevels.map((l) => [l, l.weight] as const));
            ({ level, title } = ic);
            nextLevel = ic.next;
            track = 'engineering';
          }
        }
        const joined = fromDay(joinedDay);
        const levelSince = fromDay(Math.min(today - 1, joinedDay + rng.int(0, Math.max(0, today - joinedDay - 1))));
        const createdDay = Math.max(historyStart - 1, joinedDay);
        const created = stampAt(createdDay, '08:30', rng.int(0, 300));
        const place = samplePlace(track, level);
        const person: Person = {
          id,
          name,
          email: emailOf(name),
          title,
          track,
          level,
          // On the shipped ladder, as someone who placed their org would have them.
          ...(place ? { placement: placementOf(place) } : {}),
          managerId: manager?.person.id ?? null,
          startDate: joined,
          levelSince,
          archived: false,
          createdAt: created,
          updatedAt: levelSince > created.slice(0, 10) ? stampAt(toDay(levelSince), '17:00') : created,
        };
        tenure.set(id, { joined });
        row.push({ person, depth, height, nextLevel });
      }
      placed.push(row);
    }

    // Each first-line manager leads a team; their reports belong to it.
    for (const p of placed.flat()) {
      if (p.height !== 1) continue;
      const name =
        teamNamePool[teams.length % teamNamePool.length]! +
        (teams.length >= teamNamePool.length ? ` ${1 + Math.floor(teams.length / teamNamePool.length)}` : '');
      const stamp = p.person.createdAt;
      const team: Team = { id: rng.uuid(), name, createdAt: stamp, updatedAt: stamp };
      teams.push(team);
      teamOf.set(p.person.id, team.id);
    }
    for (const p of placed.flat()) {
      const teamId = teamOf.get(p.person.id) ?? (p.person.managerId ? teamOf.get(p.person.managerId) : undefined);
      if (teamId) p.person.teamId = teamId;
    }

    // Some have left: archived, their 1:1s ended on the day they left. Never the user or a manager;
    // only people who had been here a while, and always some time ago.
    const ics = placed.flat().filter((p) => p.height === 0 && today - toDay(tenure.get(p.person.id)!.joined) > 200);
    for (const p of rng.sample(ics, Math.round(placed.flat().length * size.archivedShare))) {
      const t = tenure.get(p.person.id)!;
      const joinedDay = toDay(t.joined);
      const leftDay = Math.max(joinedDay, historyStart) + rng.int(60, Math.max(60, today - Math.max(joinedDay, historyStart) - 60));
      t.left = fromDay(leftDay);
      p.person.archived = true;
      p.person.updatedAt = stampAt(leftDay, '18:00');
    }

    const people = placed.flat().map((p) => p.person);
    ctx.tables.teams.push(...teams);
    ctx.tables.people.push(...people);
    ctx.tables.relationships.push(...relationships(ctx, placed.flat()));
    ctx.facts.meId = placed[0]![0]!.person.id;
    ctx.facts.tenure = tenure;
    ctx.facts.sceneFor = scenes(ctx, placed.flat(), new Map(teams.map((t) => [t.id, t.name])));
  },
};

/**
 * When everyone but the user joined, newest first in no particular order: most joined in the
 * last two years, some long before the history starts. Scaled so that, meeting most weeks, the
 * 1:1s since each person joined add up to the size's number of meetings.
 */
function joiningDays(ctx: SampleContext, count: number): number[] {
  const { rng, size } = ctx;
  const today = toDay(ctx.today);
  const shapes = Array.from({ length: count }, () => rng.next() ** 1.6);
  const weeksAvailable = (scale: number) => shapes.reduce((n, u) => n + Math.min(size.historyWeeks, Math.max(3, Math.round(scale * u))), 0);
  // About nine weeks in ten hold a meeting (holidays, travel, illness take the rest).
  const wanted = size.meetings / 0.9;
  let lo = 0;
  let hi = size.historyWeeks * 50;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (weeksAvailable(mid) < wanted) lo = mid;
    else hi = mid;
  }
  return shapes.map((u) => {
    const weeks = Math.max(3, Math.round(hi * u));
    // Beyond the history window, spread the joining dates over the years before it.
    const extra = weeks >= size.historyWeeks ? rng.int(0, 150) : 0;
    return today - 7 * (weeks + extra) - rng.int(0, 6);
  });
}

function relationships(ctx: SampleContext, everyone: Placed[]): Relationship[] {
  const { rng } = ctx;
  const active = everyone.filter((p) => !p.person.archived && p.depth > 0);
  const seniors = active.filter((p) => p.height > 0 || ['L4', 'L5', 'L6'].includes(p.person.level ?? ''));
  const out: Relationship[] = [];
  const seen = new Set<string>();
  const add = (kind: Relationship['kind'], from: Person, to: Person, opportunity?: string) => {
    const key = `${kind}:${from.id}:${to.id}`;
    if (from.id === to.id || seen.has(key) || to.managerId === from.id) return;
    seen.add(key);
    const created = from.createdAt > to.createdAt ? from.createdAt : to.createdAt;
    out.push({ id: rng.uuid(), kind, fromId: from.id, toId: to.id, ...(opportunity ? { opportunity } : {}), createdAt: created, updatedAt: created });
  };
  if (seniors.length === 0) return out;
  for (const p of active) {
    if (p.height === 0 && rng.chance(0.08)) add('mentor', rng.pick(seniors).person, p.person);
    if (rng.chance(0.02)) add('sponsor', rng.pick(seniors).person, p.person, `Lead ${rng.pick(projects)}`);
  }
  // Skip-levels the user keeps on purpose, two levels down.
  const byId = new Map(everyone.map((p) => [p.person.id, p]));
  for (const p of active.filter((x) => x.depth === 2 && rng.chance(0.15))) {
    const skip = byId.get(byId.get(p.person.managerId!)?.person.managerId ?? '');
    if (skip) add('skip-level', skip.person, p.person);
  }
  return out;
}

/** Conversations mention the manager, peers and reports by first name, and the project of the moment. */
function scenes(ctx: SampleContext, everyone: Placed[], teamNames: Map<string, string>): (personId: string, date: string) => Scene {
  const byId = new Map(everyone.map((p) => [p.person.id, p]));
  const reportsOf = new Map<string, Placed[]>();
  for (const p of everyone) if (p.person.managerId) reportsOf.set(p.person.managerId, [...(reportsOf.get(p.person.managerId) ?? []), p]);
  const first = (p: Placed) => p.person.name.split(' ')[0]!;
  const cache = new Map<string, { base: Omit<Scene, 'project'>; projects: string[] }>();
  const rng = ctx.rng.fork('scenes');
  return (personId, date) => {
    let entry = cache.get(personId);
    if (!entry) {
      const p = byId.get(personId);
      if (!p) throw new Error(`No sample person ${personId}`);
      const manager = p.person.managerId ? byId.get(p.person.managerId) : undefined;
      const peers = manager ? (reportsOf.get(manager.person.id) ?? []).filter((x) => x !== p) : [];
      const around = [...(manager && manager.depth > 0 ? [manager] : []), ...rng.sample(peers, 5), ...rng.sample(reportsOf.get(personId) ?? [], 4)];
      entry = {
        base: {
          them: first(p),
          colleagues: [...new Set(around.map(first))].filter((n) => n !== first(p)),
          team: teamNames.get(p.person.teamId ?? '') ?? 'platform',
          nextLevel: p.nextLevel,
        },
        projects: Array.from({ length: 60 }, () => rng.pick(projects)),
      };
      cache.set(personId, entry);
    }
    // The project of the moment changes about every two months.
    const period = Math.floor(toDay(date) / 56);
    return { ...entry.base, project: entry.projects[period % entry.projects.length]! };
  };
}
