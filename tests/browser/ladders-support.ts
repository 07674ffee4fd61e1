import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page, TestInfo } from '@playwright/test';

import type { TestMain } from '../support/main-context';
import { expect, expectAccessible, snap } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
export const appFixtures = path.resolve(here, '../fixtures/ladders/app');

/** Puts the app's fixture ladders (with their included parts) in the user's ladders folder. */
export async function seedLadders(main: TestMain, files: string[] = ['team.yaml']) {
  await cp(path.join(appFixtures, 'parts'), path.join(main.laddersDir, 'parts'), { recursive: true });
  for (const file of files) await cp(path.join(appFixtures, file), path.join(main.laddersDir, file));
}

export const userFile = (main: TestMain, name = 'team.yaml') => path.join(main.laddersDir, name);
export const readUserFile = (main: TestMain, name = 'team.yaml') => readFile(userFile(main, name), 'utf8');
export const writeUserFile = (main: TestMain, text: string, name = 'team.yaml') => writeFile(userFile(main, name), text);

export async function openLadders(app: Page) {
  await app.getByRole('link', { name: 'Ladders' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Ladders' })).toBeVisible();
}

/** Screenshot and axe check of the current screen in light, then in dark. */
export async function lookInBothThemes(app: Page, name: string, testInfo: TestInfo) {
  await app.emulateMedia({ colorScheme: 'light' });
  await snap(app, `${name}-light`, testInfo);
  await expectAccessible(app, `${name} (light)`);
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, `${name}-dark`, testInfo);
  await expectAccessible(app, `${name} (dark)`);
  await app.emulateMedia({ colorScheme: 'light' });
}
