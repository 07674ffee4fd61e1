import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

/** From now on every IndexedDB write fails as it does when the disk is full, until `diskFull(page, false)`. */
async function diskFull(page: Page, full: boolean) {
  await page.evaluate((on) => {
    const w = window as unknown as { __diskFull?: boolean; __diskFullInstalled?: boolean };
    w.__diskFull = on;
    if (w.__diskFullInstalled) return;
    w.__diskFullInstalled = true;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (w.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  }, full);
}

test('a full disk shows a clear message everywhere and keeps what was typed on screen', async ({ app }) => {
  await app.getByRole('link', { name: 'People', exact: true }).click();
  await diskFull(app, true);

  await app.getByRole('button', { name: 'Add person' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Alex Rivera');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('alex@example.com');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The disk is full');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Alex Rivera');
  await diskFull(app, false);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('table', { name: 'People' })).toContainText('Alex Rivera');

  await diskFull(app, true);
  await app.getByRole('button', { name: 'Teams…' }).click();
  const teams = app.getByRole('dialog', { name: 'Teams' });
  await teams.getByRole('textbox', { name: 'New team' }).fill('Payments');
  await teams.getByRole('textbox', { name: 'New team' }).press('Enter');
  await expect(teams).toContainText('The disk is full');
  await expect(teams.getByRole('textbox', { name: 'New team' })).toHaveValue('Payments');
  await teams.press('Escape');

  await app.getByRole('button', { name: 'Import CSV…' }).click();
  const importer = app.getByRole('dialog', { name: 'Import people from CSV' });
  await importer.getByLabel('CSV file').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email\nSam Lee,sam@example.com\n') });
  await importer.getByRole('button', { name: 'Import 1 person' }).click();
  await expect(importer.getByRole('alert')).toContainText('The disk is full');
  await expect(importer).toBeVisible();
  await diskFull(app, false);
  await importer.getByRole('button', { name: 'Import 1 person' }).click();
  await expect(importer).toBeHidden();
  await expect(app.getByRole('table', { name: 'People' })).toContainText('Sam Lee');
});
