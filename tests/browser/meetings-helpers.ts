import type { Page } from '@playwright/test';

import { expect } from './fixtures';

/** A local calendar date `offset` days from today, as the app computes it. */
export function isoDay(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function weekdayName(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('en-GB', { weekday: 'long' });
}

/** "23 Nov" as the app shows dates of this year. */
export function shortLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  const month = date.toLocaleDateString('en-GB', { month: 'short' });
  return y === new Date().getFullYear() ? `${d} ${month}` : `${d} ${month} ${y}`;
}

export async function go(page: Page, section: string, heading: string | RegExp = section) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

export async function addPerson(page: Page, name: string) {
  await go(page, 'People');
  await page.getByRole('button', { name: 'Add person' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toBeHidden();
}

export async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string | RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Creates a series on the 1:1s page; by default weekly, meeting today. */
export async function createSeries(page: Page, person: string, opts: { weekday?: string; startDate?: string } = {}) {
  await go(page, '1:1s');
  await page.getByRole('button', { name: 'New series' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New 1:1 series' });
  await choose(page, dialog, /Person/, person);
  if (opts.weekday) await choose(page, dialog, /Weekday/, opts.weekday);
  if (opts.startDate) await dialog.getByLabel('First meeting on or after').fill(opts.startDate);
  await dialog.getByRole('button', { name: 'Create series' }).click();
  await expect(dialog).toBeHidden();
}

/** Starts a meeting of the person's 1:1 series on `date` without a template. */
export async function startMeeting(page: Page, person: string, date: string) {
  await go(page, '1:1s');
  await page.getByRole('button', { name: `Start 1:1 with ${person}` }).click();
  const dialog = page.getByRole('dialog', { name: `Start 1:1 with ${person}` });
  await dialog.getByLabel('Date').fill(date);
  await choose(page, dialog, /Template/, 'No template');
  await dialog.getByRole('button', { name: 'Start meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `1:1 with ${person}` })).toBeVisible();
}

export async function addAgendaPoint(page: Page, text: string, raisedBy?: string) {
  const agenda = page.getByRole('region', { name: 'Shared agenda' });
  await agenda.getByRole('textbox', { name: 'New talking point' }).fill(text);
  if (raisedBy) await choose(page, agenda, /Raised by/, raisedBy);
  await agenda.getByRole('button', { name: 'Add point' }).click();
  await expect(agenda.getByRole('checkbox', { name: text })).toBeVisible();
}

export async function addAction(page: Page, text: string, owner: string, due?: string) {
  const actions = page.getByRole('region', { name: 'Action items' });
  await actions.getByRole('textbox', { name: 'New action item' }).fill(text);
  await choose(page, actions, /Owner/, owner);
  if (due) await actions.getByLabel('Due').fill(due);
  await actions.getByRole('button', { name: 'Add action' }).click();
  await expect(actions.getByRole('checkbox', { name: text })).toBeVisible();
}
