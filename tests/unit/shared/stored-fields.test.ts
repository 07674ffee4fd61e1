import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import { actionItemSchema, meetingSchema, meetingTemplateSchema, seriesSchema, talkingPointSchema } from '../../../shared/domain/meetings';
import { personSchema } from '../../../shared/domain/person';
import { relationshipSchema } from '../../../shared/domain/relationships';
import { teamSchema } from '../../../shared/domain/team';

/** Every field name a schema (and the schemas nested in it) declares. */
function fieldNames(schema: z.ZodType, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const children: z.ZodType[] = [];
  const names: string[] = [];
  if (def.shape) {
    for (const [name, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      names.push(name);
      children.push(child);
    }
  }
  for (const key of ['element', 'innerType', 'in', 'out', 'valueType']) if (def[key]) children.push(def[key] as z.ZodType);
  if (Array.isArray(def.options)) children.push(...(def.options as z.ZodType[]));
  return [...names, ...children.flatMap((c) => fieldNames(c, seen))];
}

describe('fields of stored records', () => {
  it('are identifiers and never a name of Object.prototype (the backup encoder cannot revive those)', () => {
    const prototypeNames = new Set(Object.getOwnPropertyNames(Object.prototype));
    const schemas = { personSchema, teamSchema, relationshipSchema, seriesSchema, meetingSchema, actionItemSchema, talkingPointSchema, meetingTemplateSchema };
    for (const [name, schema] of Object.entries(schemas)) {
      const fields = fieldNames(schema);
      expect(fields.length, name).toBeGreaterThan(2);
      for (const field of fields) {
        expect(field, `${name}.${field}`).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(prototypeNames.has(field), `${name}.${field}`).toBe(false);
      }
    }
  });
});
