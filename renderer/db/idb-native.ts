/**
 * IndexedDB's own requests and transactions as promises, for the few reads and writes that go
 * under Dexie (a backup's read, a restore's compare and write): no Dexie layer per row there.
 */

/** An IndexedDB request as a promise (resolved in the success event, so the transaction stays active for the next request). */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** The row counts of every table, in the order of `names`. */
export function countRows(tx: IDBTransaction, names: string[]): Promise<number[]> {
  return Promise.all(names.map((name) => requested(tx.objectStore(name).count())));
}

/** Resolves when `tx` commits; rejects with its error (or `message`) when it aborts. */
export function transactionDone(tx: IDBTransaction, message: string): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error(message));
  });
  // Awaited by the caller on every path; not unhandled while a read is still under way.
  done.catch(() => {});
  return done;
}

/** Aborts `tx` if it is still running, and waits until it is over. */
export async function abortAndWait(tx: IDBTransaction, done: Promise<void>): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already over.
  }
  await done.catch(() => {});
}
