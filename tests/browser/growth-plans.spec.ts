import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ladderText } from '../support/assessment-ladders';
import { canariesIn, canary } from '../support/canary';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { GrowthPage } from './pages/growth';
import { MeetingPage } from './pages/meeting';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { addPerson } from './pages/people';
import { GoalPage, GrowthPlanSection, MeetingGoalsPanel } from './pages/plans';
import { PrepPage } from './pages/prep';

const alex = { name: 'Alex Rivera', email: 'alex@example.com', title: 'Support Specialist' };
const goalTitle = 'Design the module others build on';

test.beforeEach(async ({ main, app }) => {
  // A long flow with screenshots and axe at two sizes: more time on a shared machine, no deadline.
  test.slow();
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(1));
  // The days the flow happens on, whatever day the suite runs.
  await app.clock.setFixedTime(new Date('2026-11-04T10:00:00'));
  await app.reload();
});

test('a goal linked to two criteria, a milestone done and a check-in added from a 1:1', async ({ app, main }, testInfo) => {
  const people = await addPerson(app, alex);
  const dialog = await people.edit('Alex Rivera');
  await dialog.placeOn('Support', 'Individual contributor', 'Specialist (S1)');
  await dialog.save();
  await createSeries(app, 'Alex Rivera');

  // Plan: one criterion of Alex's level and one the next level adds.
  const plan = new GrowthPlanSection(app);
  await (await GrowthPage.open(app)).person('Alex Rivera');
  await expect(plan.root).toContainText('No goals for Alex Rivera yet');
  const goalDialog = await plan.newGoal();
  await expect(goalDialog.root.getByRole('group', { name: 'Code' })).toContainText('Next level (Senior Specialist)');
  await goalDialog.fill({
    title: goalTitle,
    teamOutcome: 'Billing on the new platform',
    targetDate: '2027-03-31',
    grows: ['Writes small tested changes.', 'Designs modules others build on.'],
  });
  await lookInBothThemes(app, 'plans-new-goal', testInfo);
  await goalDialog.add();

  const goal = await GoalPage.expect(app, goalTitle);
  await expect(goal.linked.getByRole('listitem')).toHaveText(['Code: Writes small tested changes.', 'Code: Designs modules others build on.']);
  await goal.addMilestone('Sketch the module boundaries', '2026-11-20');
  await goal.addMilestone('First team builds on it');
  await goal.markDone('Sketch the module boundaries');
  await expect(goal.milestone('Sketch the module boundaries')).toContainText('Done 4 Nov 2026');
  await expect(goal.milestonesRegion).toContainText('1 of 2 milestones done');
  await app.getByRole('textbox', { name: 'Description' }).fill('Two teams use the module by March.');
  await app.getByRole('textbox', { name: 'Your private notes' }).fill(canary('goals.privateNotes'));
  await expect(goal.saved).toBeVisible();

  // In the 1:1: "discussed" adds a check-in to the goal and a ticked line to the agenda.
  const meeting = await startMeeting(app, 'Alex Rivera', '2026-11-04');
  const panel = new MeetingGoalsPanel(app);
  await expect(panel.root.getByRole('link', { name: goalTitle })).toBeVisible();
  await panel.discussed(goalTitle, 'Agreed the first consumer is the invoicing team');
  const line = `Discussed goal “${goalTitle}”: Agreed the first consumer is the invoicing team`;
  await expect(meeting.item(line)).toBeChecked();
  await expect(panel.root).toContainText('discussed today');
  await lookInBothThemes(app, 'plans-meeting-goals', testInfo, { sizes: screenSizes });

  // The prep view shows the goal in progress with its milestones and the last check-in.
  await new MeetingPage(app).openPrep();
  const prep = new PrepPage(app);
  await expect(prep.goals.getByRole('list', { name: 'Goals in progress' })).toContainText(goalTitle);
  await expect(prep.goals).toContainText('1 of 2 milestones done · next: First team builds on it · last check-in 4 Nov 2026');

  // The goal shows the check-in, dated with the meeting and linked to it; everything survives a reload.
  await prep.goals.getByRole('link', { name: goalTitle }).click();
  await app.reload();
  await GoalPage.expect(app, goalTitle);
  await expect(goal.checkIns.getByRole('listitem')).toHaveCount(1);
  await expect(goal.checkIns).toContainText('Agreed the first consumer is the invoicing team');
  await expect(goal.checkIns.getByRole('link', { name: 'in the 1:1 of 4 Nov 2026' })).toBeVisible();
  await expect(app.getByRole('textbox', { name: 'Description' })).toHaveValue('Two teams use the module by March.');
  await lookInBothThemes(app, 'plans-goal', testInfo, { sizes: screenSizes });

  // The plan lists it with its progress.
  await app.getByRole('link', { name: 'Alex Rivera' }).click();
  await expect(plan.goalRow(goalTitle)).toContainText('In progress');
  await expect(plan.goalRow(goalTitle)).toContainText('1 of 2 milestones done');
  await expect(plan.goalRow(goalTitle)).toContainText('4 Nov 2026');
  await lookInBothThemes(app, 'plans-person-growth', testInfo);

  // The plan as Markdown: the shareable parts, never the private notes.
  await plan.root.getByRole('button', { name: 'Export plan (.md)' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved the growth plan' })).toBeVisible();
  const [file] = (await readdir(main.exportDir)).filter((f) => f.endsWith('.md'));
  const markdown = await readFile(path.join(main.exportDir, file!), 'utf8');
  expect(markdown).toContain(`### ${goalTitle}`);
  expect(markdown).toContain('- [x] Sketch the module boundaries (done 4 Nov 2026)');
  expect(markdown).toContain('- 4 Nov 2026: Agreed the first consumer is the invoicing team');
  expect(markdown).toContain('Two teams use the module by March.');
  expect(canariesIn(markdown)).toEqual([]);
});
