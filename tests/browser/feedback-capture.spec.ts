import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { seedLadders } from './ladders-support';
import { CaptureFeedbackDialog, FeedbackPage, pressCapture } from './pages/feedback';
import { Palette } from './pages/palette';
import { PeoplePage } from './pages/people';

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

test('capture SBI feedback by keyboard only from a person’s page, prefilled with them', async ({ app }, testInfo) => {
  test.slow();
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Sam Lee', email: 'sam@example.com' });
  const dialog = await people.edit('Sam Lee');
  await dialog.placeOn('Team Ladder', 'Engineering (IC)', 'Senior Engineer (L3)');
  await dialog.save();
  await people.openPerson('Sam Lee');

  // F on the person's page: the dialog opens about Sam, the cursor in Situation.
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  const capture = await pressCapture(app);
  await expect(capture.about).toHaveValue('Sam Lee');
  await expect(capture.field('Situation')).toBeFocused();
  await expect(capture.visibility('Shareable')).toBeChecked();

  // Back to the kind (Shift+Tab), arrow to Constructive: the manager's constructive feedback turns private.
  await app.keyboard.press('Shift+Tab');
  await expect(capture.kind('Recognition')).toBeFocused();
  await app.keyboard.press('ArrowRight');
  await expect(capture.kind('Constructive')).toBeChecked();
  await expect(capture.visibility('Private')).toBeChecked();
  await app.keyboard.press('Tab');
  await expect(capture.field('Situation')).toBeFocused();
  await app.keyboard.type('In Tuesday’s planning with product');
  await app.keyboard.press('Tab');
  await app.keyboard.type('you committed the team to a date before we had estimated');
  await app.keyboard.press('Tab');
  await app.keyboard.type('the team felt bound to a date they had not agreed');
  await app.keyboard.press('Tab');
  await app.keyboard.type('Check with the team before giving dates');
  // Past From (it is me), Tab to the competencies: Space ticks Planning.
  await app.keyboard.press('Tab');
  await expect(capture.from).toBeFocused();
  await expect(capture.from).toHaveValue('Me');
  for (let i = 0; i < 3 && !(await capture.competency('Code quality').evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(capture.competency('Code quality')).toBeFocused();
  while (!(await capture.competency('Planning').evaluate((el) => el === document.activeElement))) await app.keyboard.press('Tab');
  await app.keyboard.press('Space');
  await expect(capture.competency('Planning')).toBeChecked();
  await lookInBothThemes(app, 'feedback-capture', testInfo, { sizes: screenSizes });
  await app.keyboard.press('Control+Enter');
  await expect(capture.root).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Feedback about Sam Lee saved' })).toBeAttached();

  const feedback = await FeedbackPage.open(app);
  const row = feedback.entry('you committed the team to a date');
  await expect(row).toContainText('Sam Lee');
  await expect(row).toContainText('Constructive');
  await expect(row).toContainText('Private');
  await lookInBothThemes(app, 'feedback-entries', testInfo, { sizes: screenSizes });

  // The entry opens in its editor, every SBI field as typed; edits save as you type.
  const entry = await feedback.openEntry('you committed the team to a date before we had estimated');
  await expect(entry.field('Impact')).toHaveValue('the team felt bound to a date they had not agreed');
  await expect(app.getByRole('checkbox', { name: 'Planning' })).toBeChecked();
  await entry.field('Suggested next step').fill('Check with the team before giving dates; we talk about it Thursday');
  await expect(entry.saveState).toHaveText(/Saved/);
  await app.reload();
  await expect(entry.field('Suggested next step')).toHaveValue('Check with the team before giving dates; we talk about it Thursday');
  await lookInBothThemes(app, 'feedback-entry', testInfo);
});

test('the palette captures feedback about anyone, and refuses an entry with no situation, behaviour or impact', async ({ app }) => {
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Alex Rivera' });
  const palette = await Palette.open(app);
  await palette.type('capture feedback');
  await palette.chooseByKeyboard(/^Capture feedback$/);
  const capture = new CaptureFeedbackDialog(app);
  await expect(capture.root).toBeVisible();
  await expect(capture.about).toHaveValue('');
  await capture.root.getByRole('button', { name: 'Save feedback' }).click();
  await expect(capture.root.getByText('Choose who the feedback is about')).toBeVisible();
  await capture.about.pressSequentially('Alex');
  await app.getByRole('option', { name: 'Alex Rivera' }).click();
  await capture.root.getByRole('button', { name: 'Save feedback' }).click();
  await expect(capture.root.getByText('Write at least the situation, the behaviour or the impact')).toBeVisible();
  await capture.field('Behaviour').fill('Ran a calm incident review');
  await capture.save();
  const feedback = await FeedbackPage.open(app);
  await expect(feedback.entry('Ran a calm incident review')).toContainText('Recognition');
  await expect(feedback.entry('Ran a calm incident review')).toContainText('Shareable');
});
