import { expect, type Locator, type Page } from '@playwright/test';

import { choose, fillDate, tick } from './controls';
import { DialogModel } from './dialog';
import { goTo } from './nav';

/** W from wherever the focus is not in a text field: the "Log a win" dialog, for the person of the screen. */
export async function logWin(
  page: Page,
  what: string,
  opts: { person?: string; competency?: string; celebrate?: boolean; visibility?: 'Private' | 'Shareable'; impact?: string; date?: string } = {},
) {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('w');
  const dialog = page.getByRole('dialog', { name: 'Log a win' });
  if (opts.person) await expect(dialog.getByRole('combobox', { name: 'Whose win' })).toHaveValue(opts.person);
  if (opts.date) await fillDate(dialog, 'Date', opts.date);
  await dialog.getByRole('textbox', { name: 'What happened' }).fill(what);
  await dialog.getByRole('textbox', { name: 'Impact' }).fill(opts.impact ?? 'The release went out on time');
  if (opts.competency) await tick(page, opts.competency);
  if (opts.visibility) await page.locator('label', { has: page.getByRole('radio', { name: opts.visibility }) }).click();
  if (opts.celebrate) await tick(page, 'They agreed to celebrate this in public');
  await dialog.getByRole('button', { name: 'Save win' }).click();
  await expect(dialog).toBeHidden();
}

/** A "Delete …?" confirmation. */
export class ConfirmDialog extends DialogModel {
  get text() {
    return this.root.getByRole('paragraph').first();
  }
  confirmButton(label: string) {
    return this.root.getByRole('button', { name: label, exact: true });
  }
}

/** Feedback › Wins: the wins log, by quarter or by competency, in a period. */
export class WinsLog {
  constructor(readonly page: Page) {}
  static async open(page: Page) {
    await goTo(page, 'Feedback');
    await page.getByRole('navigation', { name: 'Feedback views' }).getByRole('link', { name: 'Wins' }).click();
    await expect(page.getByRole('combobox', { name: 'Person' })).toBeVisible();
    return new WinsLog(page);
  }
  async forPerson(name: string) {
    await this.page.getByRole('combobox', { name: 'Person' }).fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
  }
  async period(label: string | RegExp) {
    await choose(this.page, this.page, 'Period', label);
  }
  async groupBy(view: 'By quarter' | 'By competency') {
    await this.page.getByRole('radio', { name: view }).click();
  }
  /** The list of one quarter ("Q4 2026") or competency. */
  group(title: string): Locator {
    return this.page.getByRole('list', { name: `Wins: ${title}` });
  }
  get main(): Locator {
    return this.page.getByRole('main');
  }
  openWin(title: string) {
    return this.main.getByRole('link', { name: title, exact: true }).click();
  }
  deleteButton(title: string) {
    return this.page.getByRole('button', { name: `Delete win: ${title}` });
  }
  get deleteDialog() {
    return new ConfirmDialog(this.page, 'Delete this win?');
  }
}

/** One win's own page (from the log, the timeline or search): edited in place, saved as you type. */
export class WinPage {
  constructor(readonly page: Page) {}
  static async expect(page: Page, person: string) {
    await expect(page.getByRole('heading', { level: 1, name: `Win · ${person}` })).toBeVisible();
    return new WinPage(page);
  }
  get editor(): Locator {
    return this.page.getByRole('region', { name: 'Win' });
  }
  field(label: 'What happened' | 'Impact' | 'Links') {
    return this.editor.getByRole('textbox', { name: label });
  }
  get saveState(): Locator {
    return this.page.getByRole('status', { name: /^Win: / });
  }
  async expectSaved() {
    await expect(this.saveState).toHaveAccessibleName('Win: Saved');
  }
  get deleteButton() {
    return this.page.getByRole('button', { name: 'Delete…' });
  }
  get deleteDialog() {
    return new ConfirmDialog(this.page, 'Delete this win?');
  }
}
