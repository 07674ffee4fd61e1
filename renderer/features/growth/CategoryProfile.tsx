import { useMemo } from 'react';

import type { Assessment } from '../../../shared/domain/assessments';
import { categoryProfile } from '../../../shared/domain/growth-charts';
import type { Ladder } from '../../../shared/ladder';
import { preloadableLazy } from '../../ui/lazy-part';
import { ChartFrame } from './ChartFrame';

const CategoryBars = preloadableLazy(() => import('./charts/CategoryBars'));

const pct = (x: number | undefined) => (x === undefined ? '—' : `${x}%`);

/** Per category: self, manager and what the next level expects, each as a share of the scales. */
export function CategoryProfile({ ladder, base, self, manager }: { ladder: Ladder; base: Assessment; self?: Assessment; manager?: Assessment }) {
  const track = ladder.tracks.find((t) => t.id === base.trackId);
  const levels = track?.levelIds ?? [];
  const index = levels.indexOf(base.levelId);
  const next = index >= 0 && index < levels.length - 1 ? levels[index + 1]! : null;
  const expectedLevel = next ?? base.levelId;
  const expectedLabel = next ? `${next} expects` : `${base.levelId} expects`;
  const points = useMemo(() => categoryProfile(ladder, base.trackId, expectedLevel, self, manager), [ladder, base.trackId, expectedLevel, self, manager]);
  if (points.length === 0) return null;
  const summary = points
    .map((p) => `${p.category}: self ${pct(p.self)}, manager ${pct(p.manager)}, ${expectedLabel.toLowerCase()} ${pct(p.expected)}`)
    .join('; ');
  return (
    <ChartFrame
      id="categories"
      title="By category"
      summary={`Share of each scale by category. ${summary}`}
      chart={<CategoryBars points={points} expectedLabel={expectedLabel} />}
      table={
        <table className="data-table growth-chart-table" aria-label="By category">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Self</th>
              <th scope="col">Manager</th>
              <th scope="col">{expectedLabel}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.categoryId}>
                <th scope="row">{p.category}</th>
                <td>{pct(p.self)}</td>
                <td>{pct(p.manager)}</td>
                <td>{pct(p.expected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
