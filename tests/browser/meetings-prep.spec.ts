import { isoDay, weekdayName } from './dates';
import { expect, lookInBothThemes, test } from './fixtures';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { addPerson, PeoplePage } from './pages/people';
import { PrepPage } from './pages/prep';
import { TodayPage } from './pages/today';

test('a talking point queued on the person page appears on the next meeting and leaves the queue', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const person = await (await PeoplePage.open(app)).openPerson('Alex Rivera');
  await person.queuePoint('Conference budget for React Summit');
  await expect(app.getByRole('status').filter({ hasText: 'Queued for the next 1:1 with Alex' })).toBeVisible();
  await expect(person.queued).toContainText('Conference budget for React Summit');
  await lookInBothThemes(app, 'person-page', testInfo);

  const dialog = await person.start();
  await dialog.chooseTemplate('No template');
  const meeting = await dialog.start();
  const item = meeting.talkingPoints.getByRole('listitem').filter({ hasText: 'Conference budget for React Summit' });
  await expect(item).toContainText('queued');

  await meeting.openPersonPage('Alex Rivera');
  await expect(person.queueRegion).toContainText('Nothing queued.');
  // The timeline lists the meeting; the filter narrows it.
  await expect(person.timeline.getByRole('listitem')).toHaveCount(1);
  await person.filterTimeline('no such words');
  await expect(app.getByText('Nothing matches this filter.')).toBeVisible();
});

test('the prep view shows the last meeting, open items both ways, the queue and days since', async ({ app }, testInfo) => {
  const lastWeek = isoDay(-7);
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: lastWeek });
  const meeting = await startMeeting(app, 'Alex Rivera', lastWeek);
  await meeting.addAgendaPoint('Team offsite location');
  await meeting.addAgendaPoint('Salary review');
  await meeting.tick('Salary review');
  await meeting.writeNotes({ shared: 'Agreed: Alex owns the on-call rota', private: 'Worried about workload' });
  await meeting.addAction('Draft the rota', 'Alex Rivera');
  await meeting.addAction('Ask finance about budget', 'Me');
  await meeting.addAction('Already finished thing', 'Me');
  await meeting.tick('Already finished thing');

  await meeting.openPrep();
  const prep = new PrepPage(app);
  await expect(prep.heading('Prep: 1:1 with Alex Rivera')).toBeVisible();
  await prep.queuePoint('Alex', 'Feedback on the demo');

  await expect(prep.sinceLast).toContainText('7 days');
  await expect(prep.queued).toContainText('Feedback on the demo');
  await expect(prep.lastMeeting).toContainText('Agreed: Alex owns the on-call rota');
  await expect(prep.notDiscussed).toHaveText('Team offsite location');
  await expect(prep.lastMeeting).toContainText('Worried about workload');
  await expect(prep.owes('Alex owes')).toHaveText(/Draft the rota/);
  await expect(prep.owes('You owe').getByRole('listitem')).toHaveCount(1);
  await expect(prep.owes('You owe')).toContainText('Ask finance about budget');
  await expect(prep.followUps).toContainText('Nothing to follow up with Alex');
  await lookInBothThemes(app, 'prep-view', testInfo);
});

test('Today lists 1:1s today and this week, overdue series and overdue action items', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await addPerson(app, 'Sam Lee');
  await createSeries(app, 'Alex Rivera');
  // Sam's series started three weeks ago and never met: overdue.
  await createSeries(app, 'Sam Lee', { weekday: weekdayName(-1), startDate: isoDay(-21) });
  const meeting = await startMeeting(app, 'Sam Lee', isoDay(-14));
  await meeting.addAction('Send the reference letter', 'Me', isoDay(-2));

  const today = await TodayPage.open(app);
  await expect(today.list('1:1s today')).toContainText('1:1 with Alex Rivera');
  await expect(today.list('Overdue series')).toContainText('1:1 with Sam Lee');
  await expect(today.list('Overdue action items')).toContainText('Send the reference letter');
  await expect(today.list('Overdue action items')).toContainText('You owe');
  await lookInBothThemes(app, 'today', testInfo);
});

test('a talking point queued from the People list and from the timeline waits in the queue', async ({ app }, testInfo) => {
  const people = await addPerson(app, 'Alex Rivera');
  const dialog = await people.queuePointFor('Alex Rivera');
  await expect(dialog.root.getByRole('textbox', { name: 'Talking point for the next 1:1 with Alex' })).toBeFocused();
  await lookInBothThemes(app, 'queue-point-dialog', testInfo);
  await app.keyboard.type('Parental leave plans');
  await app.keyboard.press('Enter');
  await expect(dialog.root).toBeHidden();

  const person = await people.openPerson('Alex Rivera');
  const fromTimeline = await person.queueFromTimeline();
  await fromTimeline.queue('Hackathon idea');
  await expect(fromTimeline.root).toBeHidden();
  await expect(person.queued.getByRole('listitem')).toHaveText([/Parental leave plans/, /Hackathon idea/]);
});
