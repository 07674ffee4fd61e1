import type { Page } from '@playwright/test';

/** The prep view of a series: everything to glance at before a 1:1. */
export class PrepPage {
  constructor(readonly page: Page) {}
  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }
  get sinceLast() {
    return this.page.getByRole('region', { name: 'Since the last 1:1' });
  }
  get queued() {
    return this.page.getByRole('list', { name: 'Queued talking points' });
  }
  get lastMeeting() {
    return this.page.getByRole('region', { name: /^Last meeting ·/ });
  }
  get notDiscussed() {
    return this.lastMeeting.getByRole('list', { name: 'Not discussed yet' });
  }
  /** "Alex owes" or "You owe". */
  owes(who: string) {
    return this.page.getByRole('list', { name: who });
  }
  /** The text of an open action item, as drawn (its checkbox's label). */
  actionText(text: string) {
    return this.page.locator('label', { has: this.page.getByRole('checkbox', { name: text }) });
  }
  get later() {
    return this.page.getByRole('region', { name: 'Feedback follow-ups and growth goals' });
  }
  async queuePoint(firstName: string, text: string) {
    await this.page.getByRole('textbox', { name: `Talking point for the next 1:1 with ${firstName}` }).fill(text);
    await this.page.getByRole('button', { name: 'Queue point' }).click();
  }
}
