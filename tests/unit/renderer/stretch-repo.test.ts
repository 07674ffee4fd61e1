import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { ValidationError } from '../../../renderer/db/errors';
import { evidenceFor } from '../../../renderer/db/evidence';
import { budgetSummary } from '../../../shared/domain/stretch';

async function setup() {
  const db = new TrellisDatabase(`stretch-${crypto.randomUUID()}`);
  const repos = createRepositories(db, () => new Date('2026-11-02T09:00:00Z'));
  const alex = await repos.people.create({ name: 'Alex Rivera' });
  const maya = await repos.people.create({ name: 'Maya Okafor' });
  return { db, repos, alex, maya };
}

describe('stretch repository', () => {
  it('keeps a stretch project with its sponsor as evidence of the competencies it grows', async () => {
    const { db, repos, alex, maya } = await setup();
    const project = await repos.stretch.addProject(alex.id, {
      title: 'Lead the payments migration',
      sponsorId: maya.id,
      status: 'active',
      outcome: '',
      criteria: [{ ladderId: 'engineering', competencyId: 'system-design' }],
    });
    expect(project).toMatchObject({ competencyIds: ['system-design'], date: '2026-11-02', visibility: 'shareable' });
    expect(await repos.stretch.sponsoredBy(maya.id)).toEqual([project]);
    expect((await evidenceFor(db, { personId: alex.id, competencyId: 'system-design' }, ['stretch'])).map((e) => e.title)).toEqual([
      'Stretch: Lead the payments migration',
    ]);
    await expect(repos.stretch.updateProject(project.id, { ...project, sponsorId: alex.id })).rejects.toBeInstanceOf(ValidationError);
    const done = await repos.stretch.updateProject(project.id, { ...project, status: 'done', outcome: 'Shipped in March' });
    expect(done).toMatchObject({ status: 'done', outcome: 'Shipped in March', sponsorId: maya.id });
  });

  it('sums a year’s learning against the budget, reading only that year', async () => {
    const { repos, alex } = await setup();
    await repos.stretch.setBudget(alex.id, 2026, { amount: 150_000, currency: 'EUR' });
    await repos.stretch.addLearning(alex.id, { kind: 'conference', title: 'KubeCon', date: '2026-04-01', cost: 90_000, currency: 'EUR' });
    await repos.stretch.addLearning(alex.id, {
      kind: 'book',
      title: 'Designing Data-Intensive Applications',
      date: '2026-06-01',
      cost: 4_550,
      currency: 'EUR',
    });
    await repos.stretch.addLearning(alex.id, { kind: 'time', title: 'Rust fridays', date: '2026-07-01', hours: 16 });
    await repos.stretch.addLearning(alex.id, { kind: 'course', title: 'Last year', date: '2025-12-31', cost: 1_000, currency: 'EUR' });
    const items = await repos.stretch.learningInYear(alex.id, 2026);
    expect(items.map((i) => i.title)).toEqual(['Rust fridays', 'Designing Data-Intensive Applications', 'KubeCon']);
    const summary = budgetSummary(items, (await repos.stretch.budget(alex.id, 2026)) ?? null, 2026);
    expect(summary).toMatchObject({ spent: 94_550, left: 55_450, hours: 16 });
    await expect(repos.stretch.addLearning(alex.id, { kind: 'book', title: 'x', date: '2026-01-01', cost: 100 })).rejects.toThrow('currency');
    await expect(repos.stretch.setBudget(alex.id, 2026, { amount: 1, currency: 'euro' })).rejects.toThrow('Use a currency code');
    await repos.stretch.setBudget(alex.id, 2026, null);
    expect(await repos.stretch.budget(alex.id, 2026)).toBeUndefined();
  });
});
