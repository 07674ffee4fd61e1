import type { BenchResult } from '../harness';
import type { BenchSession } from './session';

/**
 * One group of figures measured in Chromium. Each lives in its own file in figures/ and is picked
 * up by scale.bench.ts in file-name order: adding a figure (search, export…) is one new module.
 */
export interface ChromiumFigure {
  /** Shown while it runs. */
  title: string;
  run(session: BenchSession): Promise<BenchResult[]>;
}

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
