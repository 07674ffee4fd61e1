import { Suspense, useState } from 'react';

import { cx } from '../../ui/cx';
import { Segmented } from '../../ui/Segmented';

/**
 * A chart with its table beside it: "Chart" draws the picture (lazy, so the chart library loads
 * with it), "Table" shows the same numbers for keyboard and screen-reader users. The picture is
 * an image named by `summary`; the table is the way to read it value by value.
 */
export function ChartFrame({
  title,
  id,
  summary,
  chart,
  table,
  actions,
  fit = false,
}: {
  title: string;
  id: string;
  summary: string;
  chart: React.ReactNode;
  table: React.ReactNode;
  actions?: React.ReactNode;
  /** The picture is as tall as what it draws (a grid of cells), not a box a chart library fills. */
  fit?: boolean;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = `${id}-heading`;
  return (
    <section className="card section-card growth-chart" aria-labelledby={headingId}>
      <div className="section-card__header">
        <h2 id={headingId}>{title}</h2>
        <div className="toolbar">
          {actions}
          <Segmented
            label={`${title}: view`}
            options={[
              { id: 'chart', label: 'Chart' },
              { id: 'table', label: 'Table' },
            ]}
            value={view}
            onChange={setView}
          />
        </div>
      </div>
      {view === 'chart' ? (
        <div role="img" aria-label={summary} className={cx('growth-chart__picture', fit && 'growth-chart__picture--fit')}>
          <Suspense fallback={<p className="loading">Drawing the chart…</p>}>{chart}</Suspense>
        </div>
      ) : (
        table
      )}
    </section>
  );
}
