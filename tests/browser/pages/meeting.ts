import { expect, type Locator, type Page } from '@playwright/test';

import { choose, fillDate, tick } from './controls';

/** One meeting: shared agenda, action items, shared and private notes, share and delete. */
export class MeetingPage {
  constructor(readonly page: Page) {}

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }
  get agenda() {
    return this.page.getByRole('region', { name: 'Shared agenda' });
  }
  get actions() {
    return this.page.getByRole('region', { name: 'Action items' });
  }
  get talkingPoints() {
    return this.page.getByRole('list', { name: 'Talking points' });
  }
  get actionList() {
    return this.page.getByRole('list', { name: 'Action items' });
  }
  /** A talking point or action item, by its text: its checkbox. */
  item(text: string) {
    return this.page.getByRole('checkbox', { name: text });
  }
  get newPoint() {
    return this.page.getByRole('textbox', { name: 'New talking point' });
  }
  get newAction() {
    return this.page.getByRole('textbox', { name: 'New action item' });
  }
  get sharedNotes() {
    return this.page.getByRole('textbox', { name: 'Shared notes' });
  }
  get privateNotes() {
    return this.page.getByRole('textbox', { name: 'Private notes' });
  }
  /** "Notes: Saved" once the notes are stored. */
  get saved() {
    return this.page.getByRole('status', { name: 'Notes: Saved' });
  }

  async addAgendaPoint(text: string, raisedBy?: string) {
    await this.newPoint.fill(text);
    if (raisedBy) await choose(this.page, this.agenda, /Raised by/, raisedBy);
    await this.agenda.getByRole('button', { name: 'Add point' }).click();
    await expect(this.agenda.getByRole('checkbox', { name: text })).toBeVisible();
  }
  async addAction(text: string, owner: string, due?: string) {
    await this.newAction.fill(text);
    await choose(this.page, this.actions, /Owner/, owner);
    if (due) await fillDate(this.actions, 'Due', due);
    await this.actions.getByRole('button', { name: 'Add action' }).click();
    await expect(this.actions.getByRole('checkbox', { name: text })).toBeVisible();
  }
  async tick(text: string) {
    await tick(this.page, text);
  }
  /** Writes notes and waits until they are saved. */
  async writeNotes({ shared, private: mine }: { shared?: string; private?: string }) {
    if (shared !== undefined) await this.sharedNotes.fill(shared);
    if (mine !== undefined) await this.privateNotes.fill(mine);
    await expect(this.saved).toBeVisible();
  }
  /** Switches the shared or private notes to their preview, and gives the rendered region. */
  async preview(which: 'Shared notes' | 'Private notes') {
    await this.page.getByRole('region', { name: which }).getByRole('radio', { name: 'Preview' }).click();
    return this.page.getByRole('region', { name: `${which} preview` });
  }
  deletePointButton(text: string) {
    return this.page.getByRole('button', { name: `Delete talking point: ${text}` });
  }
  async deletePoint(text: string) {
    await this.deletePointButton(text).click();
  }
  async deleteAction(text: string) {
    await this.page.getByRole('button', { name: `Delete action item: ${text}` }).click();
  }
  async undo() {
    await this.page.getByRole('button', { name: 'Undo' }).click();
  }
  get deleteButton() {
    return this.page.getByRole('button', { name: 'Delete…' });
  }
  /** The square drawn for a point's or action's checkbox (the input itself is visually hidden). */
  checkboxBox(text: string) {
    return this.page.locator('label', { has: this.item(text) }).locator('.checkbox__box');
  }
  get raisedBy() {
    return this.agenda.getByRole('button', { name: /Raised by/ });
  }
  get addPointButton() {
    return this.agenda.getByRole('button', { name: 'Add point' });
  }
  get owner() {
    return this.actions.getByRole('button', { name: /Owner/ });
  }
  get due() {
    return this.actions.getByRole('group', { name: 'Due', exact: true });
  }
  async deleteMeeting() {
    await this.deleteButton.click();
    return this.page.getByRole('dialog', { name: 'Delete this meeting?' });
  }
  async saveAsMarkdown() {
    await this.page.getByRole('button', { name: 'Save as .md' }).click();
  }
  async copyAsMarkdown() {
    await this.page.getByRole('button', { name: 'Copy as Markdown' }).click();
  }
  async openPrep() {
    await this.page.getByRole('link', { name: 'Prep view' }).click();
  }
  async openPersonPage(name: string) {
    await this.page.getByRole('link', { name: `${name}’s page` }).click();
  }
}

export type { Locator };
