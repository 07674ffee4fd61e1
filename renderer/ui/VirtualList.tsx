import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

import { measureAfterLayout, observeRectAfterLayout, useScrollerAfterLayout } from './virtual-measure';

export interface VirtualListProps<T> {
  /** Names the list for assistive technology (and for tests). */
  label: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => React.ReactNode;
  /** A typical item's height in pixels (with the space after it), before items are measured. */
  estimateHeight: number;
  /** Items drawn beyond the view on each side. */
  overscan?: number;
}

/**
 * A list of tall items of different heights (cards with fields), scrolled with the page, with
 * only the items near the view in the DOM: what VirtualTable does for rows. Each item is measured
 * as it is drawn and again when it changes size (a field grows, a disclosure opens). The list
 * says how many items it has (aria-setsize on each, with its aria-posinset); Tab from the last
 * drawn item scrolls it into view, which draws the next ones, so the keyboard reaches them all.
 * Nothing is measured while React commits (virtual-measure.ts).
 */
export function VirtualList<T>({ label, items, itemKey, renderItem, estimateHeight, overscan = 2 }: VirtualListProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const { scroller, scrollMargin } = useScrollerAfterLayout(list);

  // The React Compiler cannot memoise around TanStack Virtual; this component renders fine without it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller,
    estimateSize: () => estimateHeight,
    overscan,
    scrollMargin,
    getItemKey: (index) => itemKey(items[index]!),
    initialRect: { width: 1024, height: 800 },
    observeElementRect: observeRectAfterLayout,
    measureElement: measureAfterLayout(estimateHeight),
  });
  // As in VirtualTable: a measured height never moves the scroll position (it would stop the browser's own smooth scrolling).
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = () => false;
  const drawn = virtualizer.getVirtualItems();
  const top = drawn.length > 0 ? drawn[0]!.start - scrollMargin : 0;
  const bottom = drawn.length > 0 ? virtualizer.getTotalSize() - (drawn.at(-1)!.end - scrollMargin) : 0;

  return (
    <div ref={list} role="list" aria-label={label} className="virtual-list">
      {top > 0 && <div aria-hidden="true" style={{ height: top }} />}
      {drawn.map((item) => (
        <div
          key={item.key}
          role="listitem"
          data-index={item.index}
          ref={virtualizer.measureElement}
          aria-setsize={items.length}
          aria-posinset={item.index + 1}
          className="virtual-list__item"
        >
          {renderItem(items[item.index]!)}
        </div>
      ))}
      {bottom > 0 && <div aria-hidden="true" style={{ height: bottom }} />}
    </div>
  );
}
