import { isoDay } from './dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { CloseFollowUpDialog, FeedbackPage, pressCapture } from './pages/feedback';
import { goTo } from './pages/nav';
import { createSeries } from './pages/one-on-ones';
import { addPerson } from './pages/people';
import { PrepPage } from './pages/prep';
import { TodayPage } from './pages/today';

/** 09:00 local on a day: when main's reminder for that day comes. */
const nineOn = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 9, 0);
};

test('a follow-up due tomorrow: reminded by main, seen in Today, the inbox and the prep view, closed with an outcome', async ({ app, main }, testInfo) => {
  test.slow();
  await addPerson(app, 'Alex Rivera');
  await addPerson(app, 'Sam Lee');
  await createSeries(app, 'Alex Rivera');
  const tomorrow = isoDay(1);

  // Shareable recognition with a follow-up, and private constructive feedback with one: captured from Today (nobody on screen).
  await TodayPage.open(app);
  let capture = await pressCapture(app);
  await capture.about.pressSequentially('Alex');
  await app.getByRole('option', { name: 'Alex Rivera' }).click();
  await capture.field('Behaviour').fill('You ran the incident review without blame');
  await capture.followUpBy(tomorrow, 'Ask whether the review template is shared');
  await capture.save();
  capture = await pressCapture(app);
  await capture.about.pressSequentially('Sam');
  await app.getByRole('option', { name: 'Sam Lee' }).click();
  await capture.chooseKind('Constructive');
  await expect(capture.visibility('Private')).toBeChecked();
  await capture.field('Behaviour').fill('You interrupted the designer twice');
  await capture.followUpBy(isoDay(5), 'Secret worry about Sam');
  await capture.save();

  const today = await TodayPage.open(app);
  const due = app.getByRole('list', { name: 'Follow-ups due' });
  await expect(due.getByRole('listitem')).toHaveCount(1);
  await expect(due).toContainText('Alex Rivera');
  await expect(due).toContainText('Due tomorrow');

  // Main has the schedule: nothing yet; on tomorrow's morning it notifies, with a name only for the shareable one.
  await expect.poll(() => main.answered.filter((c) => c === 'reminders:schedule').length).toBeGreaterThan(0);
  expect(main.notifications).toEqual([]);
  main.reminderClock.advanceTo(nineOn(tomorrow));
  expect(main.notifications).toEqual([{ title: 'A follow-up is due', body: 'Follow up with Alex Rivera.', ids: [expect.any(String)] }]);
  main.reminderClock.advanceTo(nineOn(isoDay(5)));
  expect(main.notifications[1]).toEqual({ title: 'A follow-up is due', body: 'Open Trellis to see it.', ids: [expect.any(String)] });
  expect(JSON.stringify(main.notifications)).not.toMatch(/Secret|template|interrupted|Sam/);

  // The page's clock moves to tomorrow too: Today says it is due today.
  await app.clock.setFixedTime(new Date(nineOn(tomorrow).getTime() + 60 * 60 * 1000));
  await app.reload();
  await expect(today.page.getByRole('list', { name: 'Follow-ups due' })).toContainText('Due today');
  await lookInBothThemes(app, 'feedback-today-follow-ups', testInfo);

  // The inbox lists both, soonest first, the private one marked.
  const feedback = await FeedbackPage.open(app);
  await feedback.openInbox();
  await expect(feedback.inbox.getByRole('row')).toHaveCount(3);
  await expect(feedback.inbox.getByRole('row').nth(1)).toContainText('Ask whether the review template is shared');
  await expect(feedback.inbox.getByRole('row').nth(2)).toContainText('Private');
  await lookInBothThemes(app, 'feedback-inbox', testInfo, { sizes: screenSizes });

  // The next 1:1's prep view with Alex shows it.
  await goTo(app, '1:1s');
  await app.getByRole('link', { name: 'Prepare for 1:1 with Alex Rivera' }).click();
  const prep = new PrepPage(app);
  await expect(prep.followUps.getByRole('listitem')).toHaveCount(1);
  await expect(prep.followUps).toContainText('Ask whether the review template is shared');
  await expect(prep.followUps).toContainText('Due today');

  // Closed from the prep view with its outcome: gone from Today, the inbox and the prep view.
  await prep.followUps.getByRole('button', { name: /^Close the follow-up with Alex Rivera/ }).click();
  await new CloseFollowUpDialog(app, 'Alex Rivera').close('Shared with two other teams already');
  await expect(prep.followUps).toContainText('Nothing to follow up with Alex');
  await TodayPage.open(app);
  await expect(app.getByRole('region', { name: 'Follow-ups due' })).toContainText('No follow-up due today or tomorrow');
  await FeedbackPage.open(app);
  await feedback.openInbox();
  await expect(feedback.inbox.getByRole('row')).toHaveCount(2);
  // The entry keeps the outcome.
  await feedback.page.getByRole('link', { name: 'Entries' }).click();
  const entry = await feedback.openEntry('You ran the incident review without blame');
  await expect(entry.followUps).toContainText('Closed: Shared with two other teams already');
});
