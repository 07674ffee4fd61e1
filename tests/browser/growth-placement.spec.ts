import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ladderText } from '../support/assessment-ladders';
import type { TestMain } from '../support/main-context';
import { expect, lookInBothThemes, test } from './fixtures';
import { GrowthPage } from './pages/growth';
import { addPerson, PeoplePage } from './pages/people';

const writeLadder = async (main: TestMain, version: 1 | 2) => {
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(version));
};

test.beforeEach(async ({ main }) => {
  // Flows with screenshots and axe: more time on a shared machine, no deadline.
  test.slow();
  await writeLadder(main, 1);
});

test('a new assessment starts at the person’s placement; without one it says so and links to placing them', async ({ app }, testInfo) => {
  await addPerson(app, { name: 'Alex Rivera', email: 'alex@example.com' });
  await addPerson(app, { name: 'Sam Lee', email: 'sam@example.com' });
  const people = await PeoplePage.open(app);
  const edit = await people.edit('Alex Rivera');
  await edit.placeOn('Support', 'Individual contributor', 'Senior Specialist (S2)');
  await edit.save();

  let person = await (await GrowthPage.open(app)).person('Alex Rivera');
  let dialog = await person.openNew('manager');
  await expect(dialog.track).toContainText('Individual contributor');
  await expect(dialog.level).toContainText('S2 Senior Specialist');
  await expect(dialog.root).toContainText('From their placement on the ladder.');
  await expect(dialog.placementNote).toHaveCount(0);
  const assessment = await dialog.start();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Manager assessment · Alex Rivera');
  await expect(app.getByText(/· S2 Senior Specialist ·/)).toBeVisible();
  await expect(assessment.competency('On-call')).toBeVisible();

  person = await (await GrowthPage.open(app)).person('Sam Lee');
  dialog = await person.openNew('self');
  await expect(dialog.placementNote).toContainText('Sam Lee is not placed on a ladder yet');
  await expect(dialog.level).toContainText('Choose a level');
  await lookInBothThemes(app, 'growth-new-unplaced', testInfo);
  await dialog.placementNote.getByRole('link', { name: 'Place Sam Lee on the ladder' }).click();
  await expect(dialog.root).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: 'Sam Lee' })).toBeVisible();
});

test('a draft made against an older ladder version moves to the one in use, carrying over what still exists', async ({ app, main }) => {
  await addPerson(app, { name: 'Alex Rivera', email: 'alex@example.com' });
  const person = await (await GrowthPage.open(app)).person('Alex Rivera');
  const assessment = await person.start('manager', { ladder: 'Support 1.0.0', level: 'S2 Senior Specialist' });
  await assessment.rating('Designs modules others build on.').rate('Skilled');
  await assessment.rating('Reviews every change of the team.').rate('Expert');
  await assessment.rating('Communication').comment('Explains trade-offs well');
  await assessment.saved();

  await writeLadder(main, 2);
  await expect(assessment.ladderChanged).toContainText('is being made against Support version 1.0.0; the ladder in use is version 2.0.0');
  // Typing just before moving is not lost: it is saved first and carried over.
  await assessment.rating('Communication').rate('4');
  await assessment.moveDraft('2.0.0');
  await expect(app.getByRole('status').filter({ hasText: 'Moved the draft to version 2.0.0' })).toContainText('2 ratings carried over, 1 left behind');
  await expect(assessment.status).toContainText('Revision 1');
  await expect(assessment.rating('Designs modules several teams build on.').ratingButton).toContainText('Skilled');
  await expect(assessment.rating('Communication').ratingButton).toContainText('4');
  await expect(assessment.rating('Communication').root.getByRole('textbox', { name: 'Comment' })).toHaveValue('Explains trade-offs well');
  await expect(app.getByRole('group', { name: 'Reviews every change of the team.' })).toHaveCount(0);
  await app.reload();
  await expect(assessment.rating('Designs modules several teams build on.').ratingButton).toContainText('Skilled');
  await expect(assessment.ladderChanged).toHaveCount(0);
});
