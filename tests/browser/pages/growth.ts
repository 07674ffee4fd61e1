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

  chart(title: string) {
    return new ChartSection(this.page, title);
  }

  /** Opens "New … assessment" and leaves the dialog open, once its ladder is read. */
  async openNew(kind: 'self' | 'manager') {
    await this.page.getByRole('button', { name: kind === 'self' ? 'New self-assessment' : 'New manager assessment' }).click();
    const dialog = new NewAssessmentDialog(this.page);
    await expect(dialog.track).not.toHaveText(/Loading|Choose a track/);
    return dialog;
  }

  async open(text: string | RegExp) {
    await this.row(text).getByRole('link').click();
    return new AssessmentPage(this.page);
  }

  async openSideBySide() {
    await this.page.getByRole('link', { name: 'Side by side' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^Side by side · / })).toBeVisible();
    return new SideBySideView(this.page);
  }

  /** Imports a file through the import dialog and returns the dialog, open on its outcome. */
  async importFile(file: { name: string; text: string }) {
    await this.page.getByRole('button', { name: 'Import self-assessment…' }).click();
    const dialog = new ImportAssessmentDialog(this.page);
    await dialog.choose(file);
    return dialog;
  }
}

/** "New assessment of …": kind, ladder, track, level and period. */
export class NewAssessmentDialog extends DialogModel {
  constructor(page: Page) {
    super(page, /^New assessment of/);
  }
  get track() {
    return this.root.getByRole('button', { name: /Track$/ });
  }
  get level() {
    return this.root.getByRole('button', { name: /Level$/ });
  }
  /** Why nothing (or not everything) was preselected from the person's placement. */
  get placementNote() {
    return this.root.getByRole('note');
  }
  async start() {
    await this.root.getByRole('button', { name: 'Start assessment' }).click();
    await expect(this.root).toBeHidden();
    const assessment = new AssessmentPage(this.page);
    await expect(assessment.status).toContainText('Draft');
    return assessment;
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
  /** A rating whose criterion text matches (for criteria written with Markdown). */
  ratingMatching(label: RegExp) {
    return new RatingModel(this.page, this.page.getByRole('group', { name: label }));
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
  /** "Move this draft to version …": a draft made against an older ladder version follows the one in use. */
  async moveDraft(version: string) {
    await this.ladderChanged.getByRole('button', { name: `Move this draft to version ${version}` }).click();
    await expect(this.ladderChanged).toHaveCount(0);
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
  /** The evidence listed per criterion of the next level, for one competency. */
  evidenceFor(competency: string) {
    return this.page.getByRole('list', { name: `Evidence for ${competency}` });
  }
  get pointsSuggestion() {
    return this.page.getByRole('region', { name: 'What the points suggest' });
  }
}

/** A chart section with its Chart / Table switch. */
export class ChartSection {
  readonly root: Locator;
  constructor(
    readonly page: Page,
    title: string,
  ) {
    this.root = page.getByRole('region', { name: title, exact: true });
    // The picture is an image named by its summary: its own chart parts are not read out one by one.
  }
  /** The chart as one image named by its summary (the chart library's own legend icons are images inside it). */
  get picture() {
    return this.root.getByRole('img').first();
  }
  get table() {
    return this.root.getByRole('table');
  }
  switchButton(view: 'Chart' | 'Table') {
    return this.root.getByRole('radio', { name: view, exact: true });
  }
  async showTable() {
    await this.switchButton('Table').click();
    await expect(this.table).toBeVisible();
  }
}

/** The team heatmap: people × competencies against what each person's level expects. */
export class TeamHeatmap {
  constructor(readonly page: Page) {}
  static async open(page: Page) {
    await GrowthPage.open(page);
    await page.getByRole('link', { name: 'Team heatmap' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Team heatmap' })).toBeVisible();
    return new TeamHeatmap(page);
  }
  get table() {
    return this.page.getByRole('table', { name: 'Team heatmap' });
  }
  get summary() {
    return this.page.getByLabel('Heatmap summary');
  }
  row(name: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
  async show(kind: 'Self-assessment' | 'Manager assessment') {
    await this.page.getByRole('radiogroup', { name: 'Assessments shown' }).getByRole('radio', { name: kind }).click();
  }
}

/** Self and manager side by side: the pickers, the summary and the table (differences first). */
export class SideBySideView {
  constructor(readonly page: Page) {}
  get table() {
    return this.page.getByRole('table', { name: 'Side by side' });
  }
  get summary() {
    return this.page.getByLabel('Comparison summary');
  }
  /** A row by its criterion (or competency) text. */
  row(text: string | RegExp) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: text }) });
  }
  /** The row headers in the order shown (group rows included). */
  async order() {
    return this.table.getByRole('rowheader').allTextContents();
  }
  chart(title: string) {
    return new ChartSection(this.page, title);
  }
  async chooseSelf(option: string | RegExp) {
    await choose(this.page, this.page.getByRole('main'), /^Self-assessment/, option);
  }
}

/** A career conversation started from a 1:1: talking points from the assessments, added to that meeting's agenda. */
export class ConversationView extends SideBySideView {
  get points() {
    return this.page.getByRole('list', { name: 'Where the views differ' });
  }
  point(text: string | RegExp) {
    return this.points.getByRole('listitem').filter({ hasText: text });
  }
  async add(text: string | RegExp) {
    await this.point(text)
      .getByRole('button', { name: /^Add to the agenda/ })
      .click();
    await expect(this.point(text)).toContainText('On the agenda');
  }
  async addAll() {
    await this.page.getByRole('button', { name: /^Add all \d+ to the agenda$/ }).click();
  }
  async backToMeeting() {
    await this.page.getByRole('link', { name: /^Back to the / }).click();
  }
}
