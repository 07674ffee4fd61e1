import { expect, test } from './fixtures';
import { dateField } from './pages/controls';
import { createSeries, OneOnOnesPage } from './pages/one-on-ones';
import { PeoplePage } from './pages/people';

test('every dialog opens with focus in its first field', async ({ app }) => {
  const people = await PeoplePage.open(app);
  const add = await people.openAddDialog();
  await expect(add.name).toBeFocused();
  await add.fill({ name: 'Alex Rivera' });
  await add.submit('Add person');
  await expect(add.root).toBeHidden();

  const edit = await people.edit('Alex Rivera');
  await expect(edit.name).toBeFocused();
  await edit.cancel();

  const teams = await people.manageTeams();
  await expect(teams.root.getByRole('textbox', { name: 'New team' })).toBeFocused();
  await teams.done();

  const queue = await people.queuePointFor('Alex Rivera');
  await expect(queue.field).toBeFocused();
  await app.keyboard.press('Escape');

  const oneOnOnes = await OneOnOnesPage.open(app);
  const series = await oneOnOnes.newSeries();
  await expect(series.root.getByRole('button', { name: /Person/ })).toBeFocused();
  await app.keyboard.press('Escape');

  await createSeries(app, 'Alex Rivera');
  const start = await oneOnOnes.start('Alex Rivera');
  // The date's first segment (the day, in en-GB).
  await expect(dateField(start.root, 'Date').locator('[role="spinbutton"]').first()).toBeFocused();
});

test('after Start meeting focus is in the meeting, ready for a talking point', async ({ app }) => {
  const people = await PeoplePage.open(app);
  await people.addPerson('Alex Rivera');
  const oneOnOnes = await createSeries(app, 'Alex Rivera');
  const dialog = await oneOnOnes.start('Alex Rivera');
  await dialog.chooseTemplate('No template');
  const meeting = await dialog.start();
  await expect(meeting.heading('1:1 with Alex Rivera')).toBeVisible();
  await expect(meeting.newPoint).toBeFocused();
  await app.keyboard.type('Typed straight away');
  await app.keyboard.press('Enter');
  await expect(meeting.item('Typed straight away')).toBeVisible();
});

test('after adding a person focus is on their name in the list', async ({ app }) => {
  const people = await PeoplePage.open(app);
  await expect(people.emptyState).toBeVisible();
  await people.addPerson('Alex Rivera');
  await expect(people.table.getByRole('link', { name: 'Alex Rivera' })).toBeFocused();
  await people.addPerson('Sam Lee');
  await expect(people.table.getByRole('link', { name: 'Sam Lee' })).toBeFocused();
  // Editing someone returns focus to where it was: their Edit button.
  const edit = await people.edit('Sam Lee');
  await edit.fill({ title: 'Engineer' });
  await edit.save();
  await expect(app.getByRole('button', { name: 'Edit Sam Lee' })).toBeFocused();
});
