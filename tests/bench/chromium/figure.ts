import type { SampleSizeName } from '../../../shared/sample';
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

/**
 * The set the screen and search figures run on: large by default (what the targets are for).
 * TRELLIS_BENCH_SET=medium runs the same figures on a tenth of it, to profile on a busy machine.
 */
export const figureSet = (): SampleSizeName => (process.env.TRELLIS_BENCH_SET ?? 'large') as SampleSizeName;
