import type { Random } from './random';
import type { SampleSize, SampleSizeName } from './sizes';
import type { SampleTableName, SampleTables } from './tables';
import type { Scene } from './text';

/** What one generator module gets: the set being built, and what earlier modules learned. */
export interface SampleContext {
  sizeName: SampleSizeName;
  size: SampleSize;
  /** 'YYYY-MM-DD': the history ends here. */
  today: string;
  /** The zone the user's series are meant in. */
  timeZone: string;
  /** This module's own random stream (see Random.fork). */
  rng: Random;
  /** Rows of every table so far; a module pushes its own rows here. */
  tables: SampleTables;
  facts: SampleFacts;
}

/** When a person joined and, for those who left, when: 1:1s happen in between. */
export interface Tenure {
  joined: string;
  left?: string;
}

/** Facts one module leaves for the next, so later modules need not reconstruct them from rows. */
export interface SampleFacts {
  /** The person who uses Trellis: top of the org, has the 1:1s. */
  meId?: string;
  /** Who and what a conversation with `personId` is about around `date`. */
  sceneFor?: (personId: string, date: string) => Scene;
  tenure?: Map<string, Tenure>;
}

export interface SampleModule {
  /** Also the label of its random stream: renaming a module changes its data. */
  id: string;
  /** Tables it fills. */
  fills: readonly SampleTableName[];
  /** Modules whose rows or facts it reads; they must come before it in the registry. */
  after?: readonly string[];
  generate(ctx: SampleContext): void;
}
