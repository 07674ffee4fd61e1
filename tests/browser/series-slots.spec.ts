import { weekdayName } from './dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { goTo } from './pages/nav';
import { createSeries, OneOnOnesPage } from './pages/one-on-ones';
import { addPerson } from './pages/people';
import { TodayPage } from './pages/today';

test('a new series proposes a free slot, warns of an overlap, and Today shows the conflict', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  await addPerson(app, 'Alex Rivera');
  await addPerson(app, 'Sam Lee');
  await addPerson(app, 'Kim Tan');
  await createSeries(app, 'Alex Rivera');

  const oneOnOnes = new OneOnOnesPage(app);
  const dialog = await oneOnOnes.newSeries();
  await dialog.choosePerson('Sam Lee');
  // Alex has today's weekday from 10:00 to 10:30: the nearest free half hour is just before.
  await expect(dialog.weekday).toContainText(weekdayName(0));
  await expect(dialog.time).toHaveValue('09:30');
  await expect(dialog.time).toHaveAccessibleDescription('A free slot: no other series meets then');
  await expect(dialog.overlapWarning).toBeHidden();

  await dialog.time.fill('10:15');
  await expect(dialog.overlapWarning).toContainText(`1:1 with Alex Rivera (${weekdayName(0)} 10:00)`);
  await lookInBothThemes(app, 'series-overlap', testInfo, { sizes: screenSizes });
  // The free time nearest to the one typed: Alex's 1:1 ends at 10:30.
  await dialog.findFreeSlot();
  await expect(dialog.time).toHaveValue('10:30');
  await expect(dialog.overlapWarning).toBeHidden();

  // Kept anyway: a clash the user chose is theirs to keep, and Today says so.
  await dialog.time.fill('10:15');
  await dialog.create();
  await expect(dialog.root).toBeHidden();
  await createSeries(app, 'Kim Tan');

  const today = await TodayPage.open(app);
  await expect(today.entry('1:1s today', '1:1 with Alex Rivera')).toContainText('Conflict');
  await expect(today.entry('1:1s today', '1:1 with Alex Rivera')).toContainText('overlaps 1:1 with Sam Lee at 10:15');
  await expect(today.entry('1:1s today', '1:1 with Sam Lee')).toContainText('overlaps 1:1 with Alex Rivera at 10:00');
  // Kim's series was proposed a free slot: no conflict.
  await expect(today.entry('1:1s today', '1:1 with Kim Tan')).not.toContainText('Conflict');
  await lookInBothThemes(app, 'today-conflict', testInfo, { sizes: screenSizes });
});

test('working hours set in Settings bound the free slot a new series is offered', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await addPerson(app, 'Sam Lee');
  await createSeries(app, 'Alex Rivera');

  await goTo(app, 'Settings');
  const form = app.getByRole('form', { name: 'Working hours' });
  await form.getByLabel('Day starts').fill('13:00');
  await form.getByLabel('Day ends').fill('12:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('The working day must end after it starts')).toBeVisible();
  await form.getByLabel('Day ends').fill('15:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('status')).toContainText('Saved your working hours');
  await form.scrollIntoViewIfNeeded();
  await lookInBothThemes(app, 'settings-working-hours', testInfo, { sizes: screenSizes });

  await goTo(app, '1:1s');
  const dialog = await new OneOnOnesPage(app).newSeries();
  await dialog.choosePerson('Sam Lee');
  // Alex is at 10:00; the working day now starts at 13:00: the nearest free time inside it.
  await expect(dialog.weekday).toContainText(weekdayName(0));
  await expect(dialog.time).toHaveValue('13:00');
  await expect(dialog.time).toHaveAccessibleDescription('A free slot: no other series meets then');
});
