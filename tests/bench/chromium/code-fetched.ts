import type { Page } from '@playwright/test';

/**
 * Waits until the app has fetched every screen's code in the background (it does so in idle
 * moments after the first screen): no new script for three seconds in a row. Figures that time
 * "opened again" call it, so that the fetching does not run beside what they time.
 */
export async function waitForCodeFetched(page: Page): Promise<void> {
  let before = -1;
  for (;;) {
    const now = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\.js(\?|$)/.test(e.name)).length);
    if (now === before) return;
    before = now;
    await page.waitForTimeout(3_000);
  }
}
