import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import type { AssessmentKind, Period } from '../../../shared/domain/assessments';

const frozen = { ladderId: 'support', version: '1.0.0', hash: 'a'.repeat(64) };
const half = (year: number, second: boolean): Period =>
  second ? { from: `${year}-07-01`, to: `${year}-12-31` } : { from: `${year}-01-01`, to: `${year}-06-30` };

async function setup() {
  let clock = Date.parse('2026-11-02T09:00:00Z');
  const db = new TrellisDatabase(`assessments-latest-${crypto.randomUUID()}`);
  const repos = createRepositories(db, () => new Date((clock += 60_000)));
  const assess = async (personId: string, kind: AssessmentKind, period: Period, finished: boolean) => {
    const a = await repos.assessments.create({ personId, kind, ladder: frozen, trackId: 'ic', levelId: 'S2', period });
    return finished ? repos.assessments.finish(a.id) : a;
  };
  return { repos, assess };
}

describe('each person’s newest finished assessment (team heatmap)', () => {
  it('finds it under the newest few, and further down past a long run of drafts and the other kind', async () => {
    const { repos, assess } = await setup();
    const alex = await repos.people.create({ name: 'Alex Rivera' });
    const bo = await repos.people.create({ name: 'Bo Lind' });
    const cy = await repos.people.create({ name: 'Cy Park' });
    const nobody = await repos.people.create({ name: 'Dee Moss' });
    // Alex: the manager's are drafts for three half-years running, each under a finished self-assessment.
    const alexManager = await assess(alex.id, 'manager', half(2025, false), true);
    await assess(alex.id, 'self', half(2025, false), true);
    for (const [year, second] of [
      [2025, true],
      [2026, false],
      [2026, true],
    ] as const) {
      await assess(alex.id, 'self', half(year, second), true);
      await assess(alex.id, 'manager', half(year, second), false);
    }
    // Bo: only drafts. Cy: an older finished one and the newest.
    await assess(bo.id, 'manager', half(2026, true), false);
    await assess(cy.id, 'manager', half(2025, true), true);
    const cyNewest = await assess(cy.id, 'manager', half(2026, true), true);

    const managers = await repos.assessments.latestFinished([alex.id, bo.id, cy.id, nobody.id], 'manager');
    expect([...managers].map(([id, a]) => [id, a.id])).toEqual([
      [alex.id, alexManager.id],
      [cy.id, cyNewest.id],
    ]);
    const selves = await repos.assessments.latestFinished([alex.id, bo.id], 'self');
    expect([...selves.values()].map((a) => [a.personId, a.kind, a.status, a.date])).toEqual([[alex.id, 'self', 'finished', '2026-12-31']]);
    // Only the people asked about.
    expect([...(await repos.assessments.latestFinished([cy.id], 'manager')).keys()]).toEqual([cy.id]);
    expect(await repos.assessments.latestFinished([], 'manager')).toEqual(new Map());
  });
});
