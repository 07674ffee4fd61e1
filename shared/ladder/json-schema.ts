import { z } from 'zod';

import { ladderFileSchema, ladderFragmentFileSchema } from './schema';

/**
 * JSON Schema for editors (ladders/ladder.schema.json). A file is either a ladder or a shared file
 * of pieces to include; both come from the zod schemas, never written by hand.
 */
export function ladderJsonSchema(): Record<string, unknown> {
  const options = { io: 'input', unrepresentable: 'any', override: allowExtensions } as const;
  const ladder = z.toJSONSchema(ladderFileSchema, options);
  const fragment = z.toJSONSchema(ladderFragmentFileSchema, options);
  const { $schema, ...ladderBody } = ladder;
  const { $schema: _fragmentDialect, ...fragmentBody } = fragment;
  return {
    $schema,
    title: 'Trellis career ladder',
    description: 'A Trellis ladder file, or a shared file included by ladders. See docs/ladder-format.md.',
    anyOf: [
      { title: 'Ladder', ...ladderBody },
      { title: 'Shared file (included by ladders)', ...fragmentBody },
    ],
  };
}

/** Every mapping of the format also takes `x-<name>` keys: metadata Trellis keeps but does not use. */
function allowExtensions(ctx: { jsonSchema: Record<string, unknown> }): void {
  if (ctx.jsonSchema.additionalProperties === false) {
    ctx.jsonSchema.patternProperties = { '^x-': { description: 'Your own metadata: kept by Trellis, never checked or shown' } };
  }
}

/** The exact text written to ladders/ladder.schema.json. */
export function ladderJsonSchemaText(): string {
  return `${JSON.stringify(ladderJsonSchema(), null, 2)}\n`;
}
