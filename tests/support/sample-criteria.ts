import { levelTitle, targetCriteria } from '../../shared/packets';
import { sampleLevels } from '../../shared/sample/modules/assessments';
import { createTestMain } from './main-context';

type Ladder = Parameters<typeof targetCriteria>[0];

/** What the sample's calibration packets should say, read from the shipped engineering ladder through main. */
export async function sampleCriteriaFrom() {
  const main = await createTestMain();
  try {
    const list = await main.dispatch('ladders:list', undefined);
    if (!list.ok) throw new Error('no ladder list');
    const listed = list.value as { ladders: { key: string; version: string | null }[] };
    const summary = listed.ladders.find((l) => l.key === 'bundled:engineering.yaml')!;
    const detail = await main.dispatch('ladders:get', { key: summary.key });
    if (!detail.ok) throw new Error('no ladder');
    const ladder = (detail.value as { ladder: Ladder }).ladder;
    const track = ladder.tracks.find((t) => t.id === 'ic')!;
    return {
      version: summary.version,
      track: { id: track.id, name: track.name },
      titles: Object.fromEntries(sampleLevels.map((l) => [l, levelTitle(ladder, 'ic', l)])),
      criteria: Object.fromEntries(
        sampleLevels
          .slice(1)
          .map((l) => [
            l,
            targetCriteria(ladder, 'ic', l).map(({ criterionId, competencyId, competencyName, text }) => ({ criterionId, competencyId, competencyName, text })),
          ]),
      ),
    };
  } finally {
    await main.dispose();
  }
}
