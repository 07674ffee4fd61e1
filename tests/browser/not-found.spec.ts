import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { pressCapture } from './pages/feedback';
import { followKeptLink, goTo } from './pages/nav';
import { PeoplePage } from './pages/people';

test('feedback deleted in the editor, reached again with Back, says it is gone and leads back to Feedback', async ({ app }, testInfo) => {
  test.slow();
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Robin Park' });
  await people.openPerson('Robin Park');
  const capture = await pressCapture(app);
  await capture.field('Situation').fill('In the release retro');
  await capture.field('Behaviour').fill('you named the flaky test and fixed it the same day');
  await capture.save();

  await goTo(app, 'Feedback');
  await app
    .getByRole('table', { name: 'Feedback entries' })
    .getByRole('link', { name: /you named the flaky test/ })
    .click();
  await expect(app.getByRole('heading', { level: 1, name: /Robin Park$/ })).toBeVisible();
  await app.getByRole('button', { name: 'Delete…' }).click();
  await app.getByRole('dialog', { name: 'Delete this feedback?' }).getByRole('button', { name: 'Delete feedback' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible();

  await app.goBack();
  await expect(app.getByRole('heading', { level: 1, name: 'Feedback not found' })).toBeVisible();
  await expect(app.getByRole('main')).toContainText('This feedback does not exist');
  await lookInBothThemes(app, 'feedback-not-found', testInfo, { sizes: screenSizes });
  await app.getByRole('main').getByRole('link', { name: 'Feedback', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible();
});

test('kept links to an assessment and a packet that are not there any more say so, with the way back', async ({ app }, testInfo) => {
  test.slow();
  await goTo(app, 'Today');

  await followKeptLink(app, '/growth/assessments/not-here-any-more');
  await expect(app.getByRole('heading', { level: 1, name: 'Assessment not found' })).toBeVisible();
  await expect(app.getByRole('main')).toContainText('This assessment is not here any more');
  await lookInBothThemes(app, 'assessment-not-found', testInfo, { sizes: screenSizes });
  await app.getByRole('main').getByRole('link', { name: 'Growth', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Growth' })).toBeVisible();

  await followKeptLink(app, '/packets/not-here-any-more');
  await expect(app.getByRole('heading', { level: 1, name: 'Packet not found' })).toBeVisible();
  await expect(app.getByRole('main')).toContainText('This packet does not exist');
  await lookInBothThemes(app, 'packet-not-found', testInfo, { sizes: screenSizes });
  await app.getByRole('main').getByRole('link', { name: 'All packets' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Packets' })).toBeVisible();
});
