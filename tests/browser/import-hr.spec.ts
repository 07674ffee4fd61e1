import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';
import Papa from 'papaparse';

import { encodeSingleByte } from '../../shared/domain/csv-encoding';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { choose } from './pages/controls';
import { goTo } from './pages/nav';

/** Opens the import dialog and chooses a file given as bytes (any encoding). */
async function importFile(page: Page, name: string, bytes: Uint8Array) {
  await goTo(page, 'People');
  await page.getByRole('button', { name: 'Import CSV…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import people from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await expect(dialog.getByRole('region', { name: `Preview of ${name}` })).toBeVisible();
  return dialog;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

test('a Windows-1252 file (Excel "CSV") is detected and its names import correctly; a wrong encoding is never offered', async ({ app }, testInfo) => {
  const text = 'First Name;Last Name;Work Email;Job Title\r\nJosé;Müller;jose@example.com;Ingénieur\r\nZoë;Ångström;zoe@example.com;Designer\r\n';
  const dialog = await importFile(app, 'excel-export.csv', encodeSingleByte(text, 'windows-1252'));
  await expect(dialog.getByRole('button', { name: /Text encoding/ })).toContainText('Windows-1252 (Western European)');
  await expect(dialog.getByText('Detected from the file')).toBeVisible();
  const preview = dialog.getByRole('region', { name: 'Preview of excel-export.csv' });
  await expect(preview.getByRole('row', { name: /José/ })).toContainText('Müller');
  await expect(dialog.getByText('Ready to import: 2 new, 0 updated.')).toBeVisible();
  await lookInBothThemes(app, 'import-preview-windows-1252', testInfo, { sizes: screenSizes });

  // Read as UTF-8 the names would be broken: the preview says so and nothing can be imported.
  await choose(app, dialog, /Text encoding/, 'UTF-8');
  await expect(dialog.getByRole('list', { name: 'Problems in the file' })).toContainText('The text does not read correctly as UTF-8: line 2 shows');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await choose(app, dialog, /Text encoding/, 'Windows-1252 (Western European)');
  await dialog.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(dialog).toBeHidden();
  const table = app.getByRole('table', { name: 'People' });
  await expect(table.getByRole('row', { name: /José Müller/ })).toContainText('Ingénieur');
  await expect(table.getByRole('row', { name: /Zoë Ångström/ })).toBeVisible();
});

test('UTF-16 with a BOM (Excel "Unicode text", tab-separated) and UTF-8 with a BOM import too; double-encoded text is refused', async ({ app }) => {
  const text = 'Name\tEmail\r\nJosé Müller\tjose@example.com\r\n';
  const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  let dialog = await importFile(app, 'unicode.txt', utf16);
  await expect(dialog.getByRole('button', { name: /Text encoding/ })).toContainText('UTF-16 LE');
  await expect(dialog.getByText('Marked in the file')).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Preview of unicode.txt' })).toContainText('José Müller');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  dialog = await importFile(app, 'mojibake.csv', utf8('\uFEFFName,Email\nJosÃ© MÃ¼ller,jose@example.com\n'));
  await expect(dialog.getByRole('list', { name: 'Problems in the file' })).toContainText('line 2 shows “JosÃ©”');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
});

test('an ambiguous date file asks how dates are written and shows the interpretation', async ({ app }, testInfo) => {
  const text = 'Name,Email,Hire Date\nAlex Rivera,alex@example.com,03/04/2021\nSam Lee,sam@example.com,11/02/2020\n';
  const dialog = await importFile(app, 'dates.csv', utf8(text));
  const question = dialog.getByRole('radiogroup', { name: 'How does the file write dates?' });
  await expect(question.getByRole('radio', { name: 'Month first (US): 03/04/2021 is 4 March 2021' })).not.toBeChecked();
  await expect(question.getByRole('radio', { name: 'Day first: 03/04/2021 is 3 April 2021' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Problems in the file' })).toContainText(
    'Dates such as 03/04/2021 can be read month first or day first: choose how the file writes dates.',
  );
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await lookInBothThemes(app, 'import-preview-ambiguous-dates', testInfo, { sizes: screenSizes });

  await question.getByText('Day first: 03/04/2021 is 3 April 2021').click();
  const preview = dialog.getByRole('region', { name: 'Preview of dates.csv' });
  await expect(preview.getByRole('row', { name: /Alex Rivera/ })).toContainText('3 April 2021 (03/04/2021)');
  await expect(preview.getByRole('row', { name: /Sam Lee/ })).toContainText('11 February 2020');
  await dialog.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(dialog).toBeHidden();
  await app.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await expect(app.getByRole('region', { name: 'Details' })).toContainText('3 Apr 2021');
});

test('a US file is read month first without asking, and says so', async ({ app }) => {
  const dialog = await importFile(app, 'us.csv', utf8('Name,Email,Start Date\nAlex,alex@example.com,03/15/2021\nSam,sam@example.com,04/01/2022\n'));
  await expect(dialog.getByRole('group', { name: 'Dates' })).toContainText('Month first (US): 03/15/2021 is 15 March 2021');
  await expect(dialog.getByRole('radiogroup')).toHaveCount(0);
  await expect(dialog.getByText('Ready to import: 2 new, 0 updated.')).toBeVisible();
});

test('a row with three problems lists all three, by row and column', async ({ app }, testInfo) => {
  const text = 'Name,Email,Track,Start date\nAlex Rivera,alex@,astronaut,2021-02-30\nSam Lee,sam@example.com,engineering,2021-02-01\n';
  const dialog = await importFile(app, 'three.csv', utf8(text));
  const problems = dialog.getByRole('list', { name: 'Problems in the file' });
  await expect(dialog.getByRole('heading', { name: /3 problems: nothing will be imported/ })).toBeVisible();
  await expect(problems.getByRole('listitem')).toHaveText([
    "Row 2, column 'Track': 'astronaut' is not a track; use one of engineering, management, product, design, other",
    "Row 2, column 'Start date': '2021-02-30' is not a real day",
    "Row 2, column 'Email': enter a valid email address, like alex@example.com",
  ]);
  await lookInBothThemes(app, 'import-preview-three-problems', testInfo);
});

test('Department creates the team and Location is kept, both shown on the person', async ({ app }) => {
  const text = [
    'Employee #,First Name,Last Name,Work Email,Department,Location,Reporting to',
    '1,Maya,Okafor,maya@example.com,Platform,Berlin,',
    '2,Alex,Rivera,alex@example.com,Platform,Remote,"Okafor, Maya"',
  ].join('\n');
  const dialog = await importFile(app, 'bamboohr.csv', utf8(text));
  await expect(dialog.getByRole('button', { name: /Department \(team\)/ })).toContainText('Department');
  await expect(dialog.getByText('Ready to import: 2 new, 0 updated. Creates the team Platform.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status')).toContainText('Imported people: 2 added, 0 updated, 1 team created');
  await app.getByRole('link', { name: 'Alex Rivera' }).first().click();
  const details = app.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Platform');
  await expect(details).toContainText('Remote');
  await expect(app.getByRole('heading', { level: 1, name: 'Alex Rivera' })).toBeVisible();

  await goTo(app, 'People');
  await app.getByRole('button', { name: 'Teams…' }).click();
  await expect(app.getByRole('dialog')).toContainText('Platform');
});

test('an export of a name starting with "=" opens safely in a spreadsheet and re-imports exactly', async ({ app, main }) => {
  const evil = '=HYPERLINK("https://example.com","Click")';
  const text = Papa.unparse([
    ['Name', 'Email', 'Title'],
    [`'${evil}`, 'eve@example.com', '+1 is a title'],
    ['@Sam', 'sam@example.com', '-'],
  ]);
  const dialog = await importFile(app, 'escaped.csv', utf8(text));
  await dialog.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(dialog).toBeHidden();
  const table = app.getByRole('table', { name: 'People' });
  await expect(table.getByRole('row', { name: /HYPERLINK/ })).toContainText(evil);

  await app.getByRole('button', { name: 'Import CSV…' }).first().click();
  await app.getByRole('button', { name: 'Export the current list as CSV…' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved people.csv' })).toBeVisible();
  const exported = await readFile(path.join(main.exportDir, 'people.csv'), 'utf8');
  expect(exported).toContain(`"'=HYPERLINK(""https://example.com"",""Click"")"`);
  for (const cells of Papa.parse<string[]>(exported).data) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

  const again = app.getByRole('dialog', { name: 'Import people from CSV' });
  await again.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) });
  await expect(again.getByText('Ready to import: 0 new, 0 updated, 2 unchanged.')).toBeVisible();
  await expect(again.getByRole('region', { name: 'Preview of people.csv' })).toContainText(evil);
});
