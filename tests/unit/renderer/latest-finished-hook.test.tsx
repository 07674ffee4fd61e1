import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import type { AssessmentsRepository } from '../../../renderer/db/assessments';
import { TrellisDatabase } from '../../../renderer/db/database';
import { type LatestFinished, useLatestFinished } from '../../../renderer/features/growth/useLatestFinished';

afterEach(cleanup);

const frozen = { ladderId: 'support', version: '1.0.0', hash: 'a'.repeat(64) };
const period = { from: '2026-07-01', to: '2026-12-31' };

type Source = Pick<AssessmentsRepository, 'latestFinished'>;

function Probe({ source, ids, seen }: { source: Source; ids: readonly string[]; seen: (LatestFinished | undefined)[] }) {
  const read = useLatestFinished(source, ids, 'manager', { first: 2, next: 2 });
  seen.push(read);
  return null;
}

describe('useLatestFinished (team heatmap)', () => {
  it('answers with the first people’s before everyone’s, then stays live per part', async () => {
    const db = new TrellisDatabase(`latest-hook-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    const people = [];
    const drafts = [];
    for (const name of ['Ana', 'Ben', 'Cas', 'Dor', 'Eli']) {
      const p = await repos.people.create({ name });
      const a = await repos.assessments.create({ personId: p.id, kind: 'manager', ladder: frozen, trackId: 'ic', levelId: 'S2', period });
      people.push(p);
      drafts.push(name === 'Eli' ? a : await repos.assessments.finish(a.id));
    }
    const ids = people.map((p) => p.id);
    const reads: string[][] = [];
    const source: Source = { latestFinished: (personIds, kind) => (reads.push([...personIds]), repos.assessments.latestFinished(personIds, kind)) };
    const seen: (LatestFinished | undefined)[] = [];
    render(<Probe source={source} ids={ids} seen={seen} />);
    expect(seen[0]).toBeUndefined();
    await waitFor(() => expect(seen.at(-1)?.complete).toBe(true));
    const answers = [...new Set(seen.filter((s): s is LatestFinished => s !== undefined))];
    // The first answer holds the first part only; each later one adds a part, in order (Eli has no finished one).
    expect(answers.map((a) => [[...a.latest.keys()], a.complete])).toEqual([
      [ids.slice(0, 2), false],
      [ids.slice(0, 4), false],
      [ids.slice(0, 4), true],
    ]);
    expect(reads).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    // Finishing Eli's draft comes through, and only Eli's part is read again.
    await repos.assessments.finish(drafts[4]!.id);
    await waitFor(() => expect(seen.at(-1)?.latest.get(ids[4]!)?.status).toBe('finished'));
    expect([...seen.at(-1)!.latest.keys()]).toEqual(ids);
    expect(reads.slice(3)).toEqual([ids.slice(4)]);
    db.close();
  });
});
