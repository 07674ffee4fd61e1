import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { canariesIn, canary } from '../support/canary';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { seedLadders } from './ladders-support';
import { tick } from './pages/controls';
import { goTo } from './pages/nav';
import { PeoplePage } from './pages/people';

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

/** W on a person's page, then the win's fields; saves it. */
async function logWin(app: Page, what: string, opts: { competency?: string; celebrate?: boolean; visibility?: 'Private' | 'Shareable' } = {}) {
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('w');
  const dialog = app.getByRole('dialog', { name: 'Log a win' });
  await expect(dialog.getByRole('combobox', { name: 'Whose win' })).toHaveValue('Sam Lee');
  await dialog.getByRole('textbox', { name: 'What happened' }).fill(what);
  await dialog.getByRole('textbox', { name: 'Impact' }).fill('The release went out on time');
  if (opts.competency) await tick(app, opts.competency);
  if (opts.visibility) await app.locator('label', { has: app.getByRole('radio', { name: opts.visibility }) }).click();
  if (opts.celebrate) await tick(app, 'They agreed to celebrate this in public');
  await dialog.getByRole('button', { name: 'Save win' }).click();
  await expect(dialog).toBeHidden();
}

test('log wins from a person’s page, see them by competency, recognise a public one, and export only the shareable ones', async ({ app, main }, testInfo) => {
  test.slow();
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Sam Lee', email: 'sam@example.com' });
  const edit = await people.edit('Sam Lee');
  await edit.placeOn('Team Ladder', 'Engineering (IC)', 'Senior Engineer (L3)');
  await edit.save();
  await people.openPerson('Sam Lee');

  await logWin(app, 'Led the billing migration', { competency: 'Planning', celebrate: true, visibility: 'Shareable' });
  await logWin(app, 'Reviewed every pull request of the new hires', { competency: 'Code quality', visibility: 'Shareable' });
  await logWin(app, `Handled a hard conversation ${canary('wins.private')}`, { visibility: 'Private' });

  await goTo(app, 'Feedback');
  await app.getByRole('navigation', { name: 'Feedback views' }).getByRole('link', { name: 'Wins' }).click();
  await app.getByRole('combobox', { name: 'Person' }).fill('Sam Lee');
  await app.getByRole('option', { name: 'Sam Lee', exact: true }).click();
  await app.getByRole('radio', { name: 'By competency' }).click();
  await expect(app.getByRole('list', { name: 'Wins: Planning' })).toContainText('Led the billing migration');
  await expect(app.getByRole('list', { name: 'Wins: Code quality' })).toContainText('Reviewed every pull request');
  await lookInBothThemes(app, 'wins-by-competency', testInfo, { sizes: screenSizes });

  // Recognise is offered only where Sam agreed to public celebration.
  await expect(app.getByRole('button', { name: /^Recognise Sam Lee: Reviewed/ })).toHaveCount(0);
  await app.getByRole('button', { name: 'Recognise Sam Lee: Led the billing migration' }).click();
  const recognise = app.getByRole('dialog', { name: 'Recognise Sam Lee' });
  await expect(recognise.getByRole('textbox', { name: 'Recognition message' })).toHaveValue(/billing migration/);
  await recognise.getByRole('button', { name: 'Cancel' }).click();

  await app.getByRole('button', { name: 'Export shareable (.md)' }).click();
  await expect(app.getByRole('status')).toContainText('Saved feedback and wins');
  const markdown = await readFile(path.join(main.exportDir, 'Feedback and wins Sam Lee.md'), 'utf8');
  expect(markdown).toContain('Led the billing migration');
  expect(markdown).toContain('Reviewed every pull request');
  expect(markdown).not.toContain('Handled a hard conversation');
  expect(canariesIn(markdown)).toEqual([]);
});
