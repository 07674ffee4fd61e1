/** Bulk writes (imports, restores) ask Chromium to flush to disk before reporting success. */
export const STRICT_DURABILITY = { chromeTransactionDurability: 'strict' } as const;
