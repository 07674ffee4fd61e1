import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ladderText } from '../support/assessment-ladders';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { fillDate } from './pages/controls';
import { GrowthPage } from './pages/growth';
import { goTo } from './pages/nav';
import { createSeries } from './pages/one-on-ones';
import { addPerson } from './pages/people';
import { GoalPage, GrowthCheck, GrowthPlanSection, setGrowthCheck } from './pages/plans';
import { PrepPage } from './pages/prep';

/** The support ladder, with a typical time in each level. */
const ladder = ladderText(1)
  .replace('- { id: S1, title: Specialist }', '- { id: S1, title: Specialist, typicalTime: 12–24 months }')
  .replace('- { id: S2, title: Senior Specialist }', '- { id: S2, title: Senior Specialist, typicalTime: 2+ years }');

test.beforeEach(async ({ main, app }) => {
  test.slow();
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladder);
  // "Today" is injected: the person reached their level 33 months before it.
  await app.clock.setFixedTime(new Date('2026-11-04T10:00:00'));
  await app.reload();
});

test('someone past the typical time in level is flagged on Today, in the prep view and on their page until a goal clears it', async ({ app }, testInfo) => {
  const people = await addPerson(app, { name: 'Alex Rivera', title: 'Support Specialist' });
  await addPerson(app, { name: 'Sam Lee', title: 'Support Specialist' });
  for (const [name, since] of [
    ['Alex Rivera', '2024-01-10'],
    ['Sam Lee', '2025-09-01'],
  ] as const) {
    const dialog = await people.edit(name);
    await dialog.placeOn('Support', 'Individual contributor', 'Specialist (S1)');
    await fillDate(dialog.root, 'Level since', since);
    await dialog.save();
  }
  await createSeries(app, 'Alex Rivera');

  // Today: Alex (33 months, past 24) is flagged; Sam (14 months) is not.
  await goTo(app, 'Today');
  const check = new GrowthCheck(app);
  await expect(check.entry('Alex Rivera')).toContainText('33 months in level, past the typical 24 months; no goal in progress; no career conversation yet');
  await expect(check.entry('Sam Lee')).toHaveCount(0);
  await expect(check.clears('Alex Rivera').getByRole('listitem')).toHaveText([
    'Start a growth goal with them',
    'Hold a career conversation (none in the last 6 months)',
    'Update “Level since” if they moved up',
  ]);
  await lookInBothThemes(app, 'plans-stagnation-today', testInfo, { sizes: screenSizes });

  // The person's page and the prep view say it too.
  await check.entry('Alex Rivera').getByRole('link', { name: 'Alex Rivera' }).click();
  await expect(check.banner).toContainText('Time to talk growth with Alex: 33 months in level');
  await lookInBothThemes(app, 'plans-stagnation-person', testInfo);
  await app.getByRole('link', { name: 'Prep' }).click();
  const prep = new PrepPage(app);
  await expect(prep.goals.getByRole('status', { name: 'Growth check' })).toContainText('33 months in level');

  // A goal in progress clears it everywhere.
  await check.clears('Alex Rivera').getByRole('link', { name: 'Start a growth goal with them' }).click();
  const plan = new GrowthPlanSection(app);
  const dialog = await plan.newGoal();
  await dialog.fill({ title: 'Own the on-call handbook', grows: ['On-call as a whole'] });
  await dialog.add();
  await GoalPage.expect(app, 'Own the on-call handbook');
  await goTo(app, 'Today');
  await expect(app.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(check.onToday).toHaveCount(0);

  // Dropped, it no longer counts; a limit in Settings above the time in level clears it too.
  await (await GrowthPage.open(app)).person('Alex Rivera');
  await plan.openGoal('Own the on-call handbook');
  await app.getByRole('button', { name: /Status$/ }).click();
  await app.getByRole('option', { name: 'Dropped' }).click();
  await goTo(app, 'Today');
  await expect(check.entry('Alex Rivera')).toBeVisible();
  await goTo(app, 'Settings');
  await setGrowthCheck(app, '36');
  await goTo(app, 'Today');
  await expect(app.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(check.onToday).toHaveCount(0);
  await goTo(app, 'Settings');
  await setGrowthCheck(app, '12');
  await goTo(app, 'Today');
  await expect(check.entry('Sam Lee')).toContainText('14 months in level, past the set limit of 12 months');
});
