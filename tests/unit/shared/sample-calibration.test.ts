import { describe, expect, it } from 'vitest';

import { candidatesOf } from '../../../shared/calibration';
import { generateSample } from '../../../shared/sample';
import { sampleLevelTitles, sampleTargetCriteria, sampleTrack } from '../../../shared/sample/modules/sample-criteria';
import { sampleCriteriaFrom } from '../../support/sample-criteria';

describe('the sample calibration session', () => {
  it('knows what the shipped engineering ladder asks at each level (regenerate with scripts/sample-criteria.ts when the ladder changes)', async () => {
    const real = await sampleCriteriaFrom();
    expect(sampleTrack).toEqual(real.track);
    expect(sampleLevelTitles).toEqual(real.titles);
    expect(sampleTargetCriteria).toEqual(real.criteria);
  });

  it('sends packets that argue for the real criteria of the level proposed, with its real title and track', () => {
    const sample = generateSample({ size: 'medium', today: '2026-11-16' });
    const candidates = candidatesOf(sample.tables.sessionPackets);
    expect(candidates.length).toBeGreaterThan(3);
    for (const c of candidates) {
      const target = c.content!.target;
      expect(target.trackId).toBe('ic');
      expect(target.trackName).toBe(sampleTrack.name);
      expect(target.levelTitle).toBe(sampleLevelTitles[target.levelId]);
      const asked = sampleTargetCriteria[target.levelId]!;
      expect(asked.length).toBeGreaterThan(0);
      expect(c.content!.criteria.map(({ criterionId, competencyId, competencyName, text }) => ({ criterionId, competencyId, competencyName, text }))).toEqual(
        asked,
      );
      // Not the placeholder wording of before ("code quality at L3").
      for (const cr of c.content!.criteria) expect(cr.text).not.toMatch(/ at L\d$/);
    }
  });
});
