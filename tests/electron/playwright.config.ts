import { defineConfig } from '@playwright/test';

import { findElectronBinary } from '../support/electron-binary';

const binary = findElectronBinary();
if ('missing' in binary) console.log(`Electron suite skipped: ${binary.missing}.`);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  timeout: 90_000,
  reporter: [['list']],
});
