import { useMemo } from 'react';

import { type Assessment, assessmentKindLabels } from '../../../shared/domain/assessments';
import { progression } from '../../../shared/domain/growth-charts';
import { formatDate } from '../../ui/dates';
import { preloadableLazy } from '../../ui/lazy-part';
import { ChartFrame } from './ChartFrame';
import { frozenKey, useFrozenLadders } from './useAssessmentLadders';

const ProgressionLines = preloadableLazy(() => import('./charts/ProgressionLines'));

const pct = (x: number | undefined) => (x === undefined ? '—' : `${x}%`);

/** One person over time: each finished assessment's mean share of the scales, self and manager as two lines. */
export function Progression({ assessments }: { assessments: readonly Assessment[] }) {
  const finished = useMemo(() => assessments.filter((a) => a.status === 'finished'), [assessments]);
  const ladders = useFrozenLadders(useMemo(() => finished.map((a) => a.ladder), [finished]));
  const points = useMemo(() => progression(finished, (a) => ladders.get(frozenKey(a.ladder)) ?? null), [finished, ladders]);
  if (finished.length === 0) return null;
  if (points.length === 0) return <p className="loading">Loading the progression…</p>;
  // One x position per period end; self and manager side by side on it.
  const byDate = new Map<string, Record<string, string | number | null>>();
  for (const p of points) {
    const row = byDate.get(p.date) ?? { label: formatDate(p.date, 'medium'), self: null, manager: null };
    if (p.overall !== undefined) row[p.kind] = p.overall;
    byDate.set(p.date, row);
  }
  const rows = [...byDate.values()];
  const summary = points.map((p) => `${assessmentKindLabels[p.kind]} to ${formatDate(p.date, 'medium')} at ${p.levelId}: ${pct(p.overall)}`).join('; ');
  return (
    <ChartFrame
      id="progression"
      title="Progression"
      summary={`Mean share of each scale, assessment by assessment. ${summary}`}
      chart={
        <ProgressionLines
          rows={rows}
          series={[
            { key: 'self', name: 'Self', colour: 'var(--chart-self)' },
            { key: 'manager', name: 'Manager', colour: 'var(--chart-manager)' },
          ]}
        />
      }
      table={
        <table className="data-table growth-chart-table" aria-label="Progression">
          <thead>
            <tr>
              <th scope="col">Period to</th>
              <th scope="col">Assessment</th>
              <th scope="col">Level</th>
              <th scope="col">Overall</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.assessmentId}>
                <th scope="row">{formatDate(p.date, 'medium')}</th>
                <td>{assessmentKindLabels[p.kind]}</td>
                <td>{p.levelId}</td>
                <td>{pct(p.overall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
