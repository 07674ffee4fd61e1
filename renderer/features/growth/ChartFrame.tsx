import { Suspense, useState } from 'react';

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
}: {
  title: string;
  id: string;
  summary: string;
  chart: React.ReactNode;
  table: React.ReactNode;
  actions?: React.ReactNode;
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
        <div role="img" aria-label={summary} className="growth-chart__picture">
          <Suspense fallback={<p className="loading">Drawing the chart…</p>}>{chart}</Suspense>
        </div>
      ) : (
        table
      )}
    </section>
  );
}
