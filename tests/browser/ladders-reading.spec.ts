import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { seedLadders } from './ladders-support';
import { LaddersPage } from './pages/ladders';

test('the matrix shows the expected step, criteria one by one, weights, points and a step down', async ({ app, main }, testInfo) => {
  test.slow();
  await seedLadders(main, ['scored.yaml']);
  const ladders = await LaddersPage.open(app);
  const matrix = ladders.matrix;

  const p1 = matrix.getByRole('button', { name: 'Reliability, P1 Platform Engineer (expects Adopts)' });
  await expect(p1).toContainText('Expects Adopts');
  await expect(p1).toContainText('Responds to alerts for their service');
  await expect(p1).toContainText('Writes a runbook entry for every alert they add.');
  await expect(p1).toContainText('2 criteria · 1 example · 1 link');
  // P3 expects less than P2 along the track: said in the cell, in words.
  const p3 = matrix.getByRole('button', { name: 'Reliability, P3 Staff Platform Engineer (expects Specializes; lower than at P2)' });
  await expect(p3).toContainText('Lower than at P2');
  await expect(app.getByRole('region', { name: 'scored.yaml: 1 warning' })).toContainText('lower than "evangelizes" at level "P2"');

  // What a competency counts for, and what the track puts weight on.
  await expect(matrix.getByRole('rowheader', { name: /Reliability/ })).toContainText('Weight 2 · 10 points');
  await expect(matrix.getByRole('rowheader', { name: /Reliability/ })).toContainText('Emphasis');
  await expect(matrix.getByRole('rowheader', { name: /Delivery/ })).toContainText('Weight 1');
  const track = ladders.trackInfo('Platform engineering');
  await expect(track).toContainText('Reliability: Uptime is the product here.');
  await expect(track).toContainText('Site reliability engineer: Owns on-call and the tooling around it.');
  await expect(track).toContainText('Craft: Adopts 1 · Specializes 3 · Evangelizes 6');
  await track.getByText('Bands (3) and titles (3)').click();
  await expect(track.getByRole('table', { name: /Points bands/ }).getByRole('row')).toHaveText([
    /Total points\s*Suggests/,
    /0–9\s*P1 Platform Engineer/,
    /10–29\s*P2 Senior Platform Engineer/,
    /30 or more\s*P3 Staff Platform Engineer/,
  ]);
  await expect(track.getByRole('table', { name: /Titles/ })).toContainText('Staff Platform Engineer');
  await lookInBothThemes(app, 'ladders-matrix-scored', testInfo, { sizes: screenSizes });

  // A cell opened: the expected step, then each criterion with its own examples and links.
  const cell = await ladders.openCell('Reliability, P1 Platform Engineer (expects Adopts)', 'Reliability · P1 Platform Engineer');
  await expect(cell.root.getByRole('region', { name: 'Expected proficiency' })).toContainText('Adopts on the Craft scale');
  const items = cell.root.getByRole('list', { name: 'Criteria, one by one' }).locator(':scope > li');
  await expect(items).toHaveCount(2);
  await expect(items.first().locator('strong')).toHaveText('alerts');
  await expect(items.first()).toContainText('Acknowledges a paging alert in five minutes');
  await expect(items.first().getByRole('link', { name: 'On-call guide' })).toBeVisible();
  await expect(items.first()).toContainText('id rel-alerts');
  await expect(items.nth(1)).toContainText('Writes a runbook entry');
  await lookInBothThemes(app, 'ladders-cell-items', testInfo, { sizes: screenSizes });
});

test('compare levels: what is new at the higher level, as the ladder says it, not the lower level struck out', async ({ app, main }, testInfo) => {
  test.slow();
  await seedLadders(main, ['team.yaml']);
  const ladders = await LaddersPage.open(app);
  await ladders.show('Compare levels');
  await ladders.pickLevels('L3 Senior Engineer', 'L4 Staff Engineer');
  await expect(app.getByRole('heading', { name: 'What L4 asks beyond L3' })).toBeVisible();
  // Cumulative: L4's cell is new at L4; what L1 and L2 asked still applies.
  const codeQuality = ladders.newAtThisLevel('Code quality');
  await expect(codeQuality).toContainText('Sets code quality practices across several teams and measures whether they work.');
  await expect(codeQuality.locator('p').first()).toBeVisible();
  await expect(ladders.compareRow('Code quality').locator('del')).toHaveCount(0);
  await expect(ladders.compareRow('Code quality')).toContainText('1 new at L4');
  await ladders.compareRow('Code quality').getByText('Still asked at L4 (2 criteria)').click();
  const still = ladders.compareRow('Code quality').getByRole('list', { name: 'Still asked at L4' });
  await expect(still.locator(':scope > li')).toHaveText([/Reviews teammates' pull requests[\s\S]*From L2/, /Writes readable code[\s\S]*From L1/]);
  await expect(ladders.compareRow('Mentoring')).toContainText('No change');
  await lookInBothThemes(app, 'ladders-compare-new', testInfo, { sizes: screenSizes });
});

test('compare levels of an incremental ladder: new criteria with their examples, the expected step going up', async ({ app, main }, testInfo) => {
  test.slow();
  await seedLadders(main, ['scored.yaml']);
  const ladders = await LaddersPage.open(app);
  await ladders.show('Compare levels');
  await ladders.pickLevels('P1 Platform Engineer', 'P2 Senior Platform Engineer');
  const reliability = ladders.compareRow('Reliability');
  await expect(reliability).toContainText('Expected: Adopts at P1 → Evangelizes at P2 (higher)');
  const added = ladders.newAtThisLevel('Reliability').locator(':scope > ul > li');
  await expect(added).toHaveText([/Sets service level objectives/, /Leads the review after an incident/]);
  await reliability.getByText('Still asked at P2 from lower levels (2 criteria)').click();
  await expect(reliability).toContainText('Acknowledges a paging alert');
  await ladders.pickLevels('P2 Senior Platform Engineer', 'P3 Staff Platform Engineer');
  await expect(reliability).toContainText(
    'Expected: Evangelizes at P2 → Specializes at P3 (lower: the ladder expects less at the higher level; check the file)',
  );
  await lookInBothThemes(app, 'ladders-compare-incremental', testInfo);
});
