import path from 'node:path';

import type { Locator, Page, TestInfo } from '@playwright/test';

import { todayIso } from '../../shared/domain/dates';
import { lastQuarters, quarterLabel } from '../../shared/evidence/coverage';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { seedLadders } from './ladders-support';
import { pressCapture } from './pages/feedback';
import { PeoplePage } from './pages/people';
import { PersonPage } from './pages/person';

/** The section below the fold, at both sizes and in both themes (the page screenshots show the top of the page). */
async function lookAtRegion(page: Page, region: Locator, name: string, testInfo: TestInfo) {
  for (const [width, height] of screenSizes) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await region.scrollIntoViewIfNeeded();
      const file = path.join('test-results', 'screenshots', `${name}-${width}x${height}-${scheme}.png`);
      await region.screenshot({ path: file });
      await testInfo.attach(`${name}-${width}x${height}-${scheme}`, { path: file, contentType: 'image/png' });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

test('a person’s evidence coverage per competency changes as feedback is added', async ({ app }, testInfo) => {
  test.slow();
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Sam Lee' });
  const dialog = await people.edit('Sam Lee');
  await dialog.placeOn('Team Ladder', 'Engineering (IC)', 'Senior Engineer (L3)');
  await dialog.save();
  await people.openPerson('Sam Lee');
  const person = await PersonPage.expect(app, 'Sam Lee');

  // The last four quarters, this one last; nothing yet, and the picture says what is missing.
  const quarters = lastQuarters(todayIso(), 4).map(quarterLabel);
  await expect(person.coverage.picture).toHaveAttribute('aria-label', /0 entries name a competency; nothing yet for .*Planning/);
  await person.coverage.showTable();
  await expect(person.coverage.table.getByRole('columnheader')).toHaveText(['Competency', ...quarters]);
  await expect(person.coverageCells('Planning').last()).toHaveText('0');

  // Feedback about Planning, captured on this page: this quarter's Planning cell counts it.
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  const capture = await pressCapture(app);
  await capture.field('Situation').fill('In the quarterly planning');
  await capture.field('Behaviour').fill('you split the roadmap into milestones the team could ship');
  await capture.tickCompetency('Planning');
  await capture.save();
  await expect(person.coverageCells('Planning').last()).toHaveText('1 · 1 feedback entry');
  await expect(person.coverageCells('Planning').first()).toHaveText('0');
  await expect(person.coverageCells('Code quality').last()).toHaveText('0');

  // A second entry, about two competencies: both cells move.
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  const again = await pressCapture(app);
  await again.field('Situation').fill('In the incident review');
  await again.field('Impact').fill('the fix shipped the same day');
  await again.tickCompetency('Planning');
  await again.tickCompetency('Code quality');
  await again.save();
  await expect(person.coverageCells('Planning').last()).toHaveText('2 · 2 feedback entries');
  await expect(person.coverageCells('Code quality').last()).toHaveText('1 · 1 feedback entry');
  await lookInBothThemes(app, 'person-coverage-table', testInfo, { sizes: screenSizes });
  await lookAtRegion(app, person.coverage.root, 'person-coverage-table-region', testInfo);

  await person.coverage.switchButton('Chart').click();
  await expect(person.coverage.picture).toHaveAttribute('aria-label', /2 entries name a competency/);
  // The picture is as tall as its grid: no empty band below the last row.
  const below = await person.coverage.picture.evaluate(
    (picture) => picture.getBoundingClientRect().bottom - picture.firstElementChild!.getBoundingClientRect().bottom,
  );
  expect(below).toBeLessThan(2);
  await lookInBothThemes(app, 'person-coverage-chart', testInfo, { sizes: screenSizes });
  await lookAtRegion(app, person.coverage.root, 'person-coverage-chart-region', testInfo);
});
