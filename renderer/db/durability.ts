/** Bulk writes (imports, restores) ask Chromium to flush to disk before reporting success. */
export const STRICT_DURABILITY = { chromeTransactionDurability: 'strict' } as const;
/** The same for a transaction opened on IndexedDB itself, under Dexie (a restore's compare and write). */
export const NATIVE_STRICT_DURABILITY: IDBTransactionOptions = { durability: 'strict' };
