import { Suspense, useEffect, useRef, useState } from 'react';

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
  /**
   * Draw the picture only once the frame comes near the view: a chart library's first drawing is
   * one task of tens of milliseconds, which a screen that opens with the chart far below need not pay then.
   */
  drawWhenVisible?: boolean;
  /** The picture is as tall as what it draws (a grid of cells), not a box a chart library fills. */
  fit?: boolean;
}

/** Whether `element` has come within a screen of the view (stays true once it has). */
function useNearView(enabled: boolean) {
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(!enabled);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '100% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return { ref, near };
}

/**
 * A chart with its table beside it: "Chart" draws the picture (lazy, so the chart library loads
 * with it), "Table" shows the same numbers for keyboard and screen-reader users. The picture is
 * an image named by `summary`; the table is the way to read it value by value.
 */
export function ChartFrame({ title, id, summary, chart, table, actions, level = 2, className, drawWhenVisible = false, fit = false }: ChartFrameProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const { ref, near } = useNearView(drawWhenVisible);
  const headingId = `${id}-heading`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section ref={ref} className={cx('card section-card chart-frame', className)} aria-labelledby={headingId}>
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
        <div role="img" aria-label={summary} className={cx('chart-frame__picture', fit && 'chart-frame__picture--fit')}>
          {near ? <Suspense fallback={<p className="loading">Drawing the chart…</p>}>{chart}</Suspense> : <p className="loading">Drawing the chart…</p>}
        </div>
      ) : (
        table
      )}
    </section>
  );
}
