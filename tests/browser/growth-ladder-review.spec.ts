import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ladderText } from '../support/assessment-ladders';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { createSeries, OneOnOnesPage } from './pages/one-on-ones';
import { Palette } from './pages/palette';
import { addPerson } from './pages/people';

test.beforeEach(async ({ main, app }) => {
  test.slow();
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(1));
  await app.clock.setFixedTime(new Date('2026-11-04T10:00:00'));
  await app.reload();
  const people = await addPerson(app, { name: 'Alex Rivera', email: 'alex@example.com' });
  const dialog = await people.edit('Alex Rivera');
  await dialog.placeOn('Support', 'Individual contributor', 'Specialist (S1)');
  await dialog.save();
});

test('a 1:1 started with Ladder review has one point per competency of the level, then the user’s own points', async ({ app }, testInfo) => {
  await createSeries(app, 'Alex Rivera');
  // The user edits the built-in template: their point is kept, after the per-person ones.
  const templates = await (await OneOnOnesPage.open(app)).openTemplates();
  await expect(templates.card('Ladder review')).toContainText('One point per competency of the person’s ladder level');
  const edit = await templates.edit('Ladder review');
  await edit.talkingPoints.fill('What would you like me to sponsor?');
  await edit.save();
  await expect(templates.card('Ladder review')).toContainText('Built-in · edited');
  await expect(templates.card('Ladder review').getByRole('listitem')).toHaveText(['What would you like me to sponsor?']);

  const oneOnOnes = await OneOnOnesPage.open(app);
  const start = await oneOnOnes.start('Alex Rivera');
  await start.chooseTemplate('Ladder review');
  await expect(start.root).toContainText('One talking point for each of the 2 competencies of Alex Rivera’s level, then the template’s own point.');
  await lookInBothThemes(app, 'ladder-review-start', testInfo, { sizes: screenSizes });
  const meeting = await start.start();
  const points = meeting.agenda.getByRole('checkbox');
  await expect(points).toHaveCount(3);
  await expect(meeting.agenda.getByRole('checkbox', { name: 'Code (Specialist): Writes small tested changes. · Follows the conventions.' })).toBeVisible();
  await expect(meeting.agenda.getByRole('checkbox', { name: 'Communication (Specialist): Explains their work clearly.' })).toBeVisible();
  await expect(meeting.agenda.getByRole('checkbox', { name: 'What would you like me to sponsor?' })).toBeVisible();
  await expect(
    app
      .getByText('## Where we agree')
      .or(app.getByRole('heading', { name: 'Where we agree' }))
      .first(),
  ).toBeAttached();
  await lookInBothThemes(app, 'ladder-review-meeting', testInfo, { sizes: screenSizes });
});

test('the growth commands of the palette, by keyboard only', async ({ app }) => {
  const run = async (query: string, command: RegExp, person?: string) => {
    const palette = await Palette.open(app);
    await palette.type(query);
    await palette.chooseByKeyboard(command);
    if (person) {
      await palette.type(person);
      await palette.chooseByKeyboard(new RegExp(person));
    }
    return palette;
  };
  await run('heatmap', /^Open the team heatmap$/);
  await expect(app.getByRole('heading', { level: 1, name: 'Team heatmap' })).toBeVisible();

  await run('assessments of', /^Assessments of…$/, 'Alex Rivera');
  await expect(app.getByRole('heading', { level: 1, name: /Alex Rivera/ })).toBeVisible();
  await expect(app).toHaveURL(/\/growth\/people\/[^/]+$/);

  await run('compare', /^Compare self and manager assessments of…$/, 'Alex Rivera');
  await expect(app).toHaveURL(/\/growth\/people\/[^/]+\/compare$/);

  const palette = await run('new growth goal', /^New growth goal…$/, 'Alex Rivera');
  await palette.type('Run the incident review');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Run the incident review' })).toBeVisible();
  await expect(app).toHaveURL(/\/growth\/goals\//);

  await run('growth plan', /^Open a growth plan…$/, 'Alex Rivera');
  await expect(app).toHaveURL(/\/growth\/people\/[^/]+$/);
  await expect(app.getByRole('link', { name: 'Run the incident review' })).toBeVisible();
});
