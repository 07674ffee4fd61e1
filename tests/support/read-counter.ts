import type { DBCoreCursor, DBCoreTable } from 'dexie';

import type { TrellisDatabase } from '../../renderer/db/database';

/**
 * Counts, per table, the rows (values, not keys) IndexedDB hands to Dexie and the requests Dexie
 * makes (a get, a query, a cursor step: each a round trip to the browser's database process),
 * through a DBCore middleware: what a query really cost, whatever the repository made of it.
 */
export function countReads(db: TrellisDatabase) {
  const rows = new Map<string, number>();
  const requests = new Map<string, number>();
  const add = (table: string, n: number) => rows.set(table, (rows.get(table) ?? 0) + n);
  const ask = (table: string, n = 1) => requests.set(table, (requests.get(table) ?? 0) + n);
  db.use({
    stack: 'dbcore',
    name: 'read-counter',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table: DBCoreTable = down.table(name);
        return {
          ...table,
          get: async (req) => {
            ask(name);
            const value: unknown = await table.get(req);
            if (value !== undefined) add(name, 1);
            return value;
          },
          getMany: async (req) => {
            ask(name, req.keys.length);
            const values = await table.getMany(req);
            add(name, values.filter((v) => v !== undefined).length);
            return values;
          },
          query: async (req) => {
            ask(name);
            const res = await table.query(req);
            if (req.values) add(name, res.result.length);
            return res;
          },
          count: async (req) => {
            ask(name);
            return table.count(req);
          },
          openCursor: async (req) => {
            ask(name);
            const cursor = await table.openCursor(req);
            if (!cursor) return cursor;
            return new Proxy(cursor, {
              get(target, prop) {
                if (prop === 'start') {
                  return (onNext: () => void) =>
                    target.start(() => {
                      if (!target.done && req.values) add(name, 1);
                      onNext();
                    });
                }
                if (prop === 'continue' || prop === 'advance' || prop === 'continuePrimaryKey') {
                  return (...args: unknown[]) => {
                    ask(name);
                    return (target[prop] as (...a: unknown[]) => void).apply(target, args);
                  };
                }
                const value: unknown = Reflect.get(target, prop, target);
                return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
              },
            }) as DBCoreCursor;
          },
        };
      },
    }),
  });
  return {
    /** Rows read from `table` since the last reset. */
    of: (table: string) => rows.get(table) ?? 0,
    /** Requests made to `table` since the last reset. */
    requests: (table: string) => requests.get(table) ?? 0,
    reset: () => {
      rows.clear();
      requests.clear();
    },
  };
}
