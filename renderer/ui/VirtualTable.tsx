import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

import { DataTableHead } from './DataTable';
import { measureAfterLayout, observeRectAfterLayout, useScrollerAfterLayout } from './virtual-measure';

export interface VirtualTableProps<T> {
  /** Names the table for assistive technology (and for tests): "People", "Series". */
  label: string;
  columns: string[];
  /** Adds a last column, unlabelled on screen, for the buttons of each row (td.row-actions). */
  actions?: boolean;
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The cells of one row: <td> elements. */
  renderRow: (row: T) => React.ReactNode;
  /** A typical row's height in pixels, before rows are measured. */
  estimateRowHeight: number;
  /**
   * Every row is exactly `estimateRowHeight` tall (its cells hold one line each, which the screen's
   * CSS must ensure: `.data-table__row--fixed` clips what would wrap), so rows are never measured:
   * drawing them forces no layout, however many come into view at once.
   */
  fixedRowHeight?: boolean;
  /** Rows drawn beyond the view on each side (10 unless told: fewer for tall, costly rows). */
  overscan?: number;
  /**
   * About how far down the page the rows start (px), for the first frame, before the table is
   * laid out and measured: a screen with a tall header above its table then draws only the rows
   * that reach into the view, not a view's worth below it. Underestimate it: rows past the view are
   * only drawn in vain, rows missing from it show a frame late.
   */
  rowsStartAt?: number;
}

/**
 * A DataTable for lists that grow (People, 1:1s): a real table, scrolled with the page, with only
 * the rows near the view in the DOM. Assistive technology still hears the whole list: the table
 * says how many rows it has (aria-rowcount) and each row its place (aria-rowindex); the spacer
 * rows that keep the scroll height are hidden from it. Moving focus with Tab scrolls the focused
 * row into view, which draws the rows after it, so the keyboard reaches every row.
 */
export function VirtualTable<T>({
  label,
  columns,
  actions,
  rows,
  rowKey,
  renderRow,
  estimateRowHeight,
  fixedRowHeight = false,
  overscan = 10,
  rowsStartAt = 0,
}: VirtualTableProps<T>) {
  const body = useRef<HTMLTableSectionElement>(null);
  const { scroller, scrollMargin } = useScrollerAfterLayout(body, rowsStartAt);

  // The React Compiler cannot memoise around TanStack Virtual; this component renders fine without it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller,
    estimateSize: () => estimateRowHeight,
    overscan,
    scrollMargin,
    getItemKey: (index) => rowKey(rows[index]!),
    // Before the scroller is known (the first paint), draw what a screen holds.
    initialRect: { width: 1024, height: 800 },
    observeElementRect: observeRectAfterLayout,
    measureElement: measureAfterLayout(estimateRowHeight),
  });
  // Moving the scroll position when a row's measured height differs from the estimate would stop the
  // browser's own smooth scrolling (End, Page Down) half-way; rows are drawn at the estimate's height
  // (a minimum), so a row that is taller only pushes the rows after it.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = () => false;
  const items = virtualizer.getVirtualItems();
  const top = items.length > 0 ? items[0]!.start - scrollMargin : 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)!.end - scrollMargin) : 0;
  const span = columns.length + (actions ? 1 : 0);

  return (
    <div className="card data-table-card">
      <table className="data-table data-table--virtual" aria-label={label} aria-rowcount={rows.length + 1}>
        <DataTableHead columns={columns} actions={actions} rowIndex={1} />
        <tbody ref={body}>
          {top > 0 && (
            <tr aria-hidden="true" className="data-table__spacer">
              <td colSpan={span} style={{ height: top }} />
            </tr>
          )}
          {items.map((item) => (
            <tr
              key={item.key}
              data-index={item.index}
              ref={fixedRowHeight ? undefined : virtualizer.measureElement}
              className={fixedRowHeight ? 'data-table__row--fixed' : undefined}
              aria-rowindex={item.index + 2}
              style={{ height: estimateRowHeight }}
            >
              {renderRow(rows[item.index]!)}
            </tr>
          ))}
          {bottom > 0 && (
            <tr aria-hidden="true" className="data-table__spacer">
              <td colSpan={span} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
