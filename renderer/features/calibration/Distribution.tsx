import { useState } from 'react';

import {
  type CandidateFacts,
  distribution,
  type DistributionRow,
  type Grouping,
  groupingLabels,
  groupings,
  MIN_GROUP_SIZE,
  timeInLevelBands,
} from '../../../shared/calibration';
import { ChartFrame } from '../../ui/ChartFrame';
import { preloadableLazy } from '../../ui/lazy-part';
import { Segmented } from '../../ui/Segmented';
import type { Reading } from './reading';

const OutcomeBars = preloadableLazy(() => import('./charts/OutcomeBars'));
const TimeInLevelBars = preloadableLazy(() => import('./charts/TimeInLevelBars'));

const months = (n: number) => (n < 24 ? `${n} months` : `${Math.floor(n / 12)} years ${n % 12 ? `${n % 12} months` : ''}`.trim());
const fewer = (n: number) => `${n} ${n === 1 ? 'group' : 'groups'} of fewer than ${MIN_GROUP_SIZE} people not shown`;

/**
 * Proposed against decided by level, track, team or manager, and the candidates' time in level:
 * each a chart with its table. A group of fewer than MIN_GROUP_SIZE people is not summarised in
 * either, so no one can be told apart from a count or an average.
 */
export function Distribution({ facts, reading }: { facts: readonly CandidateFacts[]; reading: Reading }) {
  const [by, setBy] = useState<Grouping>('level');
  const rows = distribution(facts, by, (v) => reading.group(by, v));
  const shown = rows.filter((r): r is Extract<DistributionRow, { summarised: true }> => r.summarised);
  const hidden = rows.length - shown.length;
  const bands = timeInLevelBands(facts);
  const byLabel = groupingLabels[by].toLowerCase();
  const outcomeSummary =
    shown.length === 0
      ? `No ${byLabel} has ${MIN_GROUP_SIZE} or more candidates: nothing is summarised.`
      : `Proposed and decided by ${byLabel}. ${shown
          .map((r) => `${r.group}: ${r.proposed} proposed, ${r.promote} promote, ${r.notYet} not yet, ${r.defer} defer, ${r.undecided} undecided`)
          .join('; ')}${hidden > 0 ? `; ${fewer(hidden)}` : ''}.`;

  return (
    <section aria-labelledby="calibration-distribution" className="calibration-distribution">
      <h2 id="calibration-distribution" className="calibration-heading">
        Proposed and decided
      </h2>
      <p className="muted small">Groups of fewer than {MIN_GROUP_SIZE} people are not summarised, so no one can be told apart from a count or an average.</p>
      <ChartFrame
        id="calibration-outcomes"
        level={3}
        className="calibration-chart"
        drawWhenVisible
        title={`By ${byLabel}`}
        summary={outcomeSummary}
        actions={<Segmented<Grouping> label="Group by" options={groupings.map((g) => ({ id: g, label: groupingLabels[g] }))} value={by} onChange={setBy} />}
        chart={
          shown.length === 0 ? (
            <p className="muted">{outcomeSummary}</p>
          ) : (
            <>
              <OutcomeBars points={shown} />
              {hidden > 0 && <p className="muted small">Not drawn: {fewer(hidden).replace(/ not shown$/, '')} (see the table).</p>}
            </>
          )
        }
        table={
          <div className="data-table-card">
            <table className="data-table" aria-label={`Proposed and decided by ${byLabel}`}>
              <thead>
                <tr>
                  <th scope="col">{groupingLabels[by]}</th>
                  <th scope="col">Proposed</th>
                  <th scope="col">Promote</th>
                  <th scope="col">Not yet</th>
                  <th scope="col">Defer</th>
                  <th scope="col">Undecided</th>
                  <th scope="col">Median time in level</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.group}>
                    <th scope="row">{r.group}</th>
                    {r.summarised ? (
                      <>
                        <td>{r.proposed}</td>
                        <td>{r.promote}</td>
                        <td>{r.notYet}</td>
                        <td>{r.defer}</td>
                        <td>{r.undecided}</td>
                        <td>{r.medianMonthsInLevel === null ? 'Not enough known' : months(r.medianMonthsInLevel)}</td>
                      </>
                    ) : (
                      <td colSpan={6} className="muted">
                        Fewer than {MIN_GROUP_SIZE} people: not summarised
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        }
      />
      {bands.summarised ? (
        <ChartFrame
          id="calibration-time-in-level"
          level={3}
          className="calibration-chart"
          drawWhenVisible
          title="Time in level of the candidates"
          summary={`Candidates by time in their current level: ${bands.bands.map((b) => `${b.label} ${b.count}`).join(', ')}; not given ${bands.unknown}.`}
          chart={<TimeInLevelBars bands={bands.bands} />}
          table={
            <div className="data-table-card">
              <table className="data-table" aria-label="Time in level">
                <thead>
                  <tr>
                    <th scope="col">Time in level</th>
                    <th scope="col">Candidates</th>
                  </tr>
                </thead>
                <tbody>
                  {bands.bands.map((b) => (
                    <tr key={b.label}>
                      <th scope="row">{b.label}</th>
                      <td>{b.count}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">Not given</th>
                    <td>{bands.unknown}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          }
        />
      ) : (
        <section className="card section-card" aria-labelledby="calibration-time-in-level-heading">
          <h3 id="calibration-time-in-level-heading">Time in level of the candidates</h3>
          <p className="muted">Fewer than {MIN_GROUP_SIZE} candidates: not summarised.</p>
        </section>
      )}
    </section>
  );
}
