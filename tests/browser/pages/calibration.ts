import { expect, type Locator, type Page } from '@playwright/test';

import { DialogModel } from './dialog';
import { goTo } from './nav';

/** Calibration: the committee's sessions. */
export class CalibrationPage {
  constructor(readonly page: Page) {}

  static async open(page: Page) {
    await goTo(page, 'Calibration');
    return new CalibrationPage(page);
  }

  get empty() {
    return this.page.getByRole('heading', { name: 'No calibration sessions' });
  }

  get sessions() {
    return this.page.getByRole('list', { name: 'Calibration sessions' });
  }

  async newSession(name: string, scope = '') {
    await this.page.getByRole('button', { name: 'New session…' }).click();
    const dialog = new DialogModel(this.page, 'New calibration session');
    await dialog.root.getByRole('textbox', { name: 'Name' }).fill(name);
    if (scope) await dialog.root.getByRole('textbox', { name: 'Scope' }).fill(scope);
    await dialog.root.getByRole('button', { name: 'Start session' }).click();
    await expect(dialog.root).toBeHidden();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
    return new CalibrationSession(this.page);
  }

  async openSession(name: string) {
    await this.sessions.getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
    return new CalibrationSession(this.page);
  }
}

/** One session: opened packets and their checks, filters, comparison, decisions, distribution, log, export. */
export class CalibrationSession {
  constructor(readonly page: Page) {}

  async openPackets() {
    await this.page.getByRole('button', { name: 'Open packets…' }).click();
  }

  /** Waits until the packet list holds `count` files (the table says its row count even when not every row is drawn). */
  async expectPackets(count: number) {
    await expect(this.page.getByRole('table', { name: 'Opened packets' })).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 60_000 });
  }

  get title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async rename(name: string) {
    await this.page.getByRole('button', { name: 'Rename…' }).click();
    const dialog = new DialogModel(this.page, 'Rename the session');
    await dialog.root.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.root.getByRole('button', { name: 'Rename' }).click();
    return dialog;
  }

  /** Asks to delete: the confirmation, to read and answer. */
  async askToDelete() {
    await this.page.getByRole('button', { name: 'Delete…' }).click();
    return new DialogModel(this.page, 'Delete this session?');
  }

  row(fileName: string) {
    return this.page.getByRole('table', { name: 'Opened packets' }).getByRole('row').filter({ hasText: fileName });
  }

  async trustKey(fileName: string, owner: string) {
    await this.row(fileName)
      .getByRole('button', { name: `Trust the key of ${fileName}` })
      .click();
    const dialog = new DialogModel(this.page, 'Trust this signing key');
    await dialog.root.getByRole('textbox', { name: 'Whose key it is' }).fill(owner);
    await dialog.root.getByRole('button', { name: 'Trust key' }).click();
    await expect(dialog.root).toBeHidden();
  }

  get comparison() {
    return this.page.getByRole('table', { name: 'Candidates by criterion' });
  }

  async filter(label: 'Level' | 'Track' | 'Team' | 'Manager', option: string) {
    await this.page
      .getByRole('region', { name: 'Filter candidates' })
      .getByRole('button', { name: new RegExp(`${label}$`) })
      .click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  get filterCount() {
    return this.page.getByRole('region', { name: 'Filter candidates' }).getByRole('status');
  }

  decision(name: string) {
    return new DecisionCard(this.page, this.page.getByRole('article', { name, exact: true }));
  }

  get decisionList() {
    return this.page.getByRole('list', { name: 'Decisions' });
  }

  /** Scrolls the page with the mouse wheel, as a reader does, until the card of `name` is drawn. */
  async scrollToDecision(name: string, direction: 'down' | 'up' = 'down') {
    const card = this.page.getByRole('article', { name, exact: true });
    const box = this.page.viewportSize()!;
    await this.page.mouse.move(box.width / 2, box.height / 2);
    await expect
      .poll(
        async () => {
          if ((await card.count()) === 0) await this.page.mouse.wheel(0, direction === 'down' ? 1200 : -1200);
          return card.count();
        },
        { timeout: 60_000, intervals: [100] },
      )
      .toBe(1);
    await card.scrollIntoViewIfNeeded();
    return new DecisionCard(this.page, card);
  }

  get compareControls() {
    return this.page.getByRole('group', { name: 'Candidates compared' });
  }

  async compareStep(direction: 'Previous' | 'Next') {
    await this.compareControls.getByRole('button', { name: new RegExp(`^${direction} \\d+$`) }).click();
  }

  async removeFromComparison(name: string) {
    await this.compareControls.getByRole('button', { name: `Remove ${name} from the comparison` }).click();
  }

  async addToComparison(name: string) {
    await this.compareControls.getByRole('button', { name: /Add to the comparison$/ }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async showAllNames() {
    await this.page.getByRole('button', { name: 'Show all names' }).click();
  }

  distribution(by: 'level' | 'track' | 'team' | 'manager') {
    return this.page.getByRole('table', { name: `Proposed and decided by ${by}` });
  }

  /** The distribution's two views: the chart (an image with its words) or the table. */
  async distributionView(view: 'Chart' | 'Table') {
    await this.page
      .getByRole('radiogroup', { name: /^By \w+: view$/ })
      .getByRole('radio', { name: view, exact: true })
      .click();
  }

  get distributionChart() {
    // The picture is the first image; recharts' legend icons are images inside it.
    return this.page
      .getByRole('region', { name: /^By \w+$/ })
      .getByRole('img')
      .first();
  }

  async timeInLevelView(view: 'Chart' | 'Table') {
    await this.page.getByRole('radiogroup', { name: 'Time in level of the candidates: view' }).getByRole('radio', { name: view, exact: true }).click();
  }

  get timeInLevelChart() {
    return this.page.getByRole('region', { name: 'Time in level of the candidates' }).getByRole('img').first();
  }

  async groupBy(label: 'Level' | 'Track' | 'Team' | 'Manager') {
    await this.page.getByRole('radiogroup', { name: 'Group by' }).getByRole('radio', { name: label, exact: true }).click();
  }

  get log() {
    return this.page.getByRole('list', { name: 'Session log' });
  }

  async export(format: 'CSV' | 'PDF') {
    await this.page.getByRole('button', { name: `Export ${format}…` }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /Decisions exported to/ })).toBeVisible({ timeout: 60_000 });
  }
}

export class DecisionCard {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  async write(field: 'Rationale' | 'Open questions', text: string) {
    await this.root.getByRole('textbox', { name: field }).fill(text);
  }

  outcome(label: 'Promote' | 'Not yet' | 'Defer') {
    return this.root.getByRole('radio', { name: label });
  }

  async decide(label: 'Promote' | 'Not yet' | 'Defer') {
    // By its label, as a person does (the radio itself is visually hidden).
    await this.root
      .locator('label')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .click();
  }

  /** Picks another outcome for a recorded decision: the dialog asks why. */
  async change(label: 'Promote' | 'Not yet' | 'Defer') {
    await this.decide(label);
    return new DialogModel(this.page, /^Change the decision on /);
  }

  async saved() {
    await expect(this.root.getByRole('status', { name: /: Saved$/ })).toBeVisible();
  }

  async showName() {
    await this.root.getByRole('button', { name: /^Show the name of / }).click();
  }
}
