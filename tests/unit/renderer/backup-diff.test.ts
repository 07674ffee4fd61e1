import 'fake-indexeddb/auto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { TableDiff } from '../../../renderer/db/backup-diff';
import type { StoredPage } from '../../../renderer/db/backup-export';

type Row = { id: string; text: string };

/** Stored rows in key order, cut into pages of the given sizes, as readStoredPages hands them. */
function pagesOf(stored: Row[], sizes: number[], inbound: boolean): StoredPage[] {
  const pages: StoredPage[] = [];
  for (let start = 0, i = 0; start < stored.length; i++) {
    const values = stored.slice(start, start + Math.max(1, sizes[i % sizes.length] ?? 1));
    start += values.length;
    const keys = inbound ? null : values.map((v) => v.id);
    pages.push({ values, keys, json: JSON.stringify(keys ? values.map((v, k) => [keys[k], v]) : values) });
  }
  return pages;
}

/** The table after the changes: stored rows by key, deletes, then puts in order. */
function applied(stored: Row[], diff: TableDiff, inbound: boolean): Map<string, unknown> {
  const table = new Map<string, unknown>(stored.map((r) => [r.id, r]));
  const changes = diff.end();
  for (const key of changes.gone) table.delete(key as string);
  for (const index of changes.put) {
    const { value, key } = diff.entry(index);
    table.set(inbound ? (value as Row).id : (key as string), value);
  }
  return table;
}

const row = fc.record({ id: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', 'd') }), text: fc.constantFrom('x', 'y', 'z') });
const rows = fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 40 });
const byKey = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('a restore’s changes to one table', () => {
  it('make any stored rows equal to any backup’s rows, in key order or not, whatever the pages', () => {
    fc.assert(
      fc.property(
        rows,
        fc.array(row, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }),
        fc.boolean(),
        fc.boolean(),
        (storedRows, backupRows, sizes, sorted, inbound) => {
          const stored = [...storedRows].sort(byKey);
          // A backup Trellis wrote is in key order with one row per key; any other file may not be.
          const backup = sorted ? [...new Map(backupRows.map((r) => [r.id, r])).values()].sort(byKey) : backupRows;
          const asExported = inbound ? backup : backup.map((r) => [r.id, r]);
          const diff = new TableDiff(asExported, inbound ? 'id' : null);
          for (const page of pagesOf(stored, sizes, inbound)) diff.page(page);
          const expected = new Map<string, unknown>(backup.map((r) => [r.id, r]));
          expect(applied(stored, diff, inbound)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes nothing when the backup is the stored data, and only what differs otherwise', () => {
    fc.assert(
      fc.property(rows, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }), fc.nat(), (storedRows, sizes, pick) => {
        const stored = [...storedRows].sort(byKey);
        const same = new TableDiff(stored, 'id');
        for (const page of pagesOf(stored, sizes, true)) same.page(page);
        expect(same.end()).toEqual({ put: [], gone: [], same: stored.length });
        if (stored.length === 0) return;
        const changed = stored.map((r, i) => (i === pick % stored.length ? { ...r, text: `${r.text}!` } : r));
        const one = new TableDiff(changed, 'id');
        for (const page of pagesOf(stored, sizes, true)) one.page(page);
        expect(one.end()).toEqual({ put: [pick % stored.length], gone: [], same: stored.length - 1 });
      }),
    );
  });
});
