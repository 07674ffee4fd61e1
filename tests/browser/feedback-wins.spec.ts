import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { canariesIn, canary } from '../support/canary';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { seedLadders } from './ladders-support';
import { goTo } from './pages/nav';
import { PeoplePage } from './pages/people';
import { logWin as logWinOn } from './pages/wins';

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

const logWin = (app: Page, what: string, opts: Parameters<typeof logWinOn>[2] = {}) => logWinOn(app, what, { person: 'Sam Lee', ...opts });

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
