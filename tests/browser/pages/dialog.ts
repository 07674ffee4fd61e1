import type { Locator, Page } from '@playwright/test';

/** A dialog on screen, found by its title; the dialogs' page modules build on it. */
export class DialogModel {
  readonly root: Locator;
  constructor(
    readonly page: Page,
    title: string | RegExp,
  ) {
    this.root = page.getByRole('dialog', { name: title });
  }
}
