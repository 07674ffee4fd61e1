import { expect, type Page } from '@playwright/test';

import { DialogModel } from './dialog';

export class TemplateDialog extends DialogModel {
  get name() {
    return this.root.getByRole('textbox', { name: 'Template name' });
  }
  get talkingPoints() {
    return this.root.getByRole('textbox', { name: 'Talking points' });
  }
  async save() {
    await this.root.getByRole('button', { name: 'Save template' }).click();
  }
}

/** Meeting templates: the built-in ones and the user's own. */
export class TemplatesPage {
  constructor(readonly page: Page) {}
  static async expect(page: Page) {
    await expect(page.getByRole('heading', { level: 1, name: 'Meeting templates' })).toBeVisible();
    return new TemplatesPage(page);
  }
  template(name: string) {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }
  card(name: string) {
    return this.page.getByRole('region', { name });
  }
  async newTemplate() {
    await this.page.getByRole('button', { name: 'New template' }).click();
    return new TemplateDialog(this.page, 'New template');
  }
  async edit(name: string) {
    await this.page.getByRole('button', { name: `Edit template ${name}` }).click();
    return new TemplateDialog(this.page, `Edit template ${name}`);
  }
}
