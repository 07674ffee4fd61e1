import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { VERSION_HISTORY } from '../../shared/ipc/ladders';
import { expect, lookInBothThemes, test } from './fixtures';
import { appFixtures, seedLadders } from './ladders-support';
import { LaddersPage } from './pages/ladders';

test('a ladders folder on a drive that is gone: shipped ladders stay, the reason shows, another folder can be chosen', async ({ app, main }, testInfo) => {
  const gone = path.join(main.dataDir, 'usb', 'ladders');
  main.store.set('settings', { theme: 'system', userRole: 'manager', laddersFolder: gone });
  await app.setViewportSize({ width: 1024, height: 640 });
  await LaddersPage.open(app);
  await expect(app.getByRole('alert')).toContainText(`Trellis cannot open your ladders folder ${gone}: it does not exist (is its drive plugged in?)`);
  await expect(app.getByRole('button', { name: /shipped with Trellis\) Ladder$/ })).toBeVisible();
  await lookInBothThemes(app, 'ladders-folder-gone', testInfo);

  const other = path.join(main.dataDir, 'checkout');
  await mkdir(other);
  await cp(path.join(appFixtures, 'parts'), path.join(other, 'parts'), { recursive: true });
  await cp(path.join(appFixtures, 'support.yaml'), path.join(other, 'support.yaml'));
  main.chooseFolderAnswers.push(other);
  await app.getByRole('button', { name: 'Choose ladders folder' }).click();
  await expect(app.getByText(other, { exact: true })).toBeVisible();
  await expect(app.getByRole('alert')).toHaveCount(0);
  await expect(app.getByRole('heading', { name: /Support Ladder/ })).toBeVisible();
});

test('a folder that does not look like a ladders folder is named as such', async ({ app, main }) => {
  await seedLadders(main);
  for (let i = 0; i < 250; i++) await mkdir(path.join(main.laddersDir, `project-${i}`));
  await LaddersPage.open(app);
  await expect(app.getByRole('status').filter({ hasText: 'besides ladders' })).toContainText('Choose a folder that holds only your ladder files.');
});

test('the Versions view says how many versions are kept', async ({ app, main }) => {
  await seedLadders(main);
  await LaddersPage.open(app);
  await app.getByRole('radio', { name: 'Versions' }).click();
  await expect(app.getByText(`Trellis keeps a copy of the last ${VERSION_HISTORY.recent} versions of this ladder`)).toBeVisible();
  await expect(app.getByText('Give a release its own version number to keep it for good.', { exact: false })).toBeVisible();
});

test('a link in a ladder goes to main, which asks before opening its parsed address', async ({ app, main }) => {
  await seedLadders(main);
  const file = path.join(main.laddersDir, 'team.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text.replace(
      'Breaks a task into steps and says when it is blocked.',
      'Breaks a task into steps ([how](https://WIKI.example.com/./planning)) and says when it is blocked.',
    ),
  );
  await LaddersPage.open(app);
  await app.getByRole('button', { name: /^Planning, L1 Engineer$/ }).click();
  const dialog = app.getByRole('dialog');
  main.linkAnswers.push(false);
  await dialog.getByRole('link', { name: 'how' }).click();
  await expect.poll(() => main.linkConfirmations.map((l) => l.host)).toEqual(['wiki.example.com']);
  expect(main.openedExternally).toEqual([]);
  // The page never navigated away.
  await expect(dialog).toBeVisible();
  await dialog.getByRole('link', { name: 'how' }).click();
  await expect.poll(() => main.openedExternally).toEqual(['https://wiki.example.com/planning']);
  expect(new URL(app.url()).pathname).toMatch(/index\.html$/);
});
