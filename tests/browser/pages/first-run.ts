import { expect, type Page } from '@playwright/test';

import { choose } from './controls';
import { goTo } from './nav';

export type Role = 'manager' | 'engineer' | 'committee';

/** The welcome's options, by the start of their label (the description follows in the name). */
const roleLabels: Record<Role, RegExp> = {
  manager: /^A manager/,
  engineer: /^An engineer keeping my own growth/,
  committee: /^A member of a calibration committee/,
};

export interface Me {
  name: string;
  email?: string;
  title?: string;
}

/** The first-run welcome: who is using Trellis, which person is "me", or the sample team. */
export class WelcomePage {
  constructor(readonly page: Page) {}

  /** Waits for the welcome (a fresh profile opens on it). */
  static async expectShown(page: Page) {
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Trellis' })).toBeVisible();
    return new WelcomePage(page);
  }

  get form() {
    return this.page.getByRole('form', { name: 'Set up Trellis' });
  }
  get roles() {
    return this.form.getByRole('radiogroup', { name: 'Who is using Trellis?' });
  }
  role(role: Role) {
    return this.roles.getByRole('radio', { name: roleLabels[role] });
  }
  get name() {
    return this.form.getByRole('textbox', { name: 'Your name' });
  }
  get email() {
    return this.form.getByRole('textbox', { name: 'Your email' });
  }
  get title() {
    return this.form.getByRole('textbox', { name: 'Your title' });
  }
  /** "You are": who in Trellis is me, when there are people already. */
  get whoAmI() {
    return this.form.getByRole('combobox', { name: 'You are' });
  }
  get startButton() {
    return this.form.getByRole('button', { name: 'Start using Trellis' });
  }
  get sampleButton() {
    return this.page.getByRole('button', { name: 'Try with a sample team' });
  }

  async chooseRole(role: Role) {
    await this.role(role).click({ force: true });
    await expect(this.role(role)).toBeChecked();
  }
  async fillMe(me: Me) {
    await this.name.fill(me.name);
    if (me.email) await this.email.fill(me.email);
    if (me.title) await this.title.fill(me.title);
  }
  /** Picks an existing person as me, by typing the start of their name. */
  async chooseMe(name: string) {
    await this.whoAmI.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }
  async addMeInstead() {
    await this.page.getByRole('button', { name: 'Show all: You are' }).click();
    await this.page.getByRole('option', { name: 'I am not in the list: add me' }).click();
  }
  /** Starts, and waits for Today. */
  async start() {
    await this.startButton.click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  }
  /** The whole first run: a role, then a new person as me. */
  async completeAs(role: Role, me: Me) {
    await this.chooseRole(role);
    await this.fillMe(me);
    await this.start();
  }
}

/** The sample team: its banner, and leaving it. */
export class SampleTeam {
  constructor(readonly page: Page) {}
  get banner() {
    return this.page.getByRole('region', { name: 'Sample data' });
  }
  /** After "Try with a sample team": the app starts again on the sample, with its banner. */
  async expectOpen() {
    await expect(this.banner).toBeVisible({ timeout: 30_000 });
    await expect(this.banner).toContainText('Everything here is made up');
  }
  async leave() {
    await this.banner.getByRole('button', { name: 'Leave the sample' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Leave the sample team?' });
    await dialog.getByRole('button', { name: 'Leave and remove the sample' }).click();
    await expect(this.banner).toBeHidden();
  }
  /** The names of this origin's IndexedDB databases (to see the sample leaves nothing behind). */
  async databaseNames() {
    return this.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  }
}

/** Settings → You: the role and who is me. */
export class YouSettings {
  constructor(readonly page: Page) {}
  static async open(page: Page) {
    await goTo(page, 'Settings');
    return new YouSettings(page);
  }
  get section() {
    return this.page.getByRole('region', { name: 'You', exact: true });
  }
  get thisIsMe() {
    return this.section.getByRole('combobox', { name: 'This is me' });
  }
  async chooseRole(label: 'A manager' | 'An engineer keeping my own growth' | 'A member of a calibration committee') {
    await choose(this.page, this.section, /You use Trellis as/, label);
  }
  async chooseMe(name: string) {
    await this.thisIsMe.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    await expect(this.page.getByRole('status')).toContainText(`Saved: you are ${name}`);
  }
}

/** The sidebar's sections, in the order shown. */
export async function sidebarSections(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((t) => t.replace(/^\W+/, '').trim());
}
