import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TestMain } from '../support/main-context';

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
