import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useState } from 'react';

/**
 * What VirtualList and VirtualTable give TanStack Virtual so that nothing is measured while React
 * commits. Its defaults read the scroller's rect and each item's offsetHeight as the item's ref is
 * attached, which forces a layout of the whole page inside React's task (the longest task of a
 * calibration session with 50 cards). Here an item drawn for the first time counts as its
 * estimate (or its last measured height) until its ResizeObserver reports, after the browser has
 * laid the page out on its own; the scroller's size is `initialRect` until its observer reports.
 */
type AnyVirtualizer = Virtualizer<HTMLElement, Element>;

/** An item's height from the ResizeObserver's entry; attached without one, what is known so far. */
export function measureAfterLayout(estimateHeight: number) {
  return (element: Element, entry: ResizeObserverEntry | undefined, instance: AnyVirtualizer): number => {
    const box = entry?.borderBoxSize?.[0];
    if (box) return Math.round(box.blockSize);
    return instance.itemSizeCache.get(instance.options.getItemKey(instance.indexFromElement(element))) ?? estimateHeight;
  };
}

/** The scroller's size as its ResizeObserver reports it (after layout), not read in the commit. */
export function observeRectAfterLayout(instance: AnyVirtualizer, cb: (rect: { width: number; height: number }) => void): () => void {
  const element = instance.scrollElement;
  if (!element) return () => {};
  const observer = new ResizeObserver(() => {
    const { width, height } = element.getBoundingClientRect();
    cb({ width: Math.round(width), height: Math.round(height) });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * The element that scrolls `ref`'s element (found by its computed overflow) and how far down its
 * content the element starts: both read once the browser has laid the element out (its first
 * ResizeObserver report), then the offset again whenever the content above it moves it. Read in
 * a layout effect, each forced a layout of the whole page inside React's commit. Until then the
 * offset is `initialMargin`.
 */
export function useScrollerAfterLayout(ref: React.RefObject<HTMLElement | null>, initialMargin = 0): { scroller: HTMLElement | null; scrollMargin: number } {
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(initialMargin);
  useEffect(() => {
    const element = ref.current;
    // Without an observer (jsdom) there is no layout to wait for either: the list keeps initialRect.
    if (!element || typeof ResizeObserver === 'undefined') return;
    let content: ResizeObserver | null = null;
    const laidOut = new ResizeObserver(() => {
      laidOut.disconnect();
      const found = scrollParent(element);
      setScroller(found);
      if (!found) return;
      content = new ResizeObserver(() => setScrollMargin(offsetWithin(element, found)));
      content.observe(found.firstElementChild ?? found);
    });
    laidOut.observe(element);
    return () => {
      laidOut.disconnect();
      content?.disconnect();
    };
  }, [ref]);
  return { scroller, scrollMargin };
}

/** The nearest ancestor that scrolls vertically. */
export function scrollParent(element: HTMLElement | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/** How far the element starts below the top of the scroller's content. */
export function offsetWithin(element: HTMLElement, scroller: HTMLElement): number {
  return element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}
