import { expect, type Page } from '@playwright/test';

import { choose, fillDate } from './controls';
import { DialogModel } from './dialog';
import { MeetingPage } from './meeting';
import { goTo } from './nav';
import { TemplatesPage } from './templates';

export interface SeriesOptions {
  weekday?: string;
  /** "10:15": typed over whatever free slot the dialog proposed. */
  time?: string;
  startDate?: string;
}

export class SeriesDialog extends DialogModel {
  constructor(page: Page, title = 'New 1:1 series') {
    super(page, title);
  }
  async choosePerson(name: string) {
    await choose(this.page, this.root, /Person/, name);
  }
  async fill(person: string, opts: SeriesOptions = {}) {
    await this.choosePerson(person);
    if (opts.weekday) await choose(this.page, this.root, /Weekday/, opts.weekday);
    if (opts.startDate) await fillDate(this.root, 'First meeting on or after', opts.startDate);
    if (opts.time) await this.time.fill(opts.time);
  }
  get weekday() {
    return this.root.getByRole('button', { name: /Weekday/ });
  }
  get time() {
    return this.root.getByLabel('Time', { exact: true });
  }
  /** The warning that the chosen weekday and time overlap another series. */
  get overlapWarning() {
    return this.root.getByRole('status').filter({ hasText: 'This time overlaps' });
  }
  async findFreeSlot() {
    await this.root.getByRole('button', { name: 'Find a free slot' }).click();
  }
  async create() {
    await this.root.getByRole('button', { name: 'Create series' }).click();
  }
}

export class StartMeetingDialog extends DialogModel {
  async setDate(iso: string) {
    await fillDate(this.root, 'Date', iso);
  }
  async chooseTemplate(name: string) {
    await choose(this.page, this.root, /Template/, name);
  }
  /** Starts the meeting and lands on it. */
  async start() {
    await this.root.getByRole('button', { name: 'Start meeting' }).click();
    return new MeetingPage(this.page);
  }
}

/** The 1:1s screen: series with their cadence and health, recent meetings. */
export class OneOnOnesPage {
  constructor(readonly page: Page) {}

  static async open(page: Page) {
    await goTo(page, '1:1s');
    return new OneOnOnesPage(page);
  }
  get seriesTable() {
    return this.page.getByRole('table', { name: 'Series' });
  }
  seriesRow(name: string) {
    return this.seriesTable.getByRole('row', { name: new RegExp(name) });
  }
  get emptyState() {
    return this.page.getByRole('heading', { name: 'No 1:1 series yet' });
  }
  async newSeries() {
    await this.page.getByRole('button', { name: 'New series' }).first().click();
    return new SeriesDialog(this.page);
  }
  async createSeries(person: string, opts: SeriesOptions = {}) {
    const dialog = await this.newSeries();
    await dialog.fill(person, opts);
    await dialog.create();
    await expect(dialog.root).toBeHidden();
  }
  async start(person: string, kind = '1:1') {
    await this.page.getByRole('button', { name: `Start ${kind} with ${person}` }).click();
    return new StartMeetingDialog(this.page, `Start ${kind} with ${person}`);
  }
  async openTemplates() {
    await this.page.getByRole('link', { name: 'Templates' }).click();
    return TemplatesPage.expect(this.page);
  }
}

/** Creates a series on the 1:1s page; by default weekly, meeting today. */
export async function createSeries(page: Page, person: string, opts: SeriesOptions = {}) {
  const oneOnOnes = await OneOnOnesPage.open(page);
  await oneOnOnes.createSeries(person, opts);
  return oneOnOnes;
}

/** Starts a meeting of the person's 1:1 series on `date` without a template, and opens it. */
export async function startMeeting(page: Page, person: string, date: string) {
  const oneOnOnes = await OneOnOnesPage.open(page);
  const dialog = await oneOnOnes.start(person);
  await dialog.setDate(date);
  await dialog.chooseTemplate('No template');
  const meeting = await dialog.start();
  await expect(meeting.heading(`1:1 with ${person}`)).toBeVisible();
  return meeting;
}
