import { Suspense, useState } from 'react';

import { cx } from './cx';
import { Segmented } from './Segmented';

export interface ChartFrameProps {
  title: string;
  id: string;
  /** The picture's words: what a screen reader hears for the chart. */
  summary: string;
  chart: React.ReactNode;
  table: React.ReactNode;
  actions?: React.ReactNode;
  /** Heading level of the title (2 by default). */
  level?: 2 | 3;
  className?: string;
}

/**
 * A chart with its table beside it: "Chart" draws the picture (lazy, so the chart library loads
 * with it), "Table" shows the same numbers for keyboard and screen-reader users. The picture is
 * an image named by `summary`; the table is the way to read it value by value.
 */
export function ChartFrame({ title, id, summary, chart, table, actions, level = 2, className }: ChartFrameProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = `${id}-heading`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={cx('card section-card chart-frame', className)} aria-labelledby={headingId}>
      <div className="section-card__header">
        <Heading id={headingId}>{title}</Heading>
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
        <div role="img" aria-label={summary} className="chart-frame__picture">
          <Suspense fallback={<p className="loading">Drawing the chart…</p>}>{chart}</Suspense>
        </div>
      ) : (
        table
      )}
    </section>
  );
}
