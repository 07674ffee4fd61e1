import { expect, type Page } from '@playwright/test';

import { fillDate, tick } from './controls';
import { DialogModel } from './dialog';
import { goTo } from './nav';

/** The quick-capture dialog (F on any screen, or "Capture feedback" in the palette). */
export class CaptureFeedbackDialog extends DialogModel {
  constructor(page: Page) {
    super(page, 'Capture feedback');
  }
  get about() {
    return this.root.getByRole('combobox', { name: 'About' });
  }
  get from() {
    return this.root.getByRole('combobox', { name: 'From' });
  }
  field(label: 'Situation' | 'Behaviour' | 'Impact' | 'Suggested next step') {
    return this.root.getByRole('textbox', { name: label });
  }
  kind(label: 'Recognition' | 'Constructive' | 'Peer feedback received' | 'Self-reflection') {
    return this.root.getByRole('radio', { name: label });
  }
  /** Picks a kind as a person does: by clicking its label (the radio itself is visually hidden). */
  async chooseKind(label: 'Recognition' | 'Constructive' | 'Peer feedback received' | 'Self-reflection') {
    await this.root
      .locator('label')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .click();
    await expect(this.kind(label)).toBeChecked();
  }
  visibility(label: 'Private' | 'Shareable') {
    return this.root.getByRole('radio', { name: new RegExp(`^${label}`) });
  }
  competency(name: string) {
    return this.root.getByRole('checkbox', { name });
  }
  /** Ticks a competency from the keyboard (the dialog scrolls inside itself on a small window). */
  async tickCompetency(name: string) {
    const box = this.competency(name);
    await box.focus();
    if (!(await box.isChecked())) await this.page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  get followUp() {
    return this.root.getByRole('checkbox', { name: 'Follow up on this' });
  }
  /** Ticks "Follow up on this" and fills its day and note. */
  async followUpBy(due: string, note: string) {
    await tick(this.page, 'Follow up on this');
    await fillDate(this.root, 'Follow up by', due);
    await this.root.getByRole('textbox', { name: 'What to follow up on' }).fill(note);
  }
  async save() {
    await this.root.getByRole('button', { name: 'Save feedback' }).click();
    await expect(this.root).toBeHidden();
  }
}

/** Opens quick capture with its shortcut from wherever the focus is not in a text field. */
export async function pressCapture(page: Page) {
  await page.keyboard.press('f');
  const dialog = new CaptureFeedbackDialog(page);
  await expect(dialog.root).toBeVisible();
  return dialog;
}

/** Feedback: the entries list and the follow-ups inbox. */
export class FeedbackPage {
  constructor(readonly page: Page) {}
  static async open(page: Page) {
    await goTo(page, 'Feedback');
    return new FeedbackPage(page);
  }
  get entries() {
    return this.page.getByRole('table', { name: 'Feedback entries' });
  }
  entry(text: string | RegExp) {
    return this.entries.getByRole('row').filter({ hasText: text });
  }
  async openEntry(text: string) {
    await this.entries.getByRole('link', { name: text }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    return new FeedbackEntryPage(this.page);
  }
  async openInbox() {
    await this.page
      .getByRole('navigation', { name: 'Feedback views' })
      .getByRole('link', { name: /Follow-ups inbox/ })
      .click();
    await expect(this.inbox.or(this.page.getByRole('region', { name: 'Inbox zero' }))).toBeVisible();
  }
  get inbox() {
    return this.page.getByRole('table', { name: 'Open follow-ups' });
  }
}

/** One entry's editor (autosaved) with its follow-ups. */
export class FeedbackEntryPage {
  constructor(readonly page: Page) {}
  field(label: 'Situation' | 'Behaviour' | 'Impact' | 'Suggested next step') {
    return this.page.getByRole('textbox', { name: label });
  }
  get saveState() {
    return this.page.getByRole('status', { name: /^Feedback:/ });
  }
  get followUps() {
    return this.page.getByRole('list', { name: 'Follow-ups of this feedback' });
  }
}

/** The dialog "Close the follow-up with <name>". */
export class CloseFollowUpDialog extends DialogModel {
  constructor(page: Page, name: string) {
    super(page, `Close the follow-up with ${name}`);
  }
  async close(outcome: string) {
    await this.root.getByRole('textbox', { name: 'Outcome' }).fill(outcome);
    await this.root.getByRole('button', { name: 'Close follow-up' }).click();
    await expect(this.root).toBeHidden();
  }
}
