import { generateSample } from '../../shared/sample';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { expectInsideWindow } from './pages/geometry';
import { GrowthPage, TeamHeatmap } from './pages/growth';
import { Palette } from './pages/palette';
import { putRows } from './support-db';

// A small team with assessments, as the generator writes them (against the shipped ladders). A
// fixed "today", so every run sees the same team; the heatmap shows the newest finished
// assessments whatever their date.
const sample = generateSample({ size: 'small', seed: 'growth-charts', today: '2026-10-15' });

test.beforeEach(async ({ app }) => {
  // Screenshots and axe in both themes at two sizes: more time on a shared machine, no deadline.
  test.slow();
  await putRows(app, 'people', sample.tables.people);
  await putRows(app, 'assessments', sample.tables.assessments);
});

/**
 * The sample person with the most finished manager assessments, and who the heatmap has a row
 * for: active people whose newest finished manager assessment is against the engineering ladder.
 */
function mostAssessed() {
  const finishedManager = (personId: string) =>
    sample.tables.assessments.filter((a) => a.personId === personId && a.kind === 'manager' && a.status === 'finished');
  const active = sample.tables.people.filter((p) => !p.archived);
  const managed = active.filter((p) => finishedManager(p.id).sort((a, b) => b.date.localeCompare(a.date))[0]?.ladder.ladderId === 'engineering');
  const person = [...managed].sort((a, b) => finishedManager(b.id).length - finishedManager(a.id).length)[0]!;
  const finished = sample.tables.assessments.filter((a) => a.personId === person.id && a.status === 'finished');
  const without = active.length - managed.length;
  return { person, finished, managed, without };
}

test('the team heatmap shows each person’s newest assessment against their level, and reads out cell by cell', async ({ app }, testInfo) => {
  const { person, managed, without } = mostAssessed();
  const heatmap = await TeamHeatmap.open(app);
  await expect(heatmap.summary).toHaveText(
    `${managed.length} ${managed.length === 1 ? 'person' : 'people'} on Engineering` +
      (without > 0 ? ` · ${without} without a finished manager assessment on it` : ''),
  );
  await expect(heatmap.row(person.name)).toBeVisible();
  // Each cell says in words what its colour and sign show.
  await expect(heatmap.row(person.name).getByText(/^Code quality: .*(below|as|above) expected$/)).toHaveCount(1);
  await expect(heatmap.table.getByRole('columnheader', { name: 'Code quality' })).toBeVisible();
  // At 1024×640 every competency header is whole: inside the window, nothing spilling out of its cell.
  await app.setViewportSize({ width: 1024, height: 640 });
  const headers = heatmap.table.getByRole('columnheader');
  expect(await headers.count()).toBeGreaterThanOrEqual(10);
  await expectInsideWindow(app, headers.last());
  const spilling = await headers.evaluateAll((ths) =>
    ths.filter((th) => th.scrollWidth > th.clientWidth + 1 || th.scrollHeight > th.clientHeight + 1).map((th) => th.textContent),
  );
  expect(spilling).toEqual([]);
  // Nor is a word broken inside a cell: every mark stays on one line ("Developing" once broke as Dev/elop/ing).
  const broken = await heatmap.table
    .locator('td .growth-heat')
    .evaluateAll((marks) => marks.filter((m) => m.getBoundingClientRect().height > 30 || m.scrollWidth > m.clientWidth + 1).map((m) => m.textContent));
  expect(broken).toEqual([]);
  await app.setViewportSize({ width: 1280, height: 800 });
  await lookInBothThemes(app, 'growth-team-heatmap', testInfo, { sizes: screenSizes });
  await heatmap.show('Self-assessment');
  await expect(heatmap.summary).toContainText('on Engineering');
  await heatmap.row(person.name).getByRole('link', { name: person.name }).click();
  await expect(app.getByRole('heading', { level: 1, name: `Self-assessment · ${person.name}` })).toBeVisible();
});

test('progression and the category chart each have a table view with the same numbers', async ({ app }, testInfo) => {
  const { person, finished } = mostAssessed();
  const growth = await (await GrowthPage.open(app)).person(person.name);
  const progression = growth.chart('Progression');
  await expect(progression.picture).toHaveAttribute('aria-label', /^Mean share of each scale, assessment by assessment\. /);
  await expect(progression.picture.locator('.recharts-line')).toHaveCount(2);
  await lookInBothThemes(app, 'growth-progression-chart', testInfo, { sizes: screenSizes });
  await progression.showTable();
  await expect(progression.table.getByRole('row')).toHaveCount(finished.length + 1);
  await expect(progression.table.getByRole('row').nth(1)).toContainText(/\d+%/);
  await lookInBothThemes(app, 'growth-progression-table', testInfo);

  const compare = await growth.openSideBySide();
  await expect(compare.table).toBeVisible();
  const categories = compare.chart('By category');
  await expect(categories.picture.locator('.recharts-bar')).toHaveCount(3);
  await expect(categories.picture).toHaveAttribute('aria-label', /^Share of each scale by category\. /);
  await categories.root.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await lookInBothThemes(app, 'growth-category-chart', testInfo, { sizes: screenSizes });
  await categories.showTable();
  await expect(categories.table.getByRole('columnheader')).toHaveText(['Category', 'Self', 'Manager', /^L\d expects$/]);
  await expect(categories.table.getByRole('row')).not.toHaveCount(1);
  // The keyboard reaches the switch and back.
  await categories.switchButton('Chart').focus();
  await app.keyboard.press('Space');
  await expect(categories.picture).toBeVisible();
});

test('the palette opens the team heatmap, and search finds an assessment by a rating’s comment', async ({ app }) => {
  await GrowthPage.open(app);
  let palette = await Palette.open(app);
  await palette.type('team heatmap');
  await palette.chooseByKeyboard('Open the team heatmap');
  await expect(app.getByRole('heading', { level: 1, name: 'Team heatmap' })).toBeVisible();

  // The sample's rating comments mention "the migration".
  palette = await Palette.openSearch(app);
  await palette.type('migration');
  const first = palette.group('Assessments').getByRole('option').first();
  await expect(first).toContainText(/^(Self-assessment|Manager assessment), revision 1 · L\d/);
  const who = (await first.textContent())!.match(/ · with (.+?) · /)![1]!;
  await palette.chooseByKeyboard(/assessment, revision 1/);
  await expect(app.getByRole('heading', { level: 1, name: new RegExp(`assessment · ${who}$`) })).toBeVisible();
});
