import { expect, type Locator, type Page } from '@playwright/test';

import { choose } from './controls';
import { DialogModel } from './dialog';
import { goTo } from './nav';

/** Growth: the people to assess. */
export class GrowthPage {
  constructor(readonly page: Page) {}

  static async open(page: Page) {
    await goTo(page, 'Growth');
    return new GrowthPage(page);
  }

  async person(name: string) {
    await this.page.getByRole('table', { name: 'People to assess' }).getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Growth · ${name}` })).toBeVisible();
    return new PersonGrowthPage(this.page);
  }
}

export interface AssessmentChoice {
  kind?: 'Self-assessment' | 'Manager assessment';
  /** The ladder option, e.g. "Support 1.0.0". */
  ladder?: string;
  track?: string;
  level: string;
}

/** One person's assessments. */
export class PersonGrowthPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByRole('table', { name: 'Assessments' });
  }

  row(text: string | RegExp) {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  async start(kind: 'self' | 'manager', choice: AssessmentChoice) {
    await this.page.getByRole('button', { name: kind === 'self' ? 'New self-assessment' : 'New manager assessment' }).click();
    const dialog = new DialogModel(this.page, /^New assessment of/);
    // The ladders come from main: wait until the chosen one is read and its tracks are offered.
    await expect(dialog.root.getByRole('button', { name: /Track$/ })).not.toHaveText(/Loading|Choose a track/);
    if (choice.ladder) await choose(this.page, dialog.root, /Ladder$/, choice.ladder);
    if (choice.track) await choose(this.page, dialog.root, /Track$/, choice.track);
    await expect(dialog.root.getByRole('button', { name: /Track$/ })).not.toHaveText(/Loading|Choose a track/);
    await choose(this.page, dialog.root, /Level$/, choice.level);
    await dialog.root.getByRole('button', { name: 'Start assessment' }).click();
    await expect(dialog.root).toBeHidden();
    const assessment = new AssessmentPage(this.page);
    await expect(assessment.status).toContainText('Draft');
    return assessment;
  }

  async open(text: string | RegExp) {
    await this.row(text).getByRole('link').click();
    return new AssessmentPage(this.page);
  }

  /** Imports a file through the import dialog and returns the dialog, open on its outcome. */
  async importFile(file: { name: string; text: string }) {
    await this.page.getByRole('button', { name: 'Import self-assessment…' }).click();
    const dialog = new ImportAssessmentDialog(this.page);
    await dialog.choose(file);
    return dialog;
  }
}

export class ImportAssessmentDialog extends DialogModel {
  constructor(page: Page) {
    super(page, /^Import a self-assessment of/);
  }
  async choose(file: { name: string; text: string }) {
    await this.root.getByLabel('Self-assessment file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  }
  get refusal() {
    return this.root.getByRole('alert');
  }
  get outcome() {
    return this.root.getByRole('status');
  }
  async openIt() {
    await this.root.getByRole('button', { name: 'Open it' }).click();
    await expect(this.root).toBeHidden();
    return new AssessmentPage(this.page);
  }
  async close() {
    await this.root.getByRole('button', { name: 'Close' }).click();
    await expect(this.root).toBeHidden();
  }
}

/** One rating: a criterion (by its text) or a competency rated as a whole (by its name). */
export class RatingModel {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}
  async rate(step: string) {
    await choose(this.page, this.root, /Rating$/, step);
  }
  get ratingButton() {
    return this.root.getByRole('button', { name: /Rating$/ });
  }
  async notApplicable(reason: string) {
    await this.root.locator('label').filter({ hasText: 'Not applicable' }).click();
    await expect(this.root.getByRole('checkbox', { name: 'Not applicable' })).toBeChecked();
    await this.root.getByRole('textbox', { name: 'Why it does not apply' }).fill(reason);
  }
  async comment(text: string) {
    await this.root.getByRole('textbox', { name: 'Comment' }).fill(text);
  }
  async addLink(url: string) {
    await this.root.getByRole('textbox', { name: 'Evidence link' }).fill(url);
    await this.root.getByRole('button', { name: 'Add link' }).click();
  }
}

/** An assessment: the draft editor, or the locked view once finished. */
export class AssessmentPage {
  constructor(readonly page: Page) {}

  /** The line with the status badge, the revision and the save state. */
  get status() {
    return this.page.locator('.growth-status');
  }
  get saveState() {
    return this.page.getByRole('status', { name: /^Assessment:/ });
  }
  rating(label: string) {
    return new RatingModel(this.page, this.page.getByRole('group', { name: label, exact: true }));
  }
  competency(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }
  get privateNotes() {
    return this.page.getByRole('textbox', { name: 'Private notes' });
  }
  get summary() {
    return this.page.getByRole('textbox', { name: 'Overall comment' });
  }
  get ladderChanged() {
    return this.page.getByRole('region', { name: 'Ladder changed' });
  }
  get revisions() {
    return this.page.getByRole('navigation', { name: 'Revisions' });
  }
  get alert() {
    return this.page.getByRole('main').getByRole('alert');
  }
  async saved() {
    await expect(this.saveState).toHaveText(/Saved/);
  }
  async finish() {
    await this.page.getByRole('button', { name: 'Finish assessment' }).click();
  }
  async reopen() {
    await this.page.getByRole('button', { name: 'Reopen as new revision' }).click();
    await expect(this.status).toContainText('Draft');
  }
  async exportFile() {
    await this.page.getByRole('button', { name: 'Export self-assessment…' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Exported to' })).toBeVisible();
  }
  async openGap() {
    await this.page.getByRole('link', { name: 'Gap to the next level' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^Gap to the next level/ })).toBeVisible();
    return new GapView(this.page);
  }
  async reassess(version: string) {
    await this.ladderChanged.getByRole('button', { name: `Re-assess against version ${version}` }).click();
    await expect(this.status).toContainText('Draft');
  }
}

/** The gap to the next level of an assessment's person and level. */
export class GapView {
  constructor(readonly page: Page) {}
  get table() {
    return this.page.getByRole('table', { name: 'Gap per competency' });
  }
  row(competency: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: competency, exact: true }) });
  }
  get readiness() {
    return this.page.getByRole('region', { name: 'Readiness' });
  }
}
