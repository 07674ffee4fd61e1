import { startTransition, useEffect, useState } from 'react';

export interface InStepsOptions {
  /** Drawn with the screen's first frame: about what fills a screen. */
  first?: number;
  /** Added by each following step. */
  step?: number;
}

/**
 * A list that is drawn in steps: the first `first` items with the screen, the rest `step` at a
 * time in transitions, which React renders in slices between frames. A list whose rows are rich
 * controls (a checkbox, buttons, badges per row) otherwise draws every row in one long task
 * before the screen shows anything, and keeps the window from answering meanwhile. Once the whole
 * list has been drawn it stays so while the items change (a live query's next answer).
 */
export function useInSteps<T>(items: readonly T[], { first = 12, step = 24 }: InStepsOptions = {}): readonly T[] {
  const [shown, setShown] = useState(first);
  const more = shown < items.length;
  useEffect(() => {
    if (!more) return;
    startTransition(() => setShown((n) => n + step));
  }, [more, shown, step]);
  return more ? items.slice(0, shown) : items;
}
