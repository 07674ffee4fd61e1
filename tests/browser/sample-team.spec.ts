import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { SampleTeam, sidebarSections, WelcomePage, YouSettings } from './pages/first-run';
import { goTo } from './pages/nav';
import { PeoplePage } from './pages/people';
import { SettingsPage } from './pages/settings';

// Building the sample and looking at its screens at both sizes takes a while on a busy machine.
test.slow();

test.describe('a fresh profile', () => {
  test.use({ firstRun: true });

  test('tries the sample team from the welcome, then leaves it and nothing of it is left', async ({ app, main }, testInfo) => {
    const welcome = await WelcomePage.expectShown(app);
    // The sample is seen as someone: the welcome asks who first.
    await welcome.sampleButton.click();
    await expect(app.getByText('Choose who is using Trellis, to see the sample as they would')).toBeVisible();
    await welcome.chooseRole('manager');
    await welcome.sampleButton.click();

    const sample = new SampleTeam(app);
    await sample.expectOpen();
    await expect(app.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    // The sample's manager is "me"; their team of six has 1:1s.
    await expect(app.getByRole('region', { name: 'Overdue action items' })).toBeVisible();
    await lookInBothThemes(app, 'sample-today', testInfo, { sizes: screenSizes });
    const people = await PeoplePage.open(app);
    await expect(people.table.getByRole('row')).toHaveCount(1 + 7);
    await lookInBothThemes(app, 'sample-people', testInfo, { sizes: screenSizes });
    // The user's own settings are not changed by the sample.
    expect(main.store.get('settings')).toBeUndefined();
    expect(await sample.databaseNames()).toContain('trellis-sample');

    await sample.leave();
    // Back where the user started: the welcome, with their own (empty) data.
    await WelcomePage.expectShown(app);
    await expect.poll(() => sample.databaseNames()).not.toContain('trellis-sample');
    await welcome.completeAs('manager', { name: 'Maya Okafor' });
    const mine = await PeoplePage.open(app);
    await expect(mine.table.getByRole('row')).toHaveCount(1 + 1);
  });

  test('an engineer tries the sample as one of the team’s engineers', async ({ app }, testInfo) => {
    const welcome = await WelcomePage.expectShown(app);
    await welcome.chooseRole('engineer');
    await welcome.sampleButton.click();
    await new SampleTeam(app).expectOpen();
    expect((await sidebarSections(app)).slice(0, 3)).toEqual(['Today', 'Growth', 'Feedback']);
    const growth = app.getByRole('region', { name: 'Your growth' });
    await expect(growth).toContainText(/Engineer/);
    await lookInBothThemes(app, 'sample-engineer-today', testInfo, { sizes: screenSizes });
    await growth.getByRole('link', { name: 'Your page' }).click();
    // Their page: someone with a manager in the sample, and 1:1s with them.
    await expect(app.getByRole('heading', { level: 1 })).not.toHaveText('Today');
  });
});

test('a user with their own data tries the sample from Settings; leaving shows their data unchanged', async ({ app }, testInfo) => {
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Jordan Own', email: 'jordan@example.com' });

  await SettingsPage.open(app);
  const section = app.getByRole('region', { name: 'Sample team' });
  await lookInBothThemes(app, 'settings-sample-team', testInfo);
  await section.getByRole('button', { name: 'Try with a sample team' }).click();

  const sample = new SampleTeam(app);
  await sample.expectOpen();
  await goTo(app, 'People');
  await expect(app.getByRole('link', { name: 'Jordan Own' })).toHaveCount(0);
  // Changes in the sample stay in the sample.
  await people.addPerson({ name: 'Sample Added', email: 'added@example.com' });
  await SettingsPage.open(app);
  await expect(new YouSettings(app).section).toContainText('You are trying the sample team as a manager');
  await lookInBothThemes(app, 'settings-in-sample', testInfo, { sizes: screenSizes });

  // Leaving asks first; staying keeps the sample.
  await sample.banner.getByRole('button', { name: 'Leave the sample' }).click();
  const confirm = app.getByRole('dialog', { name: 'Leave the sample team?' });
  await lookInBothThemes(app, 'sample-leave-confirm', testInfo);
  await confirm.getByRole('button', { name: 'Stay in the sample' }).click();
  await expect(sample.banner).toBeVisible();

  await sample.leave();
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const mine = await PeoplePage.open(app);
  await expect(mine.table.getByRole('row')).toHaveCount(1 + 1);
  await expect(mine.row('Jordan Own')).toContainText('jordan@example.com');
  await expect(app.getByRole('link', { name: 'Sample Added' })).toHaveCount(0);
  await expect.poll(() => sample.databaseNames()).not.toContain('trellis-sample');
});
