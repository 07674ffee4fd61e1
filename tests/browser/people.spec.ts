import { expect, lookInBothThemes, test } from './fixtures';
import { goTo, type Section } from './pages/nav';
import { PeoplePage } from './pages/people';
import { TodayPage } from './pages/today';

test('first launch shows the welcome and empty states', async ({ app }, testInfo) => {
  const today = new TodayPage(app);
  await expect(app.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(today.welcome).toBeVisible();
  await lookInBothThemes(app, 'today-empty', testInfo);

  const people = await PeoplePage.open(app);
  await expect(people.emptyState).toBeVisible();
  await lookInBothThemes(app, 'people-empty', testInfo);

  for (const section of ['1:1s', 'Ladders', 'Growth', 'Feedback', 'Packets', 'Calibration'] satisfies Section[]) {
    await goTo(app, section);
    await lookInBothThemes(app, `section-${section.replace(/\W/g, '')}`, testInfo);
  }
});

test('add three people with a manager relation, edit, archive, and keep it all after a reload', async ({ app }, testInfo) => {
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Maya Okafor', email: 'maya@example.com', title: 'Engineering Manager', level: 'M2' });
  await people.addPerson({ name: 'Alex Rivera', email: 'alex@example.com', title: 'Senior Engineer', level: 'L5', manager: 'Maya Okafor' });
  await people.addPerson({ name: 'Sam Lee', email: 'sam@example.com', title: 'Engineer', level: 'L3', manager: 'Maya Okafor' });

  await expect(people.table.getByRole('row')).toHaveCount(4);
  await expect(people.row('Alex Rivera')).toContainText('Maya Okafor');
  await lookInBothThemes(app, 'people-list', testInfo);

  // The org chart nests reports under their manager.
  await people.showView('Org chart');
  const reports = people.reportsOf('Maya Okafor');
  await expect(reports.getByRole('button', { name: 'Edit Alex Rivera' })).toBeVisible();
  await expect(reports.getByRole('button', { name: 'Edit Sam Lee' })).toBeVisible();
  await lookInBothThemes(app, 'people-org-chart', testInfo);
  await people.showView('List');

  // Edit: Sam gets promoted and now reports to Alex.
  const dialog = await people.edit('Sam Lee');
  await dialog.level.fill('L4');
  await dialog.chooseManager('Alex Rivera');
  await lookInBothThemes(app, 'person-edit-dialog', testInfo);
  await dialog.save();
  await expect(people.row('Sam Lee')).toContainText('L4');
  await expect(people.row('Sam Lee')).toContainText('Alex Rivera');

  // Filter narrows the list.
  await people.filter('senior');
  await expect(people.table.getByRole('row')).toHaveCount(2);
  await people.filter('');

  // Archive hides someone until "Show archived" is ticked; unarchive brings them back.
  await (await people.edit('Sam Lee')).archive();
  await expect(app.getByRole('status')).toContainText('Archived Sam Lee');
  await expect(people.row('Sam Lee')).toHaveCount(0);
  await people.showArchived();
  await expect(people.row('Sam Lee')).toContainText('Archived');

  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(people.count('2 active · 1 archived')).toBeVisible();
  await people.showArchived();
  await expect(people.row('Sam Lee')).toContainText('L4');
  await expect(people.row('Sam Lee')).toContainText('Alex Rivera');

  await (await people.edit('Sam Lee')).unarchive();
  await expect(people.count('3 active')).toBeVisible();
});

test('an invalid email shows an error beside the field and saves nothing', async ({ app }, testInfo) => {
  const people = await PeoplePage.open(app);
  const dialog = await people.openAddDialog();
  await dialog.fill({ name: 'Jordan Park', email: 'jordan-at-example' });
  await dialog.submit('Add person');
  await expect(dialog.email).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.root.getByText('Enter a valid email address, like alex@example.com')).toBeVisible();
  await lookInBothThemes(app, 'person-invalid-email', testInfo);

  await dialog.cancel();
  await expect(people.emptyState).toBeVisible();
  await app.reload();
  await expect(people.emptyState).toBeVisible();
});

test('an empty name is refused and a duplicate email names who has it', async ({ app }) => {
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Maya Okafor', email: 'maya@example.com' });
  const dialog = await people.openAddDialog();
  await dialog.submit('Add person');
  await expect(dialog.root.getByText('Enter a name')).toBeVisible();
  await dialog.fill({ name: 'Someone Else', email: 'MAYA@example.com' });
  await dialog.submit('Add person');
  await expect(dialog.root.getByText('Maya Okafor already uses this email')).toBeVisible();
  await dialog.cancel();
  await expect(people.table.getByRole('row')).toHaveCount(2);
});

test('keyboard only: add a person without the mouse', async ({ app }) => {
  const people = await PeoplePage.open(app);
  await people.addButton.focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Add a person' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await app.keyboard.type('Kim Nguyen');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(people.row('Kim Nguyen')).toBeVisible();
  await app.keyboard.press('Escape');
});

test('fits a small laptop screen in dark mode without sideways scrolling', async ({ app }, testInfo) => {
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.setViewportSize({ width: 1024, height: 640 });
  const people = await PeoplePage.open(app);
  await people.addPerson({
    name: 'Maya Okafor',
    email: 'maya.okafor@a-rather-long-company-domain.example',
    title: 'Director of Platform Engineering',
    level: 'M3',
  });
  await people.addPerson({ name: 'Alex Rivera', title: 'Staff Engineer', level: 'L6', manager: 'Maya Okafor' });
  const overflow = await app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await lookInBothThemes(app, 'people-list-1024', testInfo);
  await people.edit('Alex Rivera');
  await lookInBothThemes(app, 'person-edit-1024', testInfo);
});
