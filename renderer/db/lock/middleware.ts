import Dexie, { type DBCore, type DBCoreCursor, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';

import { atRestPolicies, encryptedFieldsOf, type LockScope } from '../../../shared/evidence/at-rest';
import { decryptValue, encryptValue, isEnvelope } from './crypto';

/** A protected field was read or written while Trellis is locked. */
export class LockedError extends Error {
  constructor() {
    super('Trellis is locked. Unlock it with your passphrase to read or change your notes.');
    this.name = 'LockedError';
  }
}

/**
 * What the encryption layer knows: the data key while unlocked (memory only) and what to encrypt.
 * `scope` null means the lock is off: fields are written as they are.
 */
export class LockState {
  key: CryptoKey | null = null;
  scope: LockScope | null = null;
  /** Told when the state changes (the lock screen follows it). */
  private listeners = new Set<() => void>();

  set(next: { key: CryptoKey | null; scope: LockScope | null }): void {
    this.key = next.key;
    this.scope = next.scope;
    this.changed();
  }

  /** Tells the listeners that the lock changed (also when only the key ring did: idle time, a finished rewrite). */
  changed(): void {
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * IndexedDB commits a transaction as soon as no request is pending, and WebCrypto's promises are
 * not IndexedDB requests: awaiting one inside a transaction would end it. While `work` runs this
 * keeps one tiny request in flight on the same transaction, and settles from inside a request's
 * success event, so the caller may go on using the transaction (what Dexie.waitFor does).
 */
export function keepAlive<T>(trans: DBCoreTransaction, storeName: string, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction;
  if (typeof idb.objectStore !== 'function') return work;
  let settled: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
  work.then(
    (value) => (settled = { ok: true, value }),
    (error: unknown) => (settled = { ok: false, error }),
  );
  return new Promise<T>((resolve, reject) => {
    const store = idb.objectStore(storeName);
    const probe = IDBKeyRange.only('\uffff trellis keep-alive');
    const spin = () => {
      if (settled) {
        if (settled.ok) resolve(settled.value);
        else reject(settled.error);
        return;
      }
      const request = store.count(probe);
      request.onsuccess = spin;
      request.onerror = () => reject(request.error);
    };
    try {
      spin();
    } catch (error) {
      // The transaction already ended: nothing can keep it; the caller's next request says so.
      work.then(resolve, reject);
      void error;
    }
  });
}

const contextOf = (table: string, field: string, key: unknown) => `trellis/${table}/${field}/${JSON.stringify(key)}`;

/** Every field of the table the lock may have encrypted, whatever today's scope. */
const allFields = (table: string): readonly string[] => encryptedFieldsOf(table, 'all-text');

function needsWork(table: string) {
  return table in atRestPolicies && allFields(table).length > 0;
}

/**
 * The encryption layer: the lowest DBCore middleware, right above IndexedDB. Writes of a protected
 * field store an Envelope; reads give the value back. Everything above it (hooks, live queries,
 * the repositories, the screens) sees plain values; IndexedDB and the backups see only envelopes.
 */
export function encryptionMiddleware(state: LockState): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'TrellisPassphraseLock',
    level: -10,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (!needsWork(name)) return table;
          const keyOf = (value: Record<string, unknown>) => table.schema.primaryKey.extractKey?.(value);
          const protectedFields = allFields(name);

          async function decryptRow(row: unknown): Promise<unknown> {
            if (typeof row !== 'object' || row === null) return row;
            const record = row as Record<string, unknown>;
            let copy: Record<string, unknown> | null = null;
            for (const field of protectedFields) {
              const value = record[field];
              if (!isEnvelope(value)) continue;
              if (!state.key) throw new LockedError();
              copy ??= { ...record };
              copy[field] = await decryptValue(state.key, value, contextOf(name, field, keyOf(record)));
            }
            return copy ?? row;
          }

          async function encryptRow(row: unknown): Promise<unknown> {
            if (typeof row !== 'object' || row === null || state.scope === null) return row;
            const fields = encryptedFieldsOf(name, state.scope);
            if (fields.length === 0) return row;
            if (!state.key) throw new LockedError();
            const record = row as Record<string, unknown>;
            const copy: Record<string, unknown> = { ...record };
            for (const field of fields) {
              if (!(field in record) || record[field] === undefined || isEnvelope(record[field])) continue;
              copy[field] = await encryptValue(state.key, record[field], contextOf(name, field, keyOf(record)));
            }
            return copy;
          }

          // Every row of every read passes here, locked or not: plain loops over the table's
          // fields, worked out once, allocate nothing (thousands of rows for one screen).
          const hasEnvelope = (rows: readonly unknown[]) => {
            for (const row of rows) {
              if (typeof row !== 'object' || row === null) continue;
              for (const f of protectedFields) if (isEnvelope((row as Record<string, unknown>)[f])) return true;
            }
            return false;
          };
          /**
           * Results go back as Dexie promises chained on the layer below, so Dexie's transaction
           * zone follows them (a native promise here would lose it, e.g. inside modify()). Rows
           * with nothing encrypted are handed on at once.
           */
          const decryptAll = <T extends readonly unknown[]>(trans: DBCoreTransaction, rows: T): T | Promise<T> =>
            hasEnvelope(rows) ? (Dexie.Promise.resolve(keepAlive(trans, name, Promise.all(rows.map(decryptRow)))) as unknown as Promise<T>) : rows;

          const wrapped: DBCoreTable = {
            ...table,
            mutate(req) {
              if ((req.type !== 'add' && req.type !== 'put') || state.scope === null || encryptedFieldsOf(name, state.scope).length === 0)
                return table.mutate(req);
              const values = req.values;
              return Dexie.Promise.resolve(keepAlive(req.trans, name, Promise.all(values.map(encryptRow)))).then((encrypted) =>
                table.mutate({ ...req, values: encrypted }),
              );
            },
            get(req) {
              return table.get(req).then((row: unknown) => {
                const done = decryptAll(req.trans, [row] as const);
                return Array.isArray(done) ? row : (done as Promise<readonly unknown[]>).then((r) => r[0]);
              });
            },
            getMany(req) {
              return table.getMany(req).then((rows) => decryptAll(req.trans, rows));
            },
            query(req) {
              if (!req.values) return table.query(req);
              return table.query(req).then((res) => {
                const done = decryptAll(req.trans, res.result);
                return Array.isArray(done) ? res : (done as Promise<unknown[]>).then((result) => ({ ...res, result }));
              });
            },
            openCursor(req) {
              if (!req.values) return table.openCursor(req);
              return table
                .openCursor(req)
                .then((cursor) =>
                  cursor ? decryptingCursor(cursor, (row) => (hasEnvelope([row]) ? keepAlive(req.trans, name, decryptRow(row)) : null)) : cursor,
                );
            },
          };
          return wrapped;
        },
      };
    },
  };
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * A cursor whose `value` is decrypted: before each step reaches the caller, its row is
 * decrypted (the transaction kept alive meanwhile), then the caller's callback runs.
 *
 * A plain object that delegates, not a Proxy: every values cursor passes here, lock on or off,
 * and a Proxy's trap with a fresh bound method on each `continue` cost more than the step itself
 * (about 40 ms for one walk of 481 meetings). Dexie swaps the cursor's methods as it starts and
 * stops (a stopped cursor's `continue` throws), so each call looks the method up when it is made.
 */
function decryptingCursor(cursor: DBCoreCursor, decrypt: (row: unknown) => Promise<unknown> | null): DBCoreCursor {
  let current: unknown;
  const wrapped: DBCoreCursor = {
    get trans() {
      return cursor.trans;
    },
    get key(): unknown {
      return cursor.key;
    },
    get primaryKey(): unknown {
      return cursor.primaryKey;
    },
    get value(): unknown {
      return current;
    },
    get done() {
      return cursor.done;
    },
    continue: (key?: unknown) => cursor.continue(key),
    continuePrimaryKey: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
    advance: (count: number) => cursor.advance(count),
    stop: (value?: unknown) => cursor.stop(value),
    fail: (reason) => cursor.fail(reason),
    start: (onNext: () => void) =>
      cursor.start(() => {
        const pending = decrypt(cursor.value);
        if (!pending) {
          // Nothing encrypted in this row: the step goes on at once, as without the lock.
          current = cursor.value;
          onNext();
          return;
        }
        pending.then(
          (row) => {
            current = row;
            try {
              onNext();
            } catch (error) {
              cursor.fail(asError(error));
            }
          },
          (error: unknown) => cursor.fail(asError(error)),
        );
      }),
    next: () => {
      let once = 1;
      return wrapped.start(() => (once-- ? wrapped.continue() : wrapped.stop())).then(() => wrapped);
    },
  };
  return wrapped;
}
