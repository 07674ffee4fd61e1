import type { Page } from '@playwright/test';

import { goTo } from './nav';

/** Today: the 1:1s due, the overdue series and action items. */
export class TodayPage {
  constructor(readonly page: Page) {}
  static async open(page: Page) {
    await goTo(page, 'Today');
    return new TodayPage(page);
  }
  get welcome() {
    return this.page.getByRole('heading', { name: 'Welcome to Trellis' });
  }
  /** "1:1s today", "Later this week", "Overdue series", "Overdue action items". */
  list(name: '1:1s today' | 'Later this week' | 'Overdue series' | 'Overdue action items') {
    return this.page.getByRole('list', { name });
  }
  /** The entry of a list that starts with `text` ("1:1 with Alex Rivera"), not one that only mentions it. */
  entry(list: '1:1s today' | 'Later this week', text: string) {
    const start = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    return this.list(list).getByRole('listitem').filter({ hasText: start });
  }
}
