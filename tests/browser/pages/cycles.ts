import { expect, type Locator, type Page } from '@playwright/test';

import { choose, tick } from './controls';
import { goTo } from './nav';

/** Feedback › Cycles: plan a cycle, ask peers, import responses, follow up. */
export class CyclesPage {
  constructor(readonly page: Page) {}
  static async open(page: Page) {
    await goTo(page, 'Feedback');
    await page.getByRole('navigation', { name: 'Feedback views' }).getByRole('link', { name: 'Cycles' }).click();
    return new CyclesPage(page);
  }
  /** Plans a cycle about `participants`, asking about `competencies`; lands on the cycle's page. */
  async plan(name: string, participants: string[], competencies: string[] = [], ladder?: RegExp) {
    await this.page
      .getByRole('button', { name: /Plan a cycle/ })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Plan a feedback cycle' });
    await dialog.getByLabel('Name').fill(name);
    for (const p of participants) await tick(this.page, p);
    if (ladder) await choose(this.page, dialog, /Ladder/, ladder);
    for (const c of competencies) await tick(this.page, c);
    await dialog.getByRole('button', { name: 'Plan the cycle' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
    return new CyclePage(this.page);
  }
}

export class CyclePage {
  constructor(readonly page: Page) {}
  get health() {
    return this.page.getByRole('region', { name: 'Cycle health' });
  }
  figure(label: 'Requested' | 'Received' | 'Followed up' | 'Closed the loop') {
    return this.health.locator('div', { has: this.page.getByRole('term').filter({ hasText: label }) }).getByRole('definition');
  }
  person(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }
  async askPeer(about: string, peer: string) {
    await this.page.getByRole('button', { name: `Ask a peer about ${about}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Ask a peer about ${about}` });
    await dialog.getByRole('combobox', { name: 'Peer' }).fill(peer);
    await this.page.getByRole('option', { name: peer, exact: true }).click();
    await dialog.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
  /** Opens Import responses and gives it a file; returns the dialog. */
  async importFile(name: string, content: string | Buffer): Promise<Locator> {
    await this.page.getByRole('button', { name: /Import responses/ }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import responses' });
    await dialog
      .getByLabel('Responses file')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: typeof content === 'string' ? Buffer.from(content) : content });
    return dialog;
  }
  problems(dialog: Locator) {
    return dialog.getByRole('list', { name: 'Problems in the file' });
  }
  async markFollowedUp(peer: string, about: string) {
    await this.page.getByRole('button', { name: `Mark followed up: ${peer} about ${about}` }).click();
  }
  /** Pastes a response from `peer` (a person in Trellis) about `about`, on `competency` of the cycle. */
  async pasteResponse(about: string, peer: string, competency: string, text: string) {
    await this.page.getByRole('button', { name: `Paste a response about ${about}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Paste a response about ${about}` });
    await dialog.getByRole('combobox', { name: 'From' }).fill(peer);
    await this.page.getByRole('option', { name: peer, exact: true }).click();
    await choose(this.page, dialog, /Competency/, competency);
    await dialog.getByRole('textbox', { name: 'Response' }).fill(text);
    await dialog.getByRole('button', { name: 'Save response' }).click();
    await expect(dialog).toBeHidden();
  }
  /** One competency's responses in a participant's summary ("In general" for none). */
  summaryGroup(about: string, competency: string) {
    return this.person(about)
      .getByRole('group', { name: `Summary for ${about}` })
      .getByRole('region', { name: `${competency} (${about})` });
  }
  editResponseButton(peer: string, about: string) {
    return this.page.getByRole('button', { name: `Edit the response from ${peer} about ${about}` });
  }
  deleteResponseButton(peer: string, about: string) {
    return this.page.getByRole('button', { name: `Delete the response from ${peer} about ${about}` });
  }
  responseDialog(peer: string, about: string) {
    return this.page.getByRole('dialog', { name: `Edit the response from ${peer} about ${about}` });
  }
  get editButton() {
    return this.page.getByRole('button', { name: 'Edit cycle…' });
  }
  get editDialog() {
    return this.page.getByRole('dialog', { name: 'Edit the feedback cycle' });
  }
  get deleteButton() {
    return this.page.getByRole('button', { name: 'Delete cycle…' });
  }
  deleteDialog(name: string) {
    return this.page.getByRole('dialog', { name: `Delete ${name}?` });
  }
}
