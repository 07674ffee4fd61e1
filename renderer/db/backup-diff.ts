/**
 * What a table must be told to hold exactly a backup's rows: the rows to put and the keys to
 * delete, found while the stored rows are read page by page (backup-restore.ts). IndexedDB
 * writes (each row and each of its index entries) cost far more than reads, and the usual
 * restore (yesterday's backup onto today's data) differs in a few rows, so rows already stored
 * as they are in the backup are not written again.
 */
import Dexie from 'dexie';

import type { StoredPage } from './backup-export';

/** A backup row in the export's form: the row itself (inbound keys) or `[key, row]`. */
type ExportRow = unknown;

export interface TableChanges {
  /** Indexes into the backup's rows, in the order they are to be put. */
  put: number[];
  /** Keys of stored rows the backup does not have. */
  gone: IDBValidKey[];
  /** Stored rows equal to the backup's, left as they are. */
  same: number;
}

/** Whether keys rise strictly (IndexedDB's order): then the backup's rows can be walked beside the stored ones. */
function strictlyRising(keys: unknown[]): boolean {
  for (let i = 1; i < keys.length; i++) if (indexedDB.cmp(keys[i - 1], keys[i]) >= 0) return false;
  return true;
}

/**
 * Follows one table: `page` for each page of stored rows in key order (as readStoredPages hands
 * them), then `end`. A backup Trellis wrote lists each table's rows in key order, as IndexedDB
 * reads them, and a page of rows becomes the same JSON text on both sides when the rows are
 * equal (values are read back in the order they were written, as the backup's JSON was): so a
 * page that is the backup's next rows, unchanged, is told by ONE comparison of two texts, and
 * only a page that differs is compared row by row. Rows in any other order are compared through
 * a map by key.
 */
export class TableDiff {
  private readonly keys: unknown[];
  private readonly put: number[] = [];
  private readonly gone: IDBValidKey[] = [];
  private same = 0;
  /** Walked beside the stored rows: the next backup row not yet matched with a stored one. */
  private next = 0;
  /** In any other order: each backup row's index by key (as JSON), and those found stored as they are. */
  private byKey: Map<string, number> | null = null;
  private readonly unchanged = new Set<number>();

  constructor(
    private readonly rows: readonly ExportRow[],
    private readonly keyPath: string | string[] | null,
  ) {
    this.keys = rows.map((row) => this.backupKey(row));
    if (!strictlyRising(this.keys)) this.byKey = new Map(this.keys.map((key, i) => [JSON.stringify(key), i]));
  }

  private backupKey(row: ExportRow): unknown {
    return this.keyPath === null ? (row as [unknown, unknown])[0] : Dexie.getByKeyPath(row as object, this.keyPath as string);
  }

  page({ values, keys, json }: StoredPage): void {
    const n = values.length;
    const storedKey = (i: number): IDBValidKey => (keys ? keys[i]! : (Dexie.getByKeyPath(values[i] as object, this.keyPath as string) as IDBValidKey));
    const storedJson = (i: number): string => JSON.stringify(keys ? [keys[i], values[i]] : values[i]);
    if (this.byKey) {
      for (let i = 0; i < n; i++) {
        const key = storedKey(i);
        const index = this.byKey.get(JSON.stringify(key));
        if (index === undefined) this.gone.push(key);
        else if (JSON.stringify(this.rows[index]) === storedJson(i)) this.unchanged.add(index);
      }
      return;
    }
    // Equal text means equal rows, and so equal keys: each row holds its key, or is [key, row].
    if (this.next + n <= this.rows.length && JSON.stringify(this.rows.slice(this.next, this.next + n)) === json) {
      this.same += n;
      this.next += n;
      return;
    }
    for (let i = 0; i < n; i++) {
      const key = storedKey(i);
      while (this.next < this.rows.length && indexedDB.cmp(this.keys[this.next], key) < 0) this.put.push(this.next++);
      if (this.next < this.rows.length && indexedDB.cmp(this.keys[this.next], key) === 0) {
        if (JSON.stringify(this.rows[this.next]) === storedJson(i)) this.same += 1;
        else this.put.push(this.next);
        this.next += 1;
      } else this.gone.push(key);
    }
  }

  /** The changes, once every stored page has been seen. */
  end(): TableChanges {
    if (this.byKey) {
      // One put per key, the backup's last row for it (as writing them all in order would leave).
      const put = [...this.byKey.values()].filter((i) => !this.unchanged.has(i)).sort((a, b) => a - b);
      return { put, gone: this.gone, same: this.unchanged.size };
    }
    while (this.next < this.rows.length) this.put.push(this.next++);
    return { put: this.put, gone: this.gone, same: this.same };
  }

  /** The key and value to put for backup row `index`. */
  entry(index: number): { value: unknown; key?: IDBValidKey } {
    const row = this.rows[index];
    if (this.keyPath !== null) return { value: row };
    const [key, value] = row as [IDBValidKey, unknown];
    return { value, key };
  }
}
