import { describe, expect, it } from 'vitest';

import { ratingKey, ratingTargets } from '../../../shared/domain/assessments';
import { generateSample } from '../../../shared/sample';
import { sampleLadder } from '../../../shared/sample/modules/assessments';
import { createTestMain } from '../../support/main-context';

describe('sample assessments', () => {
  it('are frozen against the shipped engineering ladder and rate exactly what each level asks, on its scales', async () => {
    const main = await createTestMain();
    try {
      const list = await main.dispatch('ladders:list', undefined);
      if (!list.ok) throw new Error('no ladder list');
      const listed = list.value as { ladders: { key: string; hash: string | null; version: string | null }[] };
      const summary = listed.ladders.find((l) => l.key === 'bundled:engineering.yaml')!;
      expect({ hash: summary.hash, version: summary.version }).toEqual({ hash: sampleLadder.hash, version: sampleLadder.version });
      const detail = await main.dispatch('ladders:get', { key: summary.key });
      if (!detail.ok) throw new Error('no ladder');
      const ladder = (detail.value as { ladder: Parameters<typeof ratingTargets>[0] }).ladder;

      const sample = generateSample({ size: 'small', seed: 'assessments', today: '2026-11-16' });
      const rows = sample.tables.assessments;
      expect(rows.length).toBeGreaterThan(4);
      expect(rows.some((a) => a.status === 'finished') && rows.every((a) => a.status === 'finished' || a.kind === 'self')).toBe(true);
      for (const a of rows) {
        const targets = ratingTargets(ladder, a.trackId, a.levelId);
        const scales = new Map(targets.flatMap((c) => c.targets.map((t) => [t.key, c.scale] as const)));
        expect(a.ratings.map((r) => ratingKey(r.ref)).sort()).toEqual([...scales.keys()].sort());
        for (const r of a.ratings) expect(scales.get(ratingKey(r.ref))!.steps.map((s) => s.id)).toContain(r.value);
      }
    } finally {
      await main.dispose();
    }
  });
});
