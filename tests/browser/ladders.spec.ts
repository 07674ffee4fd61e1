import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { expect, lookInBothThemes, test } from './fixtures';
import { seedLadders } from './ladders-support';
import { LaddersPage } from './pages/ladders';

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

test('browse the matrix: categories, inherited and n/a cells in words, open a cell, search', async ({ app }, testInfo) => {
  const ladders = await LaddersPage.open(app);
  await expect(app.getByRole('heading', { name: /Team Ladder/ })).toBeVisible();
  const matrix = ladders.matrix;
  await expect(matrix.getByRole('columnheader', { name: /L3\s+Senior Engineer/ })).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: 'Craft' })).toBeVisible();
  const inherited = matrix.getByRole('button', { name: 'Code quality, L3 Senior Engineer (Inherited from L2)' });
  await expect(inherited).toContainText('Inherited from L2');
  await expect(matrix.getByRole('button', { name: 'Mentoring, L1 Engineer (Not applicable)' })).toBeVisible();
  await lookInBothThemes(app, 'ladders-matrix', testInfo);

  // Keyboard: the matrix is one tab stop; arrow keys move from cell to cell, Enter opens.
  await ladders.searchBox.focus();
  await app.keyboard.press('Tab');
  await expect(matrix.getByRole('button', { name: 'Code quality, L1 Engineer' })).toBeFocused();
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('ArrowRight');
  await expect(inherited).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(matrix.getByRole('button', { name: 'System design, L3 Senior Engineer' })).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Code quality · L3 Senior Engineer' });
  await expect(dialog).toContainText('Inherited from L2 Engineer II');
  await expect(dialog.getByRole('region', { name: 'Criteria' })).toContainText("Reviews teammates' pull requests");
  await expect(dialog.getByRole('region', { name: 'Examples' })).toContainText('suggests a test');
  await lookInBothThemes(app, 'ladders-cell', testInfo);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await ladders.pickTrack('Engineering Management');
  await expect(matrix.getByRole('columnheader', { name: /M4\s+Engineering Manager/ })).toBeVisible();
  await expect(matrix.getByRole('button', { name: 'Code quality, M4 Engineering Manager (Not applicable)' })).toBeVisible();

  await ladders.search('pairing session');
  await expect(app.getByText('1 cell match.')).toBeVisible();
  await expect(matrix.getByRole('rowheader')).toHaveText(['Mentoring']);
  await lookInBothThemes(app, 'ladders-search', testInfo);
});

test('compare two levels: what L3 asks beyond L2, what is new marked', async ({ app }, testInfo) => {
  const ladders = await LaddersPage.open(app);
  await ladders.show('Compare levels');
  await ladders.pickLevels('L2 Engineer II', 'L3 Senior Engineer');
  await expect(app.getByRole('heading', { name: 'What L3 asks beyond L2' })).toBeVisible();
  const mentoring = ladders.compareRow('Mentoring');
  await expect(ladders.newAtThisLevel('Mentoring')).toContainText('Mentors two or more engineers and helps them grow.');
  await expect(ladders.compareRow('Code quality')).toContainText('No change');
  await lookInBothThemes(app, 'ladders-compare', testInfo);
  await app.getByText('Only competencies that change').click();
  await expect(app.getByRole('article', { name: 'Code quality' })).toBeHidden();
  await expect(mentoring).toBeVisible();
});

test('shipped ladders are read-only and can be copied to the user folder', async ({ app, main }, testInfo) => {
  const ladders = await LaddersPage.open(app);
  await ladders.pickLadder('Engineering (shipped with Trellis)');
  await expect(app.getByRole('heading', { name: /^Engineering/ })).toContainText('Read-only');
  await expect(app.getByRole('table').locator('thead th')).toHaveCount(9);
  await lookInBothThemes(app, 'ladders-bundled', testInfo);
  await ladders.show('Edit YAML');
  await expect(app.getByText('This ladder ships with Trellis and is read-only.')).toBeVisible();
  await expect(ladders.saveButton).toHaveCount(0);
  await ladders.copyToMyFolder();
  await expect(app.getByRole('status')).toContainText('Copied to your ladders folder as engineering.yaml');
  await expect(
    app
      .getByRole('button', { name: /Ladder$/ })
      .first()
      .click(),
  ).resolves.toBeUndefined();
  await expect(app.getByRole('option', { name: 'Engineering (engineering.yaml)' })).toBeVisible();
  expect(await readFile(path.join(main.laddersDir, 'shared', 'core.yaml'), 'utf8')).toContain('competencies');
});
