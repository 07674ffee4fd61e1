import { expect, expectAccessible, snap, test, tick } from './fixtures';
import { addAction, addAgendaPoint, addPerson, choose, createSeries, go, isoDay, startMeeting, weekdayName } from './meetings-helpers';

test('a talking point queued on the person page appears on the next meeting and leaves the queue', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  await go(app, 'People');
  await app.getByRole('link', { name: 'Alex Rivera' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Alex Rivera' })).toBeVisible();
  await app.getByRole('textbox', { name: 'Talking point for the next 1:1 with Alex' }).fill('Conference budget for React Summit');
  await app.getByRole('button', { name: 'Queue point' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Queued for the next 1:1 with Alex' })).toBeVisible();
  await expect(app.getByRole('list', { name: 'Queued talking points' })).toContainText('Conference budget for React Summit');
  await snap(app, 'person-page', testInfo);
  await expectAccessible(app, 'Person page');

  await app.getByRole('button', { name: 'Start 1:1' }).click();
  const dialog = app.getByRole('dialog', { name: 'Start 1:1 with Alex Rivera' });
  await choose(app, dialog, /Template/, 'No template');
  await dialog.getByRole('button', { name: 'Start meeting' }).click();
  const item = app.getByRole('list', { name: 'Talking points' }).getByRole('listitem').filter({ hasText: 'Conference budget for React Summit' });
  await expect(item).toContainText('queued');

  await app.getByRole('link', { name: 'Alex Rivera’s page' }).click();
  await expect(app.getByRole('region', { name: 'Queue a talking point for the next 1:1' })).toContainText('Nothing queued.');
  // The timeline lists the meeting; the filter narrows it.
  const timeline = app.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await app.getByRole('searchbox', { name: 'Filter timeline' }).fill('no such words');
  await expect(app.getByText('Nothing matches this filter.')).toBeVisible();
});

test('the prep view shows the last meeting, open items both ways, the queue and days since', async ({ app }, testInfo) => {
  const lastWeek = isoDay(-7);
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: lastWeek });
  await startMeeting(app, 'Alex Rivera', lastWeek);
  await addAgendaPoint(app, 'Team offsite location');
  await addAgendaPoint(app, 'Salary review');
  await tick(app, 'Salary review');
  await app.getByRole('textbox', { name: 'Shared notes' }).fill('Agreed: Alex owns the on-call rota');
  await app.getByRole('textbox', { name: 'Private notes' }).fill('Worried about workload');
  await expect(app.getByRole('status', { name: 'Notes: Saved' })).toBeVisible();
  await addAction(app, 'Draft the rota', 'Alex Rivera');
  await addAction(app, 'Ask finance about budget', 'Me');
  await addAction(app, 'Already finished thing', 'Me');
  await tick(app, 'Already finished thing');

  await app.getByRole('link', { name: 'Prep view' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Prep: 1:1 with Alex Rivera' })).toBeVisible();
  await app.getByRole('textbox', { name: 'Talking point for the next 1:1 with Alex' }).fill('Feedback on the demo');
  await app.getByRole('button', { name: 'Queue point' }).click();

  await expect(app.getByRole('region', { name: 'Since the last 1:1' })).toContainText('7 days');
  await expect(app.getByRole('list', { name: 'Queued talking points' })).toContainText('Feedback on the demo');
  const last = app.getByRole('region', { name: /^Last meeting ·/ });
  await expect(last).toContainText('Agreed: Alex owns the on-call rota');
  await expect(last.getByRole('list', { name: 'Not discussed yet' })).toHaveText('Team offsite location');
  await expect(last).toContainText('Worried about workload');
  await expect(app.getByRole('list', { name: 'Alex owes' })).toHaveText(/Draft the rota/);
  await expect(app.getByRole('list', { name: 'You owe' }).getByRole('listitem')).toHaveCount(1);
  await expect(app.getByRole('list', { name: 'You owe' })).toContainText('Ask finance about budget');
  await expect(app.getByRole('region', { name: 'Feedback follow-ups and growth goals' })).toContainText('Not available yet');
  await snap(app, 'prep-view', testInfo);
  await expectAccessible(app, 'Prep view');
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, 'prep-view-dark', testInfo);
  await expectAccessible(app, 'Prep view (dark)');
});

test('Today lists 1:1s today and this week, overdue series and overdue action items', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await addPerson(app, 'Sam Lee');
  await createSeries(app, 'Alex Rivera');
  // Sam's series started three weeks ago and never met: overdue.
  await createSeries(app, 'Sam Lee', { weekday: weekdayName(-1), startDate: isoDay(-21) });
  await startMeeting(app, 'Sam Lee', isoDay(-14));
  await addAction(app, 'Send the reference letter', 'Me', isoDay(-2));

  await go(app, 'Today');
  await expect(app.getByRole('list', { name: '1:1s today' })).toContainText('1:1 with Alex Rivera');
  await expect(app.getByRole('list', { name: 'Overdue series' })).toContainText('1:1 with Sam Lee');
  await expect(app.getByRole('list', { name: 'Overdue action items' })).toContainText('Send the reference letter');
  await expect(app.getByRole('list', { name: 'Overdue action items' })).toContainText('You owe');
  await snap(app, 'today', testInfo);
  await expectAccessible(app, 'Today');
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, 'today-dark', testInfo);
  await expectAccessible(app, 'Today (dark)');
});

test('a talking point queued from the People list and from the timeline waits in the queue', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await app.getByRole('button', { name: 'Queue a talking point for Alex Rivera' }).click();
  const dialog = app.getByRole('dialog', { name: 'Queue a point for Alex Rivera' });
  await expect(dialog.getByRole('textbox', { name: 'Talking point for the next 1:1 with Alex' })).toBeFocused();
  await snap(app, 'queue-point-dialog', testInfo);
  await expectAccessible(app, 'Queue point dialog');
  await app.keyboard.type('Parental leave plans');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await app.getByRole('link', { name: 'Alex Rivera' }).click();
  await app.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Queue a point…' }).click();
  const fromTimeline = app.getByRole('dialog', { name: 'Queue a point for Alex Rivera' });
  await fromTimeline.getByRole('textbox').fill('Hackathon idea');
  await fromTimeline.getByRole('button', { name: 'Queue point' }).click();
  await expect(fromTimeline).toBeHidden();
  await expect(app.getByRole('list', { name: 'Queued talking points' }).getByRole('listitem')).toHaveText([/Parental leave plans/, /Hackathon idea/]);
});
