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

/** The schemas a value may be checked against at one point: wrappers and unions opened up. */
export function unwrapSchema(schema: AnySchema): AnySchema[] {
  const def = defOf(schema);
  if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type))
    return unwrapSchema(def.innerType);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrapSchema);
  if (def.type === 'pipe' && def.in) return unwrapSchema(def.in);
  return [schema];
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
  return strip(value, [schema]);
}

function strip(value: unknown, schemas: AnySchema[]): unknown {
  const options = schemas.flatMap(unwrapSchema);
  if (Array.isArray(value)) {
    const elements = options.flatMap((s) => childSchemas(s, 0));
    return elements.length === 0 ? value : value.map((v) => strip(v, elements));
  }
  if (!isRecord(value)) return value;
  const objects = options.filter((s) => defOf(s).type === 'object');
  const records = options.filter((s) => defOf(s).type === 'record');
  if (objects.length === 0 && records.length === 0) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (objects.length > 0 && isExtensionKey(key)) continue;
    const next = [...objects, ...records].flatMap((s) => childSchemas(s, key));
    result[key] = next.length === 0 ? child : strip(child, next);
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
