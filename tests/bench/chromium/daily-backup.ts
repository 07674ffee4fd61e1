import type { Page } from '@playwright/test';

import { pollInPage } from './poll';

/**
 * Waits until the app's first daily check (15 s after start) has begun and today's daily backup
 * is made, so that a full export of the database does not run beside the figures being timed.
 * While one is being written main's status still says it is due. Main answers every operation as
 * {ok, value}; the app's ipc.ts unwraps it, this page call does not go through it.
 */
export async function waitForDailyBackup(page: Page): Promise<void> {
  await pollInPage(
    page,
    async () => {
      type Answer = { ok: boolean; value?: { dailyDue: boolean } };
      const answer = await (window as unknown as { trellis: { backupStatus(): Promise<Answer> } }).trellis.backupStatus();
      return performance.now() > 16_000 && answer.ok && !answer.value!.dailyDue;
    },
    { everyMs: 2000, timeoutMs: 5 * 60_000, what: 'the daily backup' },
  );
}
