/**
 * The sample data generator: a realistic org with years of 1:1s, built the same way every time
 * from a seed and a "today". Powers the benchmark's data sets and "Try with a sample team".
 *
 *   const sample = generateSample({ size: 'large', seed: 'bench', today: '2026-11-16' });
 *   sample.tables.meetings.length // 30,000
 */
import { isValidIsoDate, todayIso } from '../domain/dates';
import type { SampleContext, SampleModule } from './context';
import { Random } from './random';
import { sampleModules } from './registry';
import { type SampleSize, type SampleSizeName, sampleSizes } from './sizes';
import { emptyTables, type SampleTableName, sampleTableNames, type SampleTables, sampleTableSchemas } from './tables';

export type { SampleContext, SampleFacts, SampleModule } from './context';
export { Random } from './random';
export { sampleModules } from './registry';
export { type SampleSize, type SampleSizeName, sampleSizeNames, sampleSizes } from './sizes';
export { type SampleTableName, sampleTableNames, type SampleTables, sampleTableSchemas } from './tables';
export { wordCount } from './text';

export interface SampleOptions {
  size: SampleSizeName;
  /** Same seed and today, same data. */
  seed?: string;
  /** 'YYYY-MM-DD' the history ends on; defaults to the real today. */
  today?: string;
  /** IANA zone of the user's series. */
  timeZone?: string;
  /** Check every row against its table's schema (on by default; the benchmark may skip it). */
  validate?: boolean;
  /** Override the modules, e.g. in a test of one new module. */
  modules?: readonly SampleModule[];
}

export interface SampleData {
  size: SampleSizeName;
  seed: string;
  today: string;
  /** The person who uses Trellis in the sample. */
  meId: string;
  tables: SampleTables;
}

/** A generated row that does not match its domain schema: a bug in a generator module. */
export class SampleValidationError extends Error {
  constructor(
    readonly table: SampleTableName,
    readonly index: number,
    detail: string,
  ) {
    super(`Sample data: ${table} row ${index} does not match the ${table} schema: ${detail}`);
    this.name = 'SampleValidationError';
  }
}

export function generateSample(options: SampleOptions): SampleData {
  const seed = options.seed ?? 'trellis-sample';
  const today = options.today ?? todayIso();
  if (!isValidIsoDate(today)) throw new Error(`Sample data: "${today}" is not a date like 2026-11-16`);
  const size: SampleSize = sampleSizes[options.size];
  if (!size) throw new Error(`Sample data: unknown size "${String(options.size)}"`);
  const modules = options.modules ?? sampleModules;
  const root = new Random(`${seed}:${options.size}:${today}`);
  const ctx: Omit<SampleContext, 'rng'> = {
    sizeName: options.size,
    size,
    today,
    timeZone: options.timeZone ?? 'Europe/Berlin',
    tables: emptyTables(),
    facts: {},
  };
  const ran = new Set<string>();
  for (const module of modules) {
    const missing = (module.after ?? []).filter((m) => !ran.has(m));
    if (missing.length) throw new Error(`Sample data: module ${module.id} runs before ${missing.join(', ')}, which it reads`);
    module.generate({ ...ctx, rng: root.fork(module.id) });
    ran.add(module.id);
  }
  if (options.validate ?? true) validateSample(ctx.tables);
  if (!ctx.facts.meId) throw new Error('Sample data: no module said who the user is');
  return { size: options.size, seed, today, meId: ctx.facts.meId, tables: ctx.tables };
}

/** Every row against its table's zod schema; throws at the first that does not match. */
export function validateSample(tables: SampleTables): void {
  for (const table of sampleTableNames) {
    const schema = sampleTableSchemas[table];
    const rows = tables[table] as unknown[];
    for (let i = 0; i < rows.length; i++) {
      const result = schema.safeParse(rows[i]);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new SampleValidationError(table, i, `${issue?.path.join('.') || '(row)'}: ${issue?.message ?? 'invalid'}`);
      }
    }
  }
}
