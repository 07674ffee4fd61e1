import type { Assessment } from '../domain/assessments';
import type { ActionItem, Meeting, MeetingTemplate, Series, TalkingPoint } from '../domain/meetings';
import type { Person } from '../domain/person';
import type { Relationship } from '../domain/relationships';
import type { Team } from '../domain/team';

/**
 * The one place that decides what may leave the machine. Every exporter (Markdown, HTML, PDF,
 * JSON, CSV, .ics, exchange files, packets) passes records through `shareable()` or
 * `shareableRecords()`; no exporter filters private data on its own.
 *
 * Policies are keyed by Dexie table name, and a test checks that every table of the database has
 * one: a feature that adds a table must write down here which of its fields may never leave.
 */

export interface PrivacyPolicy<Row, Field extends keyof Row & string = keyof Row & string> {
  /** Fields that are never exported, whatever the record's visibility. */
  privateFields: readonly Field[];
  /** True when the whole record must stay on the machine (e.g. `visibility: 'private'`). */
  isPrivate(row: Row): boolean;
}

const never = () => false;
/** The common rule for evidence records: the record's own `visibility`. */
export const privateByVisibility = (row: { visibility: 'private' | 'shareable' }) => row.visibility === 'private';

function policy<Row>() {
  return <Field extends keyof Row & string = never>(p: PrivacyPolicy<Row, Field>) => p;
}

/** Every table's policy. Add yours when you add a table (tests/unit/shared/privacy-policies.test.ts checks). */
export const privacyPolicies = {
  people: policy<Person>()({ privateFields: [], isPrivate: never }),
  teams: policy<Team>()({ privateFields: [], isPrivate: never }),
  relationships: policy<Relationship>()({ privateFields: [], isPrivate: never }),
  series: policy<Series>()({ privateFields: [], isPrivate: never }),
  /** A manager's private notes are theirs alone. */
  meetings: policy<Meeting>()({ privateFields: ['privateNotes'], isPrivate: never }),
  actionItems: policy<ActionItem>()({ privateFields: [], isPrivate: never }),
  talkingPoints: policy<TalkingPoint>()({ privateFields: [], isPrivate: never }),
  templates: policy<MeetingTemplate>()({ privateFields: [], isPrivate: never }),
  /** An assessment's private notes are its author's alone; a private assessment never leaves at all. */
  assessments: policy<Assessment>()({ privateFields: ['privateNotes'], isPrivate: privateByVisibility }),
  /** The passphrase lock's key ring: wrapped keys never leave the machine except in the user's own backup. */
  keyring: policy<{ id: string }>()({ privateFields: [], isPrivate: () => true }),
} as const;

export type PolicyTable = keyof typeof privacyPolicies;
type RowOf<T extends PolicyTable> = (typeof privacyPolicies)[T] extends PrivacyPolicy<infer R, infer _F> ? R : never;
type FieldOf<T extends PolicyTable> = (typeof privacyPolicies)[T] extends PrivacyPolicy<infer _R, infer F> ? F : never;
/** A record as it may leave the machine: its private fields may be absent. */
export type Shared<T extends PolicyTable> = Omit<RowOf<T>, FieldOf<T>>;

/**
 * The record as it may leave the machine: `null` when the record is private, otherwise a copy
 * without its private fields. There is no way to ask for them: no export, packet or exchange
 * file ever holds a private field (the backup, which stays the user's own copy of everything,
 * does not go through here).
 */
export function shareable<T extends PolicyTable>(table: T, row: RowOf<T>): Shared<T> | null {
  const p = privacyPolicies[table] as unknown as PrivacyPolicy<RowOf<T>, string & keyof RowOf<T>>;
  if (p.isPrivate(row)) return null;
  const copy: Record<string, unknown> = { ...(row as object) };
  for (const field of p.privateFields) delete copy[field];
  return copy as Shared<T>;
}

/** `shareable()` over a list, dropping private records. */
export function shareableRecords<T extends PolicyTable>(table: T, rows: readonly RowOf<T>[]): Shared<T>[] {
  const out: Shared<T>[] = [];
  for (const row of rows) {
    const kept = shareable(table, row);
    if (kept) out.push(kept);
  }
  return out;
}

/** The private fields of a table, for tests that plant a canary in each of them. */
export function privateFieldsOf(table: PolicyTable): readonly string[] {
  return privacyPolicies[table].privateFields;
}
