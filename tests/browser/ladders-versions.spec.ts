import { cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { expect, lookInBothThemes, test } from './fixtures';
import { appFixtures, readUserFile, seedLadders, writeUserFile } from './ladders-support';
import { LaddersPage } from './pages/ladders';

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

test('versions: each loaded version is kept, and two can be compared', async ({ app, main }, testInfo) => {
  const ladders = await LaddersPage.open(app);
  const original = await readUserFile(main);
  await expect(app.getByRole('heading', { name: /Team Ladder/ })).toBeVisible();
  await writeUserFile(
    main,
    original.replace('Breaks a task into steps and says when it is blocked.', 'Breaks a task into steps and flags blockers the same day.'),
  );
  await expect(ladders.cell(/^Planning, L1 Engineer$/)).toContainText('flags blockers');

  await ladders.show('Versions');
  const table = app.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('In use');
  await expect(app.getByText('0 added, 0 removed, 1 changed.')).toBeVisible();
  const change = app.getByRole('listitem').filter({ hasText: 'Planning · L1 Engineer' });
  await expect(change.locator('ins')).toContainText(['flags']);
  await expect(change.locator('del')).toContainText(['says']);
  await lookInBothThemes(app, 'ladders-versions', testInfo);
});

test('criteria review lists weak wording and exports it as Markdown', async ({ app, main }, testInfo) => {
  const original = await readUserFile(main);
  await writeUserFile(
    main,
    original
      .replace('Pairs with newer teammates and answers their questions.', 'A rockstar mentor and a strong culture fit.')
      .replace("Reviews teammates' pull requests with specific, actionable comments.", 'Same as above.'),
  );
  const ladders = await LaddersPage.open(app);
  await ladders.show('Review');
  await expect(app.getByRole('region', { name: 'Personality words' })).toContainText('"rockstar"');
  await expect(app.getByRole('region', { name: 'Personality words' })).toContainText('"culture fit"');
  await expect(app.getByRole('region', { name: 'Cells that only point elsewhere' })).toContainText('Code quality · L2 Engineer II');
  await lookInBothThemes(app, 'ladders-review', testInfo);

  await ladders.exportReview();
  await expect(app.getByRole('status')).toContainText('Review exported to');
  expect(main.savePaths).toHaveLength(1);
  const exported = await readFile(main.savePaths[0]!, 'utf8');
  expect(exported).toMatch(/^# Criteria review: Team Ladder/);
  expect(exported).toContain('## Personality words (2)');
});

test('choose another ladders folder (a git checkout, say): its ladders load and are watched', async ({ app, main }) => {
  const other = path.join(main.dataDir, 'checkout', 'ladders');
  await mkdir(path.join(other, 'parts'), { recursive: true });
  await cp(path.join(appFixtures, 'parts'), path.join(other, 'parts'), { recursive: true });
  await cp(path.join(appFixtures, 'support.yaml'), path.join(other, 'support.yaml'));
  main.chooseFolderAnswers.push(other);
  const ladders = await LaddersPage.open(app);
  await ladders.chooseFolder();
  await expect(app.getByText(other, { exact: true })).toBeVisible();
  await expect(app.getByRole('heading', { name: /Support Ladder/ })).toBeVisible();
  expect(main.store.get('settings')).toMatchObject({ laddersFolder: other });
  await expect(ladders.cell('Ticket handling, S1 Support Specialist')).toBeVisible();
});
