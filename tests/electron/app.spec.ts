import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { _electron as electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';

import { findElectronBinary } from '../support/electron-binary';

const binary = findElectronBinary();
const root = path.resolve(import.meta.dirname, '../..');

test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');

let userData: string;
let app: ElectronApplication;
let page: Page;

async function launch() {
  app = await electron.launch({
    executablePath: 'path' in binary ? binary.path : undefined,
    args: [root, ...(process.env.CI ? ['--no-sandbox'] : [])],
    env: { ...process.env, TRELLIS_USER_DATA_DIR: userData },
  });
  page = await app.firstWindow();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

test.beforeAll(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'trellis-electron-'));
});
test.afterAll(async () => {
  await app?.close();
  await rm(userData, { recursive: true, force: true });
});

test('the packaged renderer runs from app://trellis with a locked-down window', async () => {
  await launch();
  expect(page.url()).toBe('app://trellis/index.html');
  // No Node in the page: sandboxed, isolated, no nodeIntegration.
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return [typeof w.require, typeof w.process, typeof w.module, typeof w.Buffer];
  });
  expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userData);
  expect(await page.evaluate(() => Object.keys((window as unknown as { trellis: object }).trellis).sort())).toContain('settingsGet');
  // Navigation away is blocked.
  await page.evaluate(() => (location.href = 'https://example.com'));
  await page.waitForTimeout(300);
  expect(page.url()).toBe('app://trellis/index.html');
});

test('add people, set a manager, and find them again after a restart', async () => {
  await page.getByRole('link', { name: 'People' }).click();
  for (const [name, manager] of [
    ['Maya Okafor', null],
    ['Alex Rivera', 'Maya Okafor'],
  ] as const) {
    await page.getByRole('button', { name: 'Add person' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    if (manager) {
      await dialog.getByRole('button', { name: /Manager/ }).click();
      await page.getByRole('option', { name: manager }).click();
    }
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await expect(dialog).toBeHidden();
  }
  await app.close();
  await launch();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('table', { name: 'People' }).getByRole('row', { name: /Alex Rivera/ })).toContainText('Maya Okafor');
});
