import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { readUserFile, seedLadders, writeUserFile } from './ladders-support';
import { PeoplePage } from './pages/people';

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

test('place a person on a ladder track and level chosen from the ladders folder', async ({ app }, testInfo) => {
  // Screenshots and axe in both themes at two sizes for each step.
  test.slow();
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Sam Lee', email: 'sam@example.com', level: 'E4' });
  // Before a placement: the free-text level from before ladders is what the list shows.
  await expect(people.placementOf('Sam Lee')).toHaveText('E4');

  const dialog = await people.edit('Sam Lee');
  await dialog.placeOn('Team Ladder', 'Engineering (IC)', 'Senior Engineer (L3)');
  // The levels offered are those of the chosen track only: no free text.
  await dialog.root.getByRole('button', { name: /Ladder level$/ }).click();
  await expect(app.getByRole('option', { name: 'Staff Engineer (L4)' })).toBeVisible();
  await expect(app.getByRole('option', { name: 'Engineering Manager (M4)' })).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(dialog.level).toHaveCount(0);
  await lookInBothThemes(app, 'people-placement-dialog', testInfo, { sizes: screenSizes });
  await dialog.save();
  await expect(people.placementOf('Sam Lee')).toHaveText('Engineering (IC) · Senior Engineer (L3)');

  // Opening the dialog again shows the placement as chosen.
  const again = await people.edit('Sam Lee');
  await expect(again.root.getByRole('button', { name: /Ladder level$/ })).toContainText('Senior Engineer (L3)');
  await again.cancel();
});

test('a ladder edit that removes a person’s level is flagged on People, and they can be mapped to the renamed level', async ({ app, main }, testInfo) => {
  // Screenshots and axe in both themes at two sizes for each step.
  test.slow();
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Sam Lee', email: 'sam@example.com' });
  const dialog = await people.edit('Sam Lee');
  await dialog.placeOn('Team Ladder', 'Engineering (IC)', 'Senior Engineer (L3)');
  await dialog.save();
  await expect(people.placementOf('Sam Lee')).toHaveText('Engineering (IC) · Senior Engineer (L3)');
  await expect(people.placementNotice).toHaveCount(0);

  // Someone renames level L3 to S3 in their own editor; the title stays "Senior Engineer".
  const text = await readUserFile(main);
  await writeUserFile(main, text.replace(/\bL3\b/g, 'S3'));

  await expect(people.placementNotice).toContainText('1 person is on a level their ladder no longer has');
  await expect(people.placementNotice).toContainText('Sam Lee: level "L3" is no longer in ladder "Team Ladder"');
  await expect(people.placementOf('Sam Lee')).toContainText('Level no longer on the ladder');
  await lookInBothThemes(app, 'people-placement-flagged', testInfo, { sizes: screenSizes });

  const map = await people.mapToLevel('Sam Lee');
  // Found through the version Sam was placed against: the same title, now with another id.
  await expect(map.option(/Senior Engineer \(S3\) — same title as before/)).toBeChecked();
  await lookInBothThemes(app, 'people-placement-map', testInfo, { sizes: screenSizes });
  await map.move();
  await expect(map.root).toBeHidden();
  await expect(app.getByRole('status').first()).toContainText('Sam Lee is now at Senior Engineer (S3)');
  await expect(people.placementOf('Sam Lee')).toHaveText('Engineering (IC) · Senior Engineer (S3)');
  await expect(people.placementNotice).toHaveCount(0);
});
