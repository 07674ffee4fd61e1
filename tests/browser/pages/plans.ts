import { expect, type Locator, type Page } from '@playwright/test';

import { choose, fillDate } from './controls';
import { DialogModel } from './dialog';

/** Ticks the checkbox whose label starts with `label` inside `scope`, by clicking its label as a person does. */
async function tickIn(scope: Locator, label: string) {
  const box = scope.getByRole('checkbox', { name: label });
  if (await box.isChecked()) return;
  await box.locator('xpath=ancestor::label[1]').click();
  await expect(box).toBeChecked();
}

/** The growth plan on a person's Growth page. */
export class GrowthPlanSection {
  constructor(readonly page: Page) {}
  get root() {
    return this.page.getByRole('region', { name: 'Growth plan' });
  }
  get goals() {
    return this.root.getByRole('table', { name: 'Goals' });
  }
  goalRow(title: string) {
    return this.goals.getByRole('row').filter({ hasText: title });
  }
  async newGoal() {
    await this.root.getByRole('button', { name: 'New goal' }).click();
    return new GoalDialog(this.page, /^New goal for /);
  }
  async openGoal(title: string) {
    await this.goals.getByRole('link', { name: title }).click();
    return GoalPage.expect(this.page, title);
  }
}

export interface GoalFields {
  title?: string;
  teamOutcome?: string;
  targetDate?: string;
  /** Criteria (by their text) or "<Competency> as a whole" to tick. */
  grows?: string[];
}

/** The new / edit goal dialog. */
export class GoalDialog extends DialogModel {
  async fill(fields: GoalFields) {
    if (fields.title !== undefined) await this.root.getByRole('textbox', { name: 'Goal' }).fill(fields.title);
    if (fields.teamOutcome) await this.root.getByRole('textbox', { name: 'Team outcome' }).fill(fields.teamOutcome);
    if (fields.targetDate) await fillDate(this.root, 'Target date', fields.targetDate);
    for (const criterion of fields.grows ?? []) await tickIn(this.root, criterion);
  }
  async add() {
    await this.root.getByRole('button', { name: 'Add goal' }).click();
    await expect(this.root).toBeHidden();
  }
}

/** One goal's page. */
export class GoalPage {
  constructor(readonly page: Page) {}
  static async expect(page: Page, title: string) {
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    return new GoalPage(page);
  }
  get linked() {
    return this.page.getByRole('list', { name: 'Linked criteria' });
  }
  get milestonesRegion() {
    return this.page.getByRole('region', { name: 'Milestones' });
  }
  milestone(title: string) {
    return this.page.getByRole('list', { name: 'Milestones' }).getByRole('listitem').filter({ hasText: title });
  }
  get checkIns() {
    return this.page.getByRole('list', { name: 'Check-ins' });
  }
  async addMilestone(title: string, due?: string) {
    const form = this.page.getByRole('form', { name: 'Add a milestone' });
    await form.getByRole('textbox', { name: 'New milestone' }).fill(title);
    if (due) await fillDate(form, 'Due', due);
    await form.getByRole('button', { name: 'Add milestone' }).click();
    await expect(this.milestone(title)).toBeVisible();
  }
  async markDone(title: string) {
    await tickIn(this.milestonesRegion, title);
  }
  /** "Goal notes: Saved" once the notes are stored. */
  get saved() {
    return this.page.getByRole('status', { name: 'Goal notes: Saved' });
  }
}

/** "Growth goals" on a meeting: the goals in progress, each with "Discussed…". */
export class MeetingGoalsPanel {
  constructor(readonly page: Page) {}
  get root() {
    return this.page.getByRole('region', { name: 'Growth goals' });
  }
  async discussed(title: string, note: string) {
    await this.root.getByRole('button', { name: `Discussed ${title}` }).click();
    const dialog = new DialogModel(this.page, `Discussed “${title}”`);
    await dialog.root.getByRole('textbox', { name: 'What was discussed' }).fill(note);
    await dialog.root.getByRole('button', { name: 'Add check-in' }).click();
    await expect(dialog.root).toBeHidden();
  }
}

/** "Stretch and sponsorship" on a person's Growth page. */
export class StretchSection {
  constructor(readonly page: Page) {}
  get root() {
    return this.page.getByRole('region', { name: 'Stretch and sponsorship' });
  }
  get sponsors() {
    return this.root.getByRole('list', { name: 'Sponsors' });
  }
  get projects() {
    return this.root.getByRole('table', { name: 'Stretch projects' });
  }
  row(title: string) {
    return this.projects.getByRole('row').filter({ hasText: title });
  }
  async add(fields: { what: string; sponsor?: string; grows?: string[]; outcome?: string }) {
    await this.root.getByRole('button', { name: 'New stretch project' }).click();
    const dialog = new DialogModel(this.page, /^New stretch project for /);
    await dialog.root.getByRole('textbox', { name: 'What' }).fill(fields.what);
    if (fields.sponsor) {
      await dialog.root.getByRole('combobox', { name: 'Sponsor' }).fill(fields.sponsor);
      await this.page.getByRole('option', { name: new RegExp(`^${fields.sponsor}`) }).click();
    }
    if (fields.outcome) await dialog.root.getByRole('textbox', { name: 'Outcome' }).fill(fields.outcome);
    for (const c of fields.grows ?? []) await tickIn(dialog.root, c);
    await dialog.root.getByRole('button', { name: 'Add stretch project' }).click();
    await expect(dialog.root).toBeHidden();
  }
}

/** "Learning in <year>" on a person's Growth page. */
export class LearningSection {
  constructor(readonly page: Page) {}
  get root() {
    return this.page.getByRole('region', { name: /^Learning in \d{4}$/ });
  }
  get budget() {
    return this.root.getByRole('status', { name: 'Budget' });
  }
  async setBudget(amount: string, currency?: string) {
    const form = this.root.getByRole('form', { name: /^Learning budget for / });
    await form.getByRole('textbox', { name: /^Budget for / }).fill(amount);
    if (currency) await form.getByRole('textbox', { name: 'Currency' }).fill(currency);
    await form.getByRole('button', { name: 'Set budget' }).click();
  }
  async add(fields: { kind?: string; title: string; cost?: string; hours?: string }) {
    const form = this.root.getByRole('form', { name: 'Add learning' });
    if (fields.kind) await choose(this.page, form, /Kind/, fields.kind);
    await form.getByRole('textbox', { name: 'Learning' }).fill(fields.title);
    if (fields.cost) await form.getByRole('textbox', { name: /^Cost/ }).fill(fields.cost);
    if (fields.hours) await form.getByRole('textbox', { name: 'Hours' }).fill(fields.hours);
    await form.getByRole('button', { name: 'Add learning' }).click();
    await expect(this.root.getByRole('table').getByRole('row').filter({ hasText: fields.title })).toBeVisible();
  }
}

/** The stagnation flag: "Growth check" on Today (a list) or on one person's screens (a banner). */
export class GrowthCheck {
  constructor(readonly page: Page) {}
  /** Today's card. */
  get onToday() {
    return this.page.getByRole('region', { name: 'Growth check' });
  }
  entry(name: string) {
    return this.onToday.getByRole('list', { name: 'People to talk growth with' }).getByRole('listitem').filter({ hasText: name });
  }
  /** The banner on a person's page or in the prep view. */
  get banner() {
    return this.page.getByRole('status', { name: 'Growth check' });
  }
  clears(name: string) {
    return this.page.getByRole('list', { name: `What would clear the flag for ${name}` }).first();
  }
}

/** Settings › Growth check. */
export async function setGrowthCheck(page: Page, months: string, careerMonths?: string) {
  const form = page.getByRole('form', { name: 'Growth check' });
  await form.getByRole('textbox', { name: 'Months in one level' }).fill(months);
  if (careerMonths) await form.getByRole('textbox', { name: 'Career conversation within (months)' }).fill(careerMonths);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the growth check' })).toBeVisible();
}
