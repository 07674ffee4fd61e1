import type { Page } from '@playwright/test';

import { choose } from './controls';
import { goTo } from './nav';

export class SettingsPage {
  constructor(readonly page: Page) {}
  static async open(page: Page) {
    await goTo(page, 'Settings');
    return new SettingsPage(page);
  }
  async chooseTheme(theme: 'Same as the system' | 'Light' | 'Dark') {
    await choose(this.page, this.page, /Theme/, theme);
  }
}
