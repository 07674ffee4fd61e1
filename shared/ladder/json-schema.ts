import { z } from 'zod';

import { ladderFileSchema, ladderFragmentFileSchema } from './schema';

/**
 * JSON Schema for editors (ladders/ladder.schema.json). A file is either a ladder or a shared file
 * of pieces to include; both come from the zod schemas, never written by hand.
 */
export function ladderJsonSchema(): Record<string, unknown> {
  const ladder = z.toJSONSchema(ladderFileSchema, { io: 'input', unrepresentable: 'any' });
  const fragment = z.toJSONSchema(ladderFragmentFileSchema, { io: 'input', unrepresentable: 'any' });
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

/** The exact text written to ladders/ladder.schema.json. */
export function ladderJsonSchemaText(): string {
  return `${JSON.stringify(ladderJsonSchema(), null, 2)}\n`;
}
