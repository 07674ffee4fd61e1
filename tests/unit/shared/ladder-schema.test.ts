import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ladderJsonSchemaText } from '../../../shared/ladder/json-schema';

describe('ladders/ladder.schema.json', () => {
  it('is exactly what the zod schema generates (run `npm run ladders:schema` after changing shared/ladder/schema.ts)', () => {
    const committed = readFileSync(path.join(import.meta.dirname, '../../../ladders/ladder.schema.json'), 'utf8');
    expect(committed).toBe(ladderJsonSchemaText());
  });

  it('offers completion for the keys of a level and a cell', () => {
    const schema = JSON.parse(ladderJsonSchemaText()) as { anyOf: Array<{ properties: Record<string, { items?: { properties?: Record<string, unknown> } }> }> };
    const ladder = schema.anyOf[0]!;
    expect(Object.keys(ladder.properties.levels?.items?.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'title', 'titles', 'track', 'summary', 'grade', 'band', 'typicalTime', 'subLevels']),
    );
    expect(JSON.stringify(ladder.properties.competencies)).toContain('"notApplicable"');
    expect(JSON.stringify(ladder.properties.competencies)).toContain('"criteria"');
  });
});
