import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { expect, lookInBothThemes, test } from './fixtures';
import { ImportDialog } from './pages/import';
import { PeoplePage } from './pages/people';

const goodFile = [
  'Full name,E-mail,Reports to,Job title,Track,Level,Start date,Level since',
  'Alex Rivera,alex@example.com,maya@example.com,Senior Engineer,engineering,L5,2022-03-01,2024-01-15',
  'Sam Lee,sam@example.com,maya@example.com,Engineer,Engineering (IC),L3,2024-06-03,',
  'Maya Okafor,maya@example.com,,Engineering Manager,management,M2,2019-09-01,2023-04-01',
].join('\n');

test('a good file imports, and importing it again updates people instead of adding them twice', async ({ app, main }, testInfo) => {
  const people = await PeoplePage.open(app);
  const importDialog = await people.importCsv();
  await importDialog.chooseCsv('team.csv', goodFile);
  const dialog = importDialog.root;
  // Headers that are not the exact field names are still recognised.
  await expect(importDialog.mapping('Reports to Manager (email or name)')).toBeVisible();
  await expect(dialog.getByText('Ready to import: 3 new, 0 updated.')).toBeVisible();
  await lookInBothThemes(app, 'import-preview-good', testInfo);
  await importDialog.importButton('Import 3 people').click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status')).toContainText('Imported people: 3 added, 0 updated');

  const table = people.table;
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(people.row('Alex Rivera')).toContainText('Maya Okafor');

  // Alex was promoted: same file, new level, email in other case.
  const againDialog = await people.importCsv();
  await againDialog.chooseCsv(
    'team-v2.csv',
    goodFile.replace('alex@example.com,maya@example.com,Senior Engineer,engineering,L5', 'ALEX@example.com,maya@example.com,Staff Engineer,engineering,L6'),
  );
  const again = againDialog.root;
  await expect(again.getByText('Ready to import: 0 new, 1 updated, 2 unchanged.')).toBeVisible();
  await againDialog.importButton('Import 1 person').click();
  await expect(again).toBeHidden();

  await app.reload();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(people.row('Alex Rivera')).toContainText('L6');
  await expect(people.row('Alex Rivera')).toContainText('Staff Engineer');

  // The current list exported as CSV imports back onto itself without a change.
  const roundTripDialog = await people.importCsv();
  await lookInBothThemes(app, 'import-dialog-start', testInfo);
  await roundTripDialog.exportCurrentList();
  await expect(app.getByRole('status').filter({ hasText: 'Saved people.csv' })).toBeVisible();
  const exported = await readFile(path.join(main.exportDir, 'people.csv'), 'utf8');
  expect(exported.split('\r\n')[0]).toBe('name,email,manager email,title,track,level,start date,level since,department,location');
  await roundTripDialog.chooseCsv('people.csv', exported);
  const roundTrip = roundTripDialog.root;
  await expect(roundTrip.getByText('Ready to import: 0 new, 0 updated, 3 unchanged.')).toBeVisible();
  await expect(roundTripDialog.importButton('Nothing to change')).toBeDisabled();
});

test('a file with bad rows shows each problem by row and column and imports nothing', async ({ app }, testInfo) => {
  const people = await PeoplePage.open(app);
  const seed = await people.importCsv();
  await seed.chooseCsv('seed.csv', 'name,email\nMaya Okafor,maya@example.com\n');
  await seed.importButton('Import 1 person').click();
  const table = people.table;
  await expect(table.getByRole('row')).toHaveCount(2);

  const bad = [
    'name,email,manager email,title,track,level,start date,level since',
    'Alex Rivera,alex@example,,,,,,',
    'Sam Lee,sam@example.com,nobody@example.com,,,,,',
    'Kim Nguyen,MAYA@example.com,,,,,,',
    'Jo Park,jo@example.com,,,astronaut,,,',
    'Lee Chen,lee@example.com,,,,,2024-02-30,',
    'Ana Costa,ana@example.com,ben@example.com,,,,,',
    'Ben Costa,ben@example.com,ana@example.com,,,,,',
    'Maya Okafor,maya@example.com,,Director,,,,',
  ].join('\n');
  const importDialog = await people.importCsv();
  await importDialog.chooseCsv('bad.csv', bad);
  const dialog = importDialog.root;
  const problems = importDialog.problems;
  await expect(dialog.getByRole('heading', { name: /7 problems: nothing will be imported/ })).toBeVisible();
  for (const message of [
    "Row 2, column 'email': enter a valid email address, like alex@example.com",
    "Row 3, column 'manager email': no person has the email nobody@example.com",
    "Row 9, column 'email': maya@example.com is already used in row 4",
    "Row 5, column 'track': 'astronaut' is not a track",
    "Row 6, column 'start date': '2024-02-30' is not a real day",
    "Row 7, column 'manager email': manager loop: Ben Costa already reports, directly or not, to Ana Costa",
    "Row 8, column 'manager email': manager loop: Ana Costa already reports, directly or not, to Ben Costa",
  ]) {
    await expect(problems.getByText(message)).toBeVisible();
  }
  await expect(importDialog.importButton('Import')).toBeDisabled();
  await lookInBothThemes(app, 'import-preview-problems', testInfo);

  await importDialog.cancel();
  await app.reload();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(people.row('Maya Okafor')).not.toContainText('Director');
});

test('keyboard only: choose a file, remap a column and import', async ({ app }) => {
  const people = await PeoplePage.open(app);
  await app.getByRole('button', { name: 'Import CSV…' }).focus();
  await app.keyboard.press('Enter');
  const importDialog = new ImportDialog(app);
  const dialog = importDialog.root;
  await expect(dialog).toBeVisible();
  // Tab to the file input and open the chooser with the keyboard.
  const input = importDialog.fileInput;
  for (let i = 0; i < 5 && !(await input.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(input).toBeFocused();
  const chooser = app.waitForEvent('filechooser');
  await app.keyboard.press('Space');
  await (await chooser).setFiles({ name: 'kb.csv', mimeType: 'text/csv', buffer: Buffer.from('who,mail,rank\nKim Nguyen,kim@example.com,L4\n') });
  // "who" is not a known header: map it to Name by keyboard.
  await expect(dialog.getByText("Choose the column that holds each person's name.")).toBeVisible();
  // Past the encoding choice to the Name field.
  const nameSelect = importDialog.mapping(/Name$/);
  for (let i = 0; i < 6 && !(await nameSelect.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(nameSelect).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('option', { name: 'who' })).toBeVisible();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(nameSelect).toContainText('who');
  // Tab to the Level field and map "rank".
  const levelSelect = importDialog.mapping(/Level$/);
  for (let i = 0; i < 8 && !(await levelSelect.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(levelSelect).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('option', { name: 'rank' })).toBeVisible();
  for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(levelSelect).toContainText('rank');
  await expect(dialog.getByText('Ready to import: 1 new, 0 updated.')).toBeVisible();
  const importButton = importDialog.importButton('Import 1 person');
  for (let i = 0; i < 14 && !(await importButton.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(importButton).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(people.row('Kim Nguyen')).toContainText('L4');
});
