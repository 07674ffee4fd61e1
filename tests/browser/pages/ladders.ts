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

/** Saving an edit: the proposed version, what each kind means, the changelog entry, criteria whose ids change. */
export class SaveVersionDialog extends DialogModel {
  constructor(page: Page, file = 'team.yaml') {
    super(page, `Save ${file}`);
  }
  /** "Patch · 1.2.1", "Minor · 1.3.0", "Major · 2.0.0". */
  version(kind: 'Patch' | 'Minor' | 'Major') {
    return this.root.getByRole('radio', { name: new RegExp(`^${kind} · `) });
  }
  /** The option as shown: the version and what that kind of version means. */
  option(kind: 'Patch' | 'Minor' | 'Major') {
    return this.root.locator('label', { has: this.page.getByRole('radio', { name: new RegExp(`^${kind} · `) }) });
  }
  get summary() {
    return this.root.getByRole('textbox', { name: 'What changed (changelog entry)' });
  }
  get idWarning() {
    return this.root.getByRole('alert');
  }
  async saveAnyway() {
    await this.root.getByText(/^Save anyway/).click();
  }
  async choose(kind: 'Patch' | 'Minor' | 'Major') {
    await this.option(kind).click();
  }
  saveAs(version: string) {
    return this.root.getByRole('button', { name: `Save as ${version}` });
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
  /** What the track says about itself above the matrix: emphasis, archetypes, points. */
  trackInfo(track: string) {
    return this.page.getByRole('region', { name: `About the ${track} track` });
  }
  /** One competency in "Compare levels". */
  compareRow(competency: string) {
    return this.page.getByRole('article', { name: competency });
  }
  /** The criteria a level asks that the one compared with does not. */
  newAtThisLevel(competency: string) {
    return this.compareRow(competency).getByRole('region', { name: 'New at this level' });
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
  /** The editor as drawn on screen (its text may be wider and scroll inside it). */
  get editorFrame() {
    return this.page.locator('.cm-editor');
  }
  get editorContent() {
    return this.page.locator('.cm-content');
  }
  /** Replaces the whole text in one go, as pasting a new version of the file does. */
  async pasteText(text: string, file = 'team.yaml') {
    await this.editor(file).click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.insertText(text);
  }
  /** Puts the cursor at the start of a line (1-based) and types there. */
  async typeAtLine(line: number, text: string, file = 'team.yaml') {
    await this.editor(file).click();
    await this.page.keyboard.press('Control+Home');
    for (let i = 1; i < line; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.type(text);
  }
  /** Puts the cursor at the end of the file and types. */
  async typeAtEnd(text: string, file = 'team.yaml') {
    await this.editor(file).click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }
  /** Opens the save dialog (which proposes the version). */
  get saveButton() {
    return this.page.getByRole('button', { name: 'Save…', exact: true });
  }
  async save(file = 'team.yaml') {
    await this.saveButton.click();
    return new SaveVersionDialog(this.page, file);
  }
  /** The problems beside the editor. */
  get problems() {
    return this.page.getByRole('complementary', { name: 'Problems' });
  }
  problemAt(where: string) {
    return this.problems.getByRole('button', { name: `Go to ${where}` });
  }
  /** The whole entry of a problem beside the editor: where, what, and the hint. */
  problemItem(where: string) {
    return this.problems.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Go to ${where}` }) });
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
