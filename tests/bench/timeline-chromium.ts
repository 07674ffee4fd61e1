import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from '@playwright/test';

import { installBridge } from '../support/bridge';
import { chromiumArgs, chromiumExecutable } from '../support/chromium';
import { createTestMain } from '../support/main-context';
import { serveFolder } from '../support/static-server';
import { LONG_HISTORY_PERSON, longHistoryRows } from '../support/timeline-fixture';

const rendererBuild = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

/**
 * The same scenario in the real renderer build in Chromium (native IndexedDB, real layout):
 * from Today, navigate to the person page and stop when the timeline's first rows are in the DOM.
 * Returns null when there is no renderer build to measure (run `npm run build` first).
 */
export async function openPersonInChromium(runs: number): Promise<number[] | null> {
  if (!existsSync(path.join(rendererBuild, 'index.html'))) return null;
  const [server, main] = await Promise.all([serveFolder(rendererBuild), createTestMain()]);
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await installBridge(page, (channel, payload) => main.dispatch(channel, payload));
    await page.goto(`${server.origin}/index.html`);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.evaluate(seedThroughIndexedDb, longHistoryRows());
    // Dexie caches live queries in memory and cannot see writes made around it: start afresh.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.evaluate(() => (location.hash = '#/'));
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      times.push(await page.evaluate(timePersonOpen, LONG_HISTORY_PERSON));
    }
    return times;
  } finally {
    await browser.close();
    await Promise.all([server.close(), main.dispose()]);
  }
}

/** Runs in the page: writes the rows into the app's own (already opened, version 2) database. */
async function seedThroughIndexedDb(rows: ReturnType<typeof longHistoryRows>): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('trellis');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['people', 'meetings', 'actionItems'], 'readwrite');
    tx.objectStore('people').put(rows.person);
    for (const m of rows.meetings) tx.objectStore('meetings').put(m);
    for (const a of rows.actions) tx.objectStore('actionItems').put(a);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Runs in the page: navigates to the person and resolves with ms until timeline rows exist. */
function timePersonOpen(personId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    setTimeout(() => reject(new Error('the timeline did not appear within 20 s')), 20_000);
    // No named helper functions in here: the bench's compiler would wrap them in a __name() call
    // that does not exist inside the page.
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[role="list"][aria-label="Timeline"] [role="listitem"]')) return;
      observer.disconnect();
      resolve(performance.now() - start);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    location.hash = `#/people/${personId}`;
  });
}
