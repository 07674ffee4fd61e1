/**
 * The private-field canary (docs/evidence.md): plant a unique marker in every private field of a
 * seeded person's records, export in every format, and look for the marker in the bytes.
 */

const PREFIX = 'CANARY-PRIVATE';

/** A marker for one field, unlikely to occur in real text and easy to grep for. */
export function canary(field: string): string {
  return `${PREFIX}-${field.replace(/[^A-Za-z0-9]/g, '')}-7f3a91`;
}

/** Every canary found in a text (empty when the export is clean). */
export function canariesIn(text: string): string[] {
  return [...text.matchAll(new RegExp(`${PREFIX}-[A-Za-z0-9]+-7f3a91`, 'g'))].map((m) => m[0]);
}

/**
 * `row` with a canary in every private field its table's policy names (string fields; a number
 * field such as a learning cost gets a marker number the text check cannot miss either).
 */
export function withCanaries<T extends object>(table: string, row: T, privateFields: readonly string[]): T {
  const out = { ...row } as Record<string, unknown>;
  for (const field of privateFields) out[field] = typeof out[field] === 'number' ? 7_391_731_737 : canary(`${table}.${field}`);
  return out as T;
}
