import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ratingKey, ratingTargets } from '../../../shared/domain/assessments';
import { type Ladder, placementOptions } from '../../../shared/ladder';
import { checkPlacement } from '../../../shared/ladder/placement';
import { generateSample } from '../../../shared/sample';
import { sampleLadders } from '../../../shared/sample/ladders';
import { createTestMain, type TestMain } from '../../support/main-context';

/** The shipped ladders as main reads them from the bundled folder: each one's version, hash and model. */
let shipped: Map<string, { version: string | null; hash: string | null; ladder: Ladder }>;
let main: TestMain;

beforeAll(async () => {
  main = await createTestMain();
  const list = await main.dispatch('ladders:list', undefined);
  if (!list.ok) throw new Error('no ladder list');
  shipped = new Map();
  for (const summary of (list.value as { ladders: { key: string; id: string | null; origin: string; hash: string | null; version: string | null }[] })
    .ladders) {
    if (summary.origin !== 'bundled' || !summary.id) continue;
    const detail = await main.dispatch('ladders:get', { key: summary.key });
    if (!detail.ok) throw new Error(`no ladder ${summary.key}`);
    shipped.set(summary.id, { version: summary.version, hash: summary.hash, ladder: (detail.value as { ladder: Ladder }).ladder });
  }
});
afterAll(() => main.dispose());

describe('the sample on the shipped ladders', () => {
  it('names each shipped ladder by its real version and hash', () => {
    for (const ref of Object.values(sampleLadders)) {
      const found = shipped.get(ref.ladderId);
      expect(found, ref.ladderId).toBeDefined();
      expect({ version: found!.version, hash: found!.hash }).toEqual({ version: ref.version, hash: ref.hash });
    }
  });

  it.each(['small', 'medium'] as const)('%s: places everyone on a track and level of their ladder, against its real version', (size) => {
    const sample = generateSample({ size, seed: 'ladders', today: '2026-11-16' });
    const people = sample.tables.people;
    // Engineers, managers and the user: every person the org module gives a ladder level.
    expect(people.filter((p) => p.placement).length).toBeGreaterThanOrEqual(people.filter((p) => p.track !== 'other').length);
    for (const p of people) {
      if (!p.placement) continue;
      const { ladder, version, hash } = shipped.get(p.placement.ladderId)!;
      expect(p.placement.against).toEqual({ ladderId: ladder.id, version, hash });
      expect(checkPlacement(ladder, p.placement), `${p.name} at ${p.placement.levelId}`).toMatchObject({ ok: true, levelId: p.placement.levelId });
      // The free-text level the person had before ladders is the level they are placed at.
      expect(p.placement.levelId).toBe(p.level);
      expect(
        placementOptions(ladder)
          .find((o) => o.trackId === p.placement!.trackId)
          ?.levels.map((l) => l.id),
      ).toContain(p.level);
    }
    if (size === 'medium')
      expect(new Set(people.flatMap((p) => (p.placement ? [`${p.placement.ladderId}/${p.placement.trackId}`] : [])))).toContain('engineering/management');
  });

  it.each(['small', 'medium'] as const)('%s: assessments rate exactly what each level asks, on its scales, frozen where the person is placed', (size) => {
    const sample = generateSample({ size, seed: 'ladders', today: '2026-11-16' });
    const rows = sample.tables.assessments;
    const people = new Map(sample.tables.people.map((p) => [p.id, p]));
    expect(rows.length).toBeGreaterThan(4);
    expect(rows.some((a) => a.status === 'finished' && a.kind === 'manager')).toBe(true);
    expect(rows.some((a) => a.status === 'draft' && a.kind === 'self')).toBe(true);
    if (size === 'medium') {
      expect(rows.some((a) => a.status === 'draft' && a.kind === 'manager')).toBe(true);
      const tracks = new Set(rows.map((a) => `${a.ladder.ladderId}/${a.trackId}`));
      expect(tracks.has('engineering/ic') && tracks.has('engineering/management')).toBe(true);
    }
    for (const a of rows) {
      const person = people.get(a.personId)!;
      expect(person.placement, person.name).toMatchObject({ ladderId: a.ladder.ladderId, trackId: a.trackId, levelId: a.levelId, against: a.ladder });
      const { ladder } = shipped.get(a.ladder.ladderId)!;
      const targets = ratingTargets(ladder, a.trackId, a.levelId);
      const scales = new Map(targets.flatMap((c) => c.targets.map((t) => [t.key, c.scale] as const)));
      expect(a.ratings.map((r) => ratingKey(r.ref)).sort()).toEqual([...scales.keys()].sort());
      for (const r of a.ratings) {
        const scale = scales.get(ratingKey(r.ref))!;
        if (scale.kind === 'labels') expect(scale.steps.map((s) => s.id)).toContain(r.value);
        else expect(typeof r.value === 'number' && r.value >= (scale.min ?? 0) && r.value <= (scale.max ?? 5)).toBe(true);
      }
    }
  });

  it('medium: feedback and wins name competencies of the person’s own ladder and track', () => {
    const sample = generateSample({ size: 'medium', seed: 'ladders', today: '2026-11-16' });
    const people = new Map(sample.tables.people.map((p) => [p.id, p]));
    const named = [...sample.tables.feedback, ...sample.tables.wins].filter((e) => e.criteria.length > 0);
    expect(named.length).toBeGreaterThan(20);
    for (const e of named) {
      const placement = people.get(e.personId)!.placement!;
      const { ladder } = shipped.get(placement.ladderId)!;
      const onTrack = new Set(ladder.competencies.filter((c) => c.trackIds.includes(placement.trackId)).map((c) => c.id));
      for (const ref of e.criteria) {
        expect(ref.ladderId).toBe(placement.ladderId);
        expect(onTrack.has(ref.competencyId), ref.competencyId).toBe(true);
      }
    }
  });
});
