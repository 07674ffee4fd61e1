import { z } from 'zod';

/** One IPC operation: the schema main validates the payload against, and the one for its answer. */
export interface Operation {
  input: z.ZodType;
  output: z.ZodType;
}

export type DomainContract = Record<string, Operation>;

/** Operations that take nothing. */
export const noInput = z.undefined();
