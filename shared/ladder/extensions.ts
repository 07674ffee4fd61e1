/**
 * `x-<name>` keys: metadata the format does not know (a source system's UUIDs, sheet ids,
 * colours). They are allowed in every mapping of the format, never an error, and kept in the
 * resolved model as `extensions`. Validation runs on a copy without them; only mappings of the
 * format lose them, not maps keyed by ids (a level id may well start with "x-").
 */
import type { z } from 'zod';

import type { PathKey } from './source';

type AnySchema = z.core.$ZodType;

export const isExtensionKey = (key: string) => key.startsWith('x-');

interface SchemaDef {
  type: string;
  innerType?: AnySchema;
  options?: AnySchema[];
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
}

const defOf = (schema: AnySchema) => schema._zod.def as unknown as SchemaDef;

const unwrapped = new WeakMap<AnySchema, AnySchema[]>();

/** The schemas a value may be checked against at one point: wrappers and unions opened up. */
export function unwrapSchema(schema: AnySchema): AnySchema[] {
  let known = unwrapped.get(schema);
  if (!known) {
    const def = defOf(schema);
    const wrapper = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type);
    if (def.innerType && wrapper) known = unwrapSchema(def.innerType);
    else if (def.type === 'union' && def.options) known = def.options.flatMap(unwrapSchema);
    else if (def.type === 'pipe' && def.in) known = unwrapSchema(def.in);
    else known = [schema];
    unwrapped.set(schema, known);
  }
  return known;
}

/** Schemas of the value under `key` of something checked against `schema`. */
export function childSchemas(schema: AnySchema, key: PathKey): AnySchema[] {
  const def = defOf(schema);
  if (def.type === 'object' && def.shape && typeof key === 'string' && key in def.shape) return [def.shape[key]!];
  if (def.type === 'array' && def.element && typeof key === 'number') return [def.element];
  if (def.type === 'record' && def.valueType) return [def.valueType];
  return [];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `value` without `x-` keys in the mappings `schema` describes as objects. */
export function withoutExtensions(value: unknown, schema: AnySchema): unknown {
  return strip(value, planFor([schema]));
}

/**
 * What to do at one point of the value, worked out once per set of schemas: the format's lists
 * and mappings repeat (hundreds of cells), so the schema is walked once, not once per cell.
 */
interface Plan {
  /** The value may be a mapping of the format: its `x-` keys go. */
  object: boolean;
  /** The value may be a map keyed by ids (levels, ranks, titles). */
  record: boolean;
  element?: Plan;
  /** Per key of a mapping of the format. */
  keys: Map<string, Plan | null>;
  /** For the entries of an id-keyed map. */
  values?: Plan;
  schemas: AnySchema[];
}

const plans = new Map<string, Plan>();
const schemaIds = new WeakMap<AnySchema, number>();
let nextSchemaId = 0;

function planFor(schemas: AnySchema[]): Plan {
  const options = schemas.flatMap(unwrapSchema);
  const key = options
    .map((s) => {
      let id = schemaIds.get(s);
      if (id === undefined) schemaIds.set(s, (id = nextSchemaId++));
      return id;
    })
    .join(',');
  let plan = plans.get(key);
  if (plan) return plan;
  const types = options.map((s) => defOf(s).type);
  plan = { object: types.includes('object'), record: types.includes('record'), keys: new Map(), schemas: options };
  plans.set(key, plan);
  const elements = options.flatMap((s) => (defOf(s).type === 'array' ? childSchemas(s, 0) : []));
  if (elements.length > 0) plan.element = planFor(elements);
  const values = options.flatMap((s) => (defOf(s).type === 'record' ? childSchemas(s, '') : []));
  if (values.length > 0) plan.values = planFor(values);
  return plan;
}

function childPlan(plan: Plan, key: string): Plan | null {
  let known = plan.keys.get(key);
  if (known === undefined) {
    const next = plan.schemas.flatMap((s) => (defOf(s).type === 'object' ? childSchemas(s, key) : []));
    known = next.length > 0 ? planFor(next) : null;
    plan.keys.set(key, known);
  }
  // A key of the format's own, else an entry of an id-keyed map, else nothing to look into.
  return known ?? plan.values ?? null;
}

function strip(value: unknown, plan: Plan): unknown {
  if (Array.isArray(value)) return plan.element ? value.map((v) => strip(v, plan.element!)) : value;
  if (!isRecord(value) || (!plan.object && !plan.record)) return value;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (plan.object && isExtensionKey(key)) continue;
    const next = childPlan(plan, key);
    result[key] = next === null ? value[key] : strip(value[key], next);
  }
  return result;
}

/** The `x-` keys of the mapping at `path` in the file as written, as plain JSON; undefined when none. */
export function extensionsAt(raw: unknown, path: readonly PathKey[]): Record<string, unknown> | undefined {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  if (!isRecord(value)) return undefined;
  let found: Record<string, unknown> | undefined;
  for (const [key, v] of Object.entries(value)) {
    if (!isExtensionKey(key)) continue;
    found ??= {};
    // It crosses IPC and is stored: plain JSON only (YAML's .inf becomes null, as JSON would).
    found[key] = plainJson(v);
  }
  return found;
}

function plainJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
  } catch {
    return null; // a self-referencing alias: nothing JSON can hold
  }
}
