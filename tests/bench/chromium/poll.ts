import type { Page } from '@playwright/test';

/**
 * Calls `check` in the page every `everyMs` until it answers something truthy, and returns that.
 * Unlike `page.waitForFunction`, `check` may be async: Playwright takes waitForFunction's
 * predicate as synchronous, so a Promise it returns counts as truthy at once (microsoft/playwright
 * #29132), and a wait written that way does not wait at all.
 */
export async function pollInPage<T>(page: Page, check: () => T | Promise<T>, options: { everyMs: number; timeoutMs: number; what: string }): Promise<T> {
  const until = Date.now() + options.timeoutMs;
  for (;;) {
    const answer = await page.evaluate(check);
    if (answer) return answer;
    if (Date.now() > until) throw new Error(`Gave up after ${options.timeoutMs / 1000} s waiting for ${options.what}`);
    await page.waitForTimeout(options.everyMs);
  }
}
