import { expect, type Page } from '@playwright/test';

import { DialogModel } from './dialog';

/** "Import people from CSV": file, column mapping, problems, preview. */
export class ImportDialog extends DialogModel {
  constructor(page: Page) {
    super(page, 'Import people from CSV');
  }
  get fileInput() {
    return this.root.getByLabel('CSV file');
  }
  /** Chooses a CSV file with `text` in it and waits for its preview. */
  async chooseCsv(name: string, text: string) {
    await this.fileInput.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await expect(this.preview(name)).toBeVisible();
    return this;
  }
  preview(name: string) {
    return this.root.getByRole('region', { name: `Preview of ${name}` });
  }
  /** The select that maps a field to a column ("Reports to Manager email": column shown, then field). */
  mapping(name: string | RegExp) {
    return this.root.getByRole('button', { name });
  }
  get problems() {
    return this.root.getByRole('list', { name: 'Problems in the file' });
  }
  importButton(label: string | RegExp = /^Import/) {
    return this.root.getByRole('button', { name: label, exact: typeof label === 'string' });
  }
  async exportCurrentList() {
    await this.page.getByRole('button', { name: 'Export the current list as CSV…' }).click();
  }
  async cancel() {
    await this.root.getByRole('button', { name: 'Cancel' }).click();
  }
}
