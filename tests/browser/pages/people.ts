import { expect, type Page } from '@playwright/test';

import { choose, fillDate, tick } from './controls';
import { DialogModel } from './dialog';
import { ExportNotesDialog } from './export-notes';
import { ImportDialog } from './import';
import { goTo } from './nav';
import { PersonPage } from './person';

export interface NewPerson {
  name: string;
  email?: string;
  title?: string;
  level?: string;
  /** Picked by the start of its label ("Maya Okafor — Director …"). */
  manager?: string;
  team?: string;
  startDate?: string;
}

/** The add / edit person dialog. */
export class PersonDialog extends DialogModel {
  get name() {
    return this.root.getByRole('textbox', { name: 'Name' });
  }
  get email() {
    return this.root.getByRole('textbox', { name: 'Email' });
  }
  get title() {
    return this.root.getByRole('textbox', { name: 'Title' });
  }
  get level() {
    return this.root.getByRole('textbox', { name: 'Level', exact: true });
  }
  async fill(p: Partial<NewPerson>) {
    if (p.name !== undefined) await this.name.fill(p.name);
    if (p.email) await this.email.fill(p.email);
    if (p.title) await this.title.fill(p.title);
    if (p.level) await this.level.fill(p.level);
    if (p.manager) await this.chooseManager(p.manager);
    if (p.team) await choose(this.page, this.root, /Team/, p.team);
    if (p.startDate) await fillDate(this.root, 'Start date', p.startDate);
  }
  /** Places the person on a ladder by the pickers' labels ("Team Ladder", "Engineering (IC)", "Senior Engineer (L3)"). */
  async placeOn(ladder: string, track: string, level: string) {
    await choose(this.page, this.root, /Ladder$/, ladder);
    await choose(this.page, this.root, /Ladder track$/, track);
    await choose(this.page, this.root, /Ladder level$/, level);
  }
  async chooseManager(name: string) {
    await this.root.getByRole('button', { name: /Manager/ }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }
  async submit(label: 'Add person' | 'Save changes') {
    await this.root.getByRole('button', { name: label }).click();
  }
  async save() {
    await this.submit('Save changes');
    await expect(this.root).toBeHidden();
  }
  async cancel() {
    await this.root.getByRole('button', { name: 'Cancel' }).click();
  }
  async archive() {
    await this.root.getByRole('button', { name: 'Archive' }).click();
  }
  async unarchive() {
    await this.root.getByRole('button', { name: 'Unarchive' }).click();
  }
}

/** "Map <name> to a level": for someone whose level the ladder no longer has. */
export class MapPlacementDialog extends DialogModel {
  constructor(page: Page, name: string) {
    super(page, `Map ${name} to a level`);
  }
  option(label: string | RegExp) {
    return this.root.getByRole('radio', { name: label });
  }
  async move() {
    await this.root.getByRole('button', { name: 'Move' }).click();
  }
}

export class TeamsDialog extends DialogModel {
  constructor(page: Page) {
    super(page, 'Teams');
  }
  get list() {
    return this.root.getByRole('list', { name: 'Teams' });
  }
  async add(name: string) {
    await this.root.getByRole('textbox', { name: 'New team' }).fill(name);
    await this.root.getByRole('button', { name: 'Add team' }).click();
  }
  async done() {
    await this.root.getByRole('button', { name: 'Done' }).click();
  }
}

export class QueuePointDialog extends DialogModel {
  constructor(page: Page, personName: string) {
    super(page, `Queue a point for ${personName}`);
  }
  get field() {
    return this.root.getByRole('textbox');
  }
  async queue(text: string) {
    await this.field.fill(text);
    await this.root.getByRole('button', { name: 'Queue point' }).click();
  }
}

/** The People screen: the list, the org chart, and the dialogs it opens. */
export class PeoplePage {
  constructor(readonly page: Page) {}

  static async open(page: Page) {
    await goTo(page, 'People');
    return new PeoplePage(page);
  }

  get table() {
    return this.page.getByRole('table', { name: 'People' });
  }
  row(name: string) {
    return this.table.getByRole('row', { name: new RegExp(name) });
  }
  get addButton() {
    return this.page.getByRole('button', { name: 'Add person' }).first();
  }
  get filterBox() {
    return this.page.getByRole('searchbox', { name: 'Filter people' });
  }
  /** "2 active · 1 archived" under the title. */
  count(text: string) {
    return this.page.getByText(text);
  }
  get emptyState() {
    return this.page.getByRole('heading', { name: 'No people yet' });
  }

  async openAddDialog() {
    await this.addButton.click();
    const dialog = new PersonDialog(this.page, 'Add a person');
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** Adds someone through the dialog and waits for "Added <name>". */
  async addPerson(person: NewPerson | string) {
    const p = typeof person === 'string' ? { name: person } : person;
    const dialog = await this.openAddDialog();
    await dialog.fill(p);
    await dialog.submit('Add person');
    await expect(dialog.root).toBeHidden();
    await expect(this.page.getByRole('status')).toContainText(`Added ${p.name}`);
    // The list follows the database a moment after the status: until then the empty state (and its
    // own "Add person", about to go) may still be up, and a click on it would be lost.
    await expect(this.emptyState).toBeHidden();
  }

  async edit(name: string) {
    await this.page.getByRole('button', { name: `Edit ${name}` }).click();
    return new PersonDialog(this.page, `Edit ${name}`);
  }

  /** The notice above the list when people's levels are gone from their ladder. */
  get placementNotice() {
    return this.page.getByRole('status').filter({ hasText: 'on a level their ladder no longer has' });
  }
  /** What the list shows in a person's "Track · level" cell. */
  placementOf(name: string) {
    return this.row(name).getByRole('cell').nth(3);
  }
  async mapToLevel(name: string) {
    await this.page.getByRole('button', { name: `Map ${name} to a level` }).click();
    return new MapPlacementDialog(this.page, name);
  }

  async filter(text: string) {
    await this.filterBox.fill(text);
  }
  async filterTeam(team: string) {
    await choose(this.page, this.page.locator('.toolbar'), /Team/, team);
  }
  async showArchived() {
    await tick(this.page, 'Show archived');
  }
  async showView(view: 'List' | 'Org chart') {
    await this.page
      .getByRole('radio', { name: view })
      .or(this.page.getByRole('button', { name: view }))
      .click();
  }
  reportsOf(manager: string) {
    return this.page.getByRole('list', { name: `Reports of ${manager}` });
  }

  async manageTeams() {
    await this.page.getByRole('button', { name: 'Teams…' }).click();
    return new TeamsDialog(this.page);
  }
  async importCsv() {
    await this.page.getByRole('button', { name: 'Import CSV…' }).click();
    return new ImportDialog(this.page);
  }
  async queuePointFor(name: string) {
    await this.page.getByRole('button', { name: `Queue a talking point for ${name}` }).click();
    return new QueuePointDialog(this.page, name);
  }
  async exportAllNotes() {
    await this.page.getByRole('button', { name: 'Export all notes…' }).click();
    return new ExportNotesDialog(this.page, 'Export everyone’s notes');
  }
  async openPerson(name: string) {
    await this.page.getByRole('link', { name }).first().click();
    return PersonPage.expect(this.page, name);
  }
}

/** Opens People and adds someone: the one way a test adds a person. */
export async function addPerson(page: Page, person: NewPerson | string) {
  const people = await PeoplePage.open(page);
  await people.addPerson(person);
  return people;
}
