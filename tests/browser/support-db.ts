import type { Page } from '@playwright/test';

/**
 * Writes rows straight into the app's IndexedDB, as years of use would have left them: for specs
 * about lists longer than a test could type in. The page reloads so every screen reads them.
 */
export async function putRows(page: Page, table: 'people' | 'meetings' | 'series', rows: object[]): Promise<void> {
  await page.evaluate(
    async ([name, list]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('trellis');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(name as string, 'readwrite');
        for (const row of list as object[]) tx.objectStore(name as string).put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [table, rows] as const,
  );
  await page.reload();
}
