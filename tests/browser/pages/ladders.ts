import { expect, type Page } from '@playwright/test';

import { choose } from './controls';
import { DialogModel } from './dialog';
import { goTo } from './nav';

export type LadderView = 'Matrix' | 'Compare levels' | 'Edit YAML' | 'Versions' | 'Review';

/** A cell opened from the matrix: criteria, examples, links, quick edit. */
export class CellDialog extends DialogModel {
  region(name: 'Criteria' | 'Examples' | 'Links') {
    return this.root.getByRole('region', { name });
  }
  get criteriaField() {
    return this.root.getByRole('textbox', { name: 'Criteria (Markdown)' });
  }
  async writeCriteria(levelId: string, text: string) {
    await this.root.getByRole('button', { name: `Write criteria for ${levelId}` }).click();
    await this.criteriaField.fill(text);
  }
  async saveCriteria() {
    await this.root.getByRole('button', { name: 'Save criteria' }).click();
  }
}

/** Import a ladder: choose a file (main's dialog), map its columns, preview the draft, save. */
export class ImportLadderDialog extends DialogModel {
  constructor(page: Page) {
    super(page, 'Import a ladder');
  }
  async chooseFile() {
    await this.root.getByRole('button', { name: 'Choose a file…' }).click();
  }
  get refusal() {
    return this.root.getByRole('alert');
  }
  /** Sets a column of the mapping step ("Competency column", "Category column") to a header ("B: Area") or "None". */
  async mapColumn(field: string, option: string | RegExp) {
    await choose(this.page, this.root, new RegExp(`${field}$`), option);
  }
  async layout(label: 'A row per competency, a column per level' | 'A row per criterion (competency, level and criteria in columns)') {
    await this.root.getByRole('radio', { name: label }).check({ force: true });
  }
  levelColumn(label: string | RegExp) {
    return this.root.getByRole('checkbox', { name: label });
  }
  async preview() {
    await this.root.getByRole('button', { name: 'Preview' }).click();
  }
  get draft() {
    return this.root.getByRole('region', { name: 'Trellis YAML draft' });
  }
  get checker() {
    return this.root.getByRole('region', { name: 'Checker' });
  }
  get problems() {
    // An alert when the file has errors, a region when it has only warnings.
    return this.root.getByRole('alert', { name: /problem/ }).or(this.root.getByRole('region', { name: 'Worth a look before saving' }));
  }
  get fileName() {
    return this.root.getByRole('textbox', { name: 'File name' });
  }
  get saveButton() {
    return this.root.getByRole('button', { name: 'Save ladder' });
  }
  async save() {
    await this.saveButton.click();
  }
}

/** The Ladders screen: matrix, compare, YAML editor, versions and review of one ladder. */
export class LaddersPage {
  constructor(readonly page: Page) {}

  static async open(page: Page) {
    await goTo(page, 'Ladders');
    return new LaddersPage(page);
  }
  get matrix() {
    return this.page.getByRole('table');
  }
  /** A matrix cell: "Code quality, L3 Senior Engineer (Inherited from L2)". */
  cell(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }
  async openCell(name: string | RegExp, title: string) {
    await this.cell(name).click();
    return new CellDialog(this.page, title);
  }
  async show(view: LadderView) {
    await this.page.getByRole('radio', { name: view }).click();
  }
  async pickLadder(option: string) {
    await this.page
      .getByRole('button', { name: /Ladder$/ })
      .first()
      .click();
    await this.page.getByRole('option', { name: option }).click();
  }
  async pickTrack(track: string) {
    await choose(this.page, this.page, /Track$/, track);
  }
  async pickLevels(from: string, to: string) {
    await choose(this.page, this.page, /From level$/, from);
    await choose(this.page, this.page, /To level$/, to);
  }
  get searchBox() {
    return this.page.getByRole('searchbox', { name: 'Search this ladder' });
  }
  async search(text: string) {
    await this.searchBox.fill(text);
  }
  async chooseFolder() {
    await this.page.getByRole('button', { name: 'Choose ladders folder' }).click();
  }
  async importLadder() {
    await this.page.getByRole('button', { name: 'Import a ladder…' }).click();
    const dialog = new ImportLadderDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
  async copyToMyFolder() {
    await this.page.getByRole('button', { name: 'Copy to my folder' }).click();
  }

  // The YAML editor.
  editor(file = 'team.yaml') {
    return this.page.getByRole('textbox', { name: `${file} (YAML)` });
  }
  get editorContent() {
    return this.page.locator('.cm-content');
  }
  /** Puts the cursor at the end of the file and types. */
  async typeAtEnd(text: string, file = 'team.yaml') {
    await this.editor(file).click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }
  get saveButton() {
    return this.page.getByRole('button', { name: 'Save', exact: true });
  }
  async saveDraft() {
    await this.page.getByRole('button', { name: 'Save as draft' }).click();
  }
  get noProblems() {
    return this.page.getByText('No problems: this file can be saved.');
  }
  async exportReview() {
    await this.page.getByRole('button', { name: 'Export as Markdown…' }).click();
  }
}

export { expect };
