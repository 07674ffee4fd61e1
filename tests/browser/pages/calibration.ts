import type { Page } from '@playwright/test';

import { goTo } from './nav';

/** Calibration: the packets a committee opened, their checks, and the comparison by criterion. */
export class CalibrationPage {
  constructor(readonly page: Page) {}

  static async open(page: Page) {
    await goTo(page, 'Calibration');
    return new CalibrationPage(page);
  }

  async openPackets() {
    await this.page.getByRole('button', { name: 'Open packets…' }).click();
  }

  row(fileName: string) {
    return this.page.getByRole('table', { name: 'Opened packets' }).getByRole('row').filter({ hasText: fileName });
  }

  get comparison() {
    return this.page.getByRole('table', { name: 'Candidates by criterion' });
  }

  async showNames() {
    await this.page.getByText('Anonymised reading').click();
  }
}
