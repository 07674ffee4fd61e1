import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { expect, expectAccessible, snap, test } from './fixtures';

async function openPeople(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
}

async function chooseCsv(page: Page, name: string, text: string) {
  const dialog = page.getByRole('dialog', { name: 'Import people from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await expect(dialog.getByRole('region', { name: `Preview of ${name}` })).toBeVisible();
  return dialog;
}

const goodFile = [
  'Full name,E-mail,Reports to,Job title,Track,Level,Start date,Level since',
  'Alex Rivera,alex@example.com,maya@example.com,Senior Engineer,engineering,L5,2022-03-01,2024-01-15',
  'Sam Lee,sam@example.com,maya@example.com,Engineer,Engineering (IC),L3,2024-06-03,',
  'Maya Okafor,maya@example.com,,Engineering Manager,management,M2,2019-09-01,2023-04-01',
].join('\n');

test('a good file imports, and importing it again updates people instead of adding them twice', async ({ app, main }, testInfo) => {
  await openPeople(app);
  await app.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = await chooseCsv(app, 'team.csv', goodFile);
  // Headers that are not the exact field names are still recognised.
  await expect(dialog.getByRole('button', { name: 'Reports to Manager (email or name)' })).toBeVisible();
  await expect(dialog.getByText('Ready to import: 3 new, 0 updated.')).toBeVisible();
  await snap(app, 'import-preview-good', testInfo);
  await expectAccessible(app, 'Import preview');
  await dialog.getByRole('button', { name: 'Import 3 people' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status')).toContainText('Imported people: 3 added, 0 updated');

  const table = app.getByRole('table', { name: 'People' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Alex Rivera/ })).toContainText('Maya Okafor');

  // Alex was promoted: same file, new level, email in other case.
  await app.getByRole('button', { name: 'Import CSV…' }).click();
  const again = await chooseCsv(
    app,
    'team-v2.csv',
    goodFile.replace('alex@example.com,maya@example.com,Senior Engineer,engineering,L5', 'ALEX@example.com,maya@example.com,Staff Engineer,engineering,L6'),
  );
  await expect(again.getByText('Ready to import: 0 new, 1 updated, 2 unchanged.')).toBeVisible();
  await again.getByRole('button', { name: 'Import 1 person' }).click();
  await expect(again).toBeHidden();

  await app.reload();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Alex Rivera/ })).toContainText('L6');
  await expect(table.getByRole('row', { name: /Alex Rivera/ })).toContainText('Staff Engineer');

  // The current list exported as CSV imports back onto itself without a change.
  await app.getByRole('button', { name: 'Import CSV…' }).click();
  await snap(app, 'import-dialog-start', testInfo);
  await expectAccessible(app, 'Import dialog (start)');
  await app.getByRole('button', { name: 'Export the current list as CSV…' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved people.csv' })).toBeVisible();
  const exported = await readFile(path.join(main.exportDir, 'people.csv'), 'utf8');
  expect(exported.split('\r\n')[0]).toBe('name,email,manager email,title,track,level,start date,level since,department,location');
  const roundTrip = await chooseCsv(app, 'people.csv', exported);
  await expect(roundTrip.getByText('Ready to import: 0 new, 0 updated, 3 unchanged.')).toBeVisible();
  await expect(roundTrip.getByRole('button', { name: 'Nothing to change' })).toBeDisabled();
});

test('a file with bad rows shows each problem by row and column and imports nothing', async ({ app }, testInfo) => {
  await openPeople(app);
  await app.getByRole('button', { name: 'Import CSV…' }).click();
  await chooseCsv(app, 'seed.csv', 'name,email\nMaya Okafor,maya@example.com\n');
  await app.getByRole('dialog').getByRole('button', { name: 'Import 1 person' }).click();
  const table = app.getByRole('table', { name: 'People' });
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
  await app.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = await chooseCsv(app, 'bad.csv', bad);
  const problems = dialog.getByRole('list', { name: 'Problems in the file' });
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
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await snap(app, 'import-preview-problems', testInfo);
  await expectAccessible(app, 'Import problems');
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, 'import-preview-problems-dark', testInfo);
  await expectAccessible(app, 'Import problems (dark)');
  await app.emulateMedia({ colorScheme: 'light' });

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.reload();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row', { name: /Maya Okafor/ })).not.toContainText('Director');
});

test('keyboard only: choose a file, remap a column and import', async ({ app }) => {
  await openPeople(app);
  await app.getByRole('button', { name: 'Import CSV…' }).focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Import people from CSV' });
  await expect(dialog).toBeVisible();
  // Tab to the file input and open the chooser with the keyboard.
  const input = dialog.getByLabel('CSV file');
  for (let i = 0; i < 5 && !(await input.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(input).toBeFocused();
  const chooser = app.waitForEvent('filechooser');
  await app.keyboard.press('Space');
  await (await chooser).setFiles({ name: 'kb.csv', mimeType: 'text/csv', buffer: Buffer.from('who,mail,rank\nKim Nguyen,kim@example.com,L4\n') });
  // "who" is not a known header: map it to Name by keyboard.
  await expect(dialog.getByText("Choose the column that holds each person's name.")).toBeVisible();
  // Past the encoding choice to the Name field.
  const nameSelect = dialog.getByRole('button', { name: /Name$/ });
  for (let i = 0; i < 6 && !(await nameSelect.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(nameSelect).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('option', { name: 'who' })).toBeVisible();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(nameSelect).toContainText('who');
  // Tab to the Level field and map "rank".
  const levelSelect = dialog.getByRole('button', { name: /Level$/ });
  for (let i = 0; i < 8 && !(await levelSelect.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(levelSelect).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('option', { name: 'rank' })).toBeVisible();
  for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(levelSelect).toContainText('rank');
  await expect(dialog.getByText('Ready to import: 1 new, 0 updated.')).toBeVisible();
  const importButton = dialog.getByRole('button', { name: 'Import 1 person' });
  for (let i = 0; i < 14 && !(await importButton.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(importButton).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('table', { name: 'People' }).getByRole('row', { name: /Kim Nguyen/ })).toContainText('L4');
});
