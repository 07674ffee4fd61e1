import { defineConfig } from '@playwright/test';

import { chromiumArgs, chromiumExecutable } from '../support/chromium';
import { testLocale } from './locale';

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/browser',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    // Dates show in the user's locale: the suite runs in this one, dates.spec.ts in others too.
    locale: testLocale,
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
