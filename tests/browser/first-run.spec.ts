import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { sidebarSections, WelcomePage } from './pages/first-run';
import { goTo } from './pages/nav';
import { PeoplePage } from './pages/people';

// A truly fresh profile: no role, nobody is "me".
test.use({ firstRun: true });
// Each looks at several screens in both themes at both sizes.
test.slow();

test('a manager’s first run: says who they are, becomes a person, and Today offers to add people', async ({ app, main }, testInfo) => {
  const welcome = await WelcomePage.expectShown(app);
  await expect(app.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await lookInBothThemes(app, 'welcome', testInfo, { sizes: screenSizes });

  // Nothing chosen: both questions say what they need.
  await welcome.startButton.click();
  await expect(welcome.form.getByText('Choose who is using Trellis')).toBeVisible();
  await expect(welcome.form.getByText('Enter a name')).toBeVisible();
  await welcome.email.fill('not an email');
  await welcome.startButton.click();
  await expect(welcome.form.getByText('Enter a valid email address, like alex@example.com')).toBeVisible();
  await lookInBothThemes(app, 'welcome-errors', testInfo, { sizes: screenSizes });
  expect(main.store.get('settings')).toBeUndefined();

  await welcome.completeAs('manager', { name: 'Maya Okafor', email: 'Maya@Example.com', title: 'Engineering Manager' });
  const settings = main.store.get('settings') as { userRole: string; mePersonId: string };
  expect(settings.userRole).toBe('manager');
  expect(settings.mePersonId).toMatch(/^[0-9a-f-]{36}$/);
  expect(await sidebarSections(app)).toEqual(['Today', 'People', '1:1s', 'Ladders', 'Growth', 'Feedback', 'Packets', 'Calibration', 'Settings']);
  // The user is not one of "the people you work with": Today still starts from adding them.
  await expect(app.getByRole('heading', { level: 2, name: 'Welcome to Trellis' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Try with a sample team' })).toBeVisible();
  await expect(app.getByText(/Good (morning|afternoon|evening), Maya/)).toBeVisible();
  await lookInBothThemes(app, 'first-run-manager-today', testInfo, { sizes: screenSizes });

  // The user is a person in Trellis, with the email they gave.
  const people = await PeoplePage.open(app);
  await expect(people.row('Maya Okafor')).toContainText('maya@example.com');

  // A reload does not ask again.
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Welcome to Trellis' })).toHaveCount(0);
});

test('an engineer’s first run: Today and the sidebar put their own growth first', async ({ app }, testInfo) => {
  const welcome = await WelcomePage.expectShown(app);
  await welcome.chooseRole('engineer');
  await welcome.fillMe({ name: 'Sam Lee', title: 'Software Engineer' });
  await lookInBothThemes(app, 'welcome-engineer', testInfo);
  await welcome.start();

  expect(await sidebarSections(app)).toEqual(['Today', 'Growth', 'Feedback', 'Ladders', 'People', '1:1s', 'Packets', 'Calibration', 'Settings']);
  const growth = app.getByRole('region', { name: 'Your growth' });
  await expect(growth).toContainText('Sam Lee · Software Engineer');
  await expect(growth.getByRole('link', { name: 'Set your level' })).toBeVisible();
  for (const link of ['Your page', 'Your ladder', 'Growth plan and evidence', 'Feedback']) await expect(growth.getByRole('link', { name: link })).toBeVisible();
  // No manager's "add the people you work with" for an engineer.
  await expect(app.getByRole('heading', { name: 'Welcome to Trellis' })).toHaveCount(0);
  await expect(app.getByText('Keep your own 1:1s here too, with your manager')).toBeVisible();
  await lookInBothThemes(app, 'first-run-engineer-today', testInfo, { sizes: screenSizes });

  await growth.getByRole('link', { name: 'Your page' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Sam Lee' })).toBeVisible();
});

test('a calibration committee member’s first run: packets, decisions and ladders first', async ({ app }, testInfo) => {
  const welcome = await WelcomePage.expectShown(app);
  await welcome.completeAs('committee', { name: 'Ria Das', email: 'ria@example.com' });

  expect(await sidebarSections(app)).toEqual(['Today', 'Packets', 'Calibration', 'Ladders', 'People', '1:1s', 'Growth', 'Feedback', 'Settings']);
  const calibration = app.getByRole('region', { name: 'Calibration' });
  for (const link of ['Promotion packets', 'Calibration decisions', 'The ladders']) await expect(calibration.getByRole('link', { name: link })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Welcome to Trellis' })).toHaveCount(0);
  await lookInBothThemes(app, 'first-run-committee-today', testInfo, { sizes: screenSizes });

  await calibration.getByRole('link', { name: 'The ladders' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Ladders' })).toBeVisible();
});

test('people already there (settings reset, a restore): the user picks themself, or adds themself instead', async ({ app, main }, testInfo) => {
  const welcome = await WelcomePage.expectShown(app);
  await welcome.completeAs('manager', { name: 'Maya Okafor' });
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Alex Rivera', email: 'alex@example.com', title: 'Staff Engineer' });

  // Settings gone: Trellis asks again, and offers the people it has.
  main.store.set('settings', {});
  await app.reload();
  const again = await WelcomePage.expectShown(app);
  await again.chooseRole('manager');
  await again.whoAmI.fill('Alex');
  await expect(app.getByRole('option', { name: /^Alex Rivera/ })).toContainText('Staff Engineer · alex@example.com');
  await app.keyboard.press('Escape');
  await again.addMeInstead();
  await expect(again.name).toBeVisible();
  await lookInBothThemes(app, 'welcome-with-people', testInfo);
  await again.chooseMe('Alex Rivera');
  await expect(again.name).toHaveCount(0);
  await again.start();
  const settings = main.store.get('settings') as { mePersonId: string };
  await goTo(app, 'People');
  await app.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await expect(app).toHaveURL(new RegExp(`#/people/${settings.mePersonId}$`));
});
