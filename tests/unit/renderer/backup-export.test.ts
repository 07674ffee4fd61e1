import 'fake-indexeddb/auto';
import '../../support/browser-globals';

import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { chunksOf, type DexieExport, exportDatabase, openAsStored, restoreDatabase } from '../../../renderer/db/backup';
import { nextPageRows } from '../../../renderer/db/backup-export';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Text with many surrogate pairs (emoji, astral letters) beside plain and lone halves. */
const piece = fc.string({
  unit: fc.oneof(fc.constantFrom('a', '{', '"', 'é', '😀', '𝔸', '\ud800', '\udc00'), fc.string({ unit: 'binary', maxLength: 3 })),
  maxLength: 40,
});

describe('chunksOf', () => {
  it('gives the text back in chunks of at most the size, never cutting a surrogate pair in two', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 2, max: 50 }), (pieces, size) => {
        const chunks = [...chunksOf(pieces, size)];
        expect(chunks.join('')).toBe(pieces.join(''));
        for (const [i, chunk] of chunks.entries()) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(size);
          const next = chunks[i + 1];
          // A pair split between chunks: a high half ending one chunk and a low half starting the next.
          if (next !== undefined) expect(isHigh(chunk.charCodeAt(chunk.length - 1)) && isLow(next.charCodeAt(0))).toBe(false);
        }
        // Only the last chunk (or one cut short before a pair) is shorter than the size.
        for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(size - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('makes no chunk of nothing', () => {
    expect([...chunksOf([], 10)]).toEqual([]);
    expect([...chunksOf(['', ''], 10)]).toEqual([]);
    expect([...chunksOf(['abc', '', 'de'], 2)]).toEqual(['ab', 'cd', 'e']);
  });
});

let counter = 0;
/** A database with an inbound table (key in the row), an outbound one (key beside it) and a compound-key one. */
async function scratch(): Promise<Dexie> {
  const name = `backup-export-${++counter}`;
  const db = new Dexie(name);
  db.version(1).stores({ notes: 'id, personId', loose: '', pairs: '[a+b]' });
  await db.open();
  return db;
}

async function exported(db: Dexie, chunkChars: number): Promise<{ text: string; chunks: string[] }> {
  const stored = await openAsStored(db.name);
  const chunks: string[] = [];
  try {
    await exportDatabase(stored, async (chunk) => void chunks.push(chunk), { chunkChars });
  } finally {
    stored.close();
  }
  return { text: chunks.join(''), chunks };
}

const jsonValue = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const noteRow = fc.record({
  id: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  personId: fc.string({ maxLength: 4 }),
  text: piece,
  extra: jsonValue,
});

describe('exportDatabase', () => {
  it('export → JSON.parse gives back every row of every kind of table, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(noteRow, { selector: (r) => r.id, maxLength: 12 }),
        fc.uniqueArray(fc.tuple(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), jsonValue), { selector: ([k]) => JSON.stringify(k), maxLength: 8 }),
        fc.integer({ min: 2, max: 64 }),
        async (notes, loose, chunkChars) => {
          const db = await scratch();
          try {
            await db.table('notes').bulkAdd(notes);
            await db.table('loose').bulkAdd(
              loose.map(([, value]) => value),
              loose.map(([key]) => key),
            );
            await db.table('pairs').bulkAdd([
              { a: 1, b: 'x', v: '😀' },
              { a: 1, b: 'y', v: null },
            ]);
            const { text, chunks } = await exported(db, chunkChars);
            for (const chunk of chunks) {
              expect(chunk.length).toBeGreaterThan(0);
              expect(chunk.length).toBeLessThanOrEqual(chunkChars);
              // Never half a character in a chunk (main would have to carry it over to the next).
              const last = chunk.charCodeAt(chunk.length - 1);
              expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
            }
            const json = JSON.parse(text) as DexieExport;
            const part = (name: string) => json.data.data.find((p) => p.tableName === name)!;
            expect(part('notes').inbound).toBe(true);
            expect(part('notes').rows).toEqual(await db.table('notes').toArray());
            expect(part('loose').inbound).toBe(false);
            const keys = await db.table('loose').toCollection().primaryKeys();
            const values = await db.table('loose').toArray();
            expect(part('loose').rows).toEqual(keys.map((k, i) => [k, values[i]]));
            expect(part('pairs').rows).toEqual(await db.table('pairs').toArray());
            expect(Object.fromEntries(json.data.tables.map((t) => [t.name, t.rowCount]))).toEqual({ notes: notes.length, loose: loose.length, pairs: 2 });
          } finally {
            db.close();
            await Dexie.delete(db.name);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reads tables larger than one page in key order, every row once', async () => {
    const db = await scratch();
    try {
      const rows = Array.from({ length: 12_345 }, (_, i) => ({ id: `n${String(i).padStart(6, '0')}`, personId: `p${i % 7}`, text: `note ${i}` }));
      await db.table('notes').bulkAdd([...rows].reverse());
      const loose = Array.from({ length: 11_000 }, (_, i) => i);
      await db.table('loose').bulkAdd(
        loose.map((i) => ({ i })),
        loose,
      );
      const { text } = await exported(db, 100_000);
      const json = JSON.parse(text) as DexieExport;
      expect(json.data.data.find((p) => p.tableName === 'notes')!.rows).toEqual(rows);
      expect(json.data.data.find((p) => p.tableName === 'loose')!.rows).toEqual(Array.from({ length: 11_000 }, (_, i) => [i, { i }]));
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  }, 120_000);

  it('pages by size: rows that grow from a few bytes to tens of kilobytes are all read once, in order', async () => {
    const db = await scratch();
    try {
      // Short rows first (large pages), then long notes: the page size must shrink mid-table without skipping a row.
      const rows = Array.from({ length: 3000 }, (_, i) => ({
        id: `n${String(i).padStart(6, '0')}`,
        personId: 'p',
        text: 'x'.repeat(i < 2500 ? 5 : 20_000 + i),
      }));
      await db.table('notes').bulkAdd(rows);
      const { text } = await exported(db, 1_000_000);
      expect((JSON.parse(text) as DexieExport).data.data.find((p) => p.tableName === 'notes')!.rows).toEqual(rows);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  }, 120_000);
});

describe('exportDatabase hands pages on while it reads', () => {
  /** A table of `rows` notes of about 1 kB each: a few dozen pages. */
  async function filled(rows: number): Promise<Dexie> {
    const db = await scratch();
    await db.table('notes').bulkAdd(Array.from({ length: rows }, (_, i) => ({ id: `n${String(i).padStart(6, '0')}`, personId: 'p', text: 'y'.repeat(1000) })));
    return db;
  }

  async function run(db: Dexie, write: (chunk: string) => Promise<void>, options: { chunkChars: number; maxWaitingChars?: number }, log: string[]) {
    const stored = await openAsStored(db.name);
    try {
      return await exportDatabase(stored, write, { ...options, onProgress: (p) => log.push(`${p.phase} ${p.fraction.toFixed(3)}`) });
    } finally {
      stored.close();
    }
  }

  it('main gets the first chunks before the last page is read', async () => {
    const db = await filled(20_000);
    try {
      const chunks: string[] = [];
      const log: string[] = [];
      await run(db, async (chunk) => void (chunks.push(chunk), log.push('write')), { chunkChars: 100_000 }, log);
      const lastRead = log.lastIndexOf('reading 1.000');
      expect(log.indexOf('write')).toBeGreaterThan(-1);
      expect(log.indexOf('write')).toBeLessThan(lastRead);
      expect((JSON.parse(chunks.join('')) as DexieExport).data.data.find((p) => p.tableName === 'notes')!.rows).toEqual(await db.table('notes').toArray());
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  }, 120_000);

  it('a main that falls behind gets the whole text in order, one chunk at a time, the rest kept until the read is over', async () => {
    const db = await filled(5_000);
    try {
      const chunks: string[] = [];
      let writing = 0;
      let most = 0;
      const slow = async (chunk: string) => {
        writing += 1;
        most = Math.max(most, writing);
        await new Promise((resolve) => setTimeout(resolve, 2));
        chunks.push(chunk);
        writing -= 1;
      };
      const log: string[] = [];
      await run(db, slow, { chunkChars: 50_000, maxWaitingChars: 120_000 }, log);
      expect(most).toBe(1);
      for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(50_000);
      const json = JSON.parse(chunks.join('')) as DexieExport;
      expect(json.data.data.find((p) => p.tableName === 'notes')!.rows).toEqual(await db.table('notes').toArray());
      // What had to wait went after the read, with the progress of the saving.
      expect(log.some((l) => l.startsWith('saving'))).toBe(true);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  }, 120_000);

  it('a write that fails during the read stops the export with its error, and nothing more is written', async () => {
    const db = await filled(20_000);
    try {
      let calls = 0;
      const failing = async () => {
        calls += 1;
        if (calls === 2) throw new Error('The disk is full.');
      };
      await expect(run(db, failing, { chunkChars: 100_000 }, [])).rejects.toThrow('The disk is full.');
      expect(calls).toBe(2);
      // The read transaction was ended: the database can be written to at once.
      await db.table('notes').put({ id: 'after', personId: 'p', text: 'z' });
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  }, 120_000);
});

describe('nextPageRows', () => {
  it('asks for about 256 kB of JSON a page, within 10 and 5,000 rows', () => {
    expect(nextPageRows(100, 100 * 4096)).toBe(64);
    expect(nextPageRows(100, 100 * 50)).toBe(5000);
    expect(nextPageRows(10, 10 * 1_000_000)).toBe(10);
    expect(nextPageRows(0, 0)).toBe(5000);
  });

  it('asks for pages of another size when told (the backup worker’s bigger pages), within the same bounds', () => {
    expect(nextPageRows(100, 100 * 4096, 4 * 1024 * 1024)).toBe(1024);
    expect(nextPageRows(100, 100 * 50, 4 * 1024 * 1024)).toBe(5000);
    expect(nextPageRows(10, 10 * 100_000_000, 4 * 1024 * 1024)).toBe(10);
  });
});

describe('restore compares page by page', () => {
  it('writes exactly the rows that differ, across pages, and leaves the backup’s data', async () => {
    const db = await scratch();
    try {
      const rows = Array.from({ length: 12_000 }, (_, i) => ({ id: `n${String(i).padStart(6, '0')}`, personId: `p${i % 7}`, text: `note ${i}` }));
      await db.table('notes').bulkAdd(rows);
      const loose = Array.from({ length: 6_000 }, (_, i) => i);
      await db.table('loose').bulkAdd(
        loose.map((i) => ({ i })),
        loose,
      );
      const backup = JSON.parse((await exported(db, 1_000_000)).text) as DexieExport;
      // After the backup, nothing changes in the first page of either table (compared as one
      // text), and the next pages get rows changed, deleted and added (compared row by row).
      await db.table('notes').bulkPut([
        { ...rows[6_000]!, text: 'changed' },
        { ...rows[11_999]!, text: 'changed' },
      ]);
      await db.table('notes').delete(rows[7_777]!.id);
      await db.table('notes').bulkAdd([{ id: 'n005000x', personId: 'p' }, { id: 'n009999x' }, { id: 'z-last' }]);
      await db.table('loose').put({ i: 'changed' }, 5_042);
      await db.table('loose').delete(5_001);
      await db.table('loose').add({ extra: true }, 'a key');
      db.close();

      const stats = await restoreDatabase(db.name, backup, { openWithCode: (n) => new Dexie(n) });
      expect(stats.rows).toBe(12_000 + 6_000 + 0);
      // notes: 2 changed, 1 deleted put back, 3 added deleted; loose: 1 changed, 1 put back, 1 deleted.
      expect(stats.written).toBe(2 + 1 + 3 + 1 + 1 + 1);
      await db.open();
      expect(await db.table('notes').toArray()).toEqual(rows);
      expect(await db.table('loose').toCollection().primaryKeys()).toEqual(loose);
      expect(await db.table('loose').get(5_042)).toEqual({ i: 5_042 });

      // Restoring the same backup again writes nothing: every page is equal.
      db.close();
      expect((await restoreDatabase(db.name, backup, { openWithCode: (n) => new Dexie(n) })).written).toBe(0);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  }, 120_000);

  it('a backup whose rows are not in key order is restored exactly too', async () => {
    const db = await scratch();
    try {
      await db.table('notes').bulkAdd([{ id: 'b', text: 'stored' }, { id: 'c' }]);
      db.close();
      const backup = JSON.parse((await exported(db, 1_000_000)).text) as DexieExport;
      const notes = backup.data.data.find((p) => p.tableName === 'notes')!;
      notes.rows = [{ id: 'z' }, { id: 'b', text: 'stored' }, { id: 'a', text: 'new' }];
      backup.data.tables.find((t) => t.name === 'notes')!.rowCount = 3;
      const stats = await restoreDatabase(db.name, backup, { openWithCode: (n) => new Dexie(n) });
      expect(stats.written).toBe(3);
      await db.open();
      expect(await db.table('notes').toArray()).toEqual([{ id: 'a', text: 'new' }, { id: 'b', text: 'stored' }, { id: 'z' }]);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });
});
