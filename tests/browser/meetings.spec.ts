import { isoDay, shortLabel } from './dates';
import { expect, lookInBothThemes, test } from './fixtures';
import type { MeetingPage } from './pages/meeting';
import { createSeries, OneOnOnesPage, startMeeting } from './pages/one-on-ones';
import { addPerson } from './pages/people';

test('create a weekly series: it shows its cadence and is due today', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  const oneOnOnes = await OneOnOnesPage.open(app);
  await expect(oneOnOnes.emptyState).toBeVisible();
  await lookInBothThemes(app, 'one-on-ones-empty', testInfo);
  await oneOnOnes.newSeries();
  await lookInBothThemes(app, 'series-dialog', testInfo);
  await app.keyboard.press('Escape');

  await createSeries(app, 'Alex Rivera');
  const row = oneOnOnes.seriesRow('Alex Rivera');
  await expect(row).toContainText('Every week');
  await expect(row).toContainText('Today');
  await expect(row).toContainText('Not yet');
  await lookInBothThemes(app, 'one-on-ones-list', testInfo);

  // A second 1:1 series with the same person is refused with a reason.
  const dialog = await oneOnOnes.newSeries();
  await dialog.choosePerson('Alex Rivera');
  await dialog.create();
  await expect(dialog.root.getByText('Alex Rivera already has a 1:1 series')).toBeVisible();
});

test('write a meeting, then the next one carries over the open point and action item with their origin', async ({ app }, testInfo) => {
  const lastWeek = isoDay(-7);
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: lastWeek });
  const meeting = await startMeeting(app, 'Alex Rivera', lastWeek);

  await meeting.addAgendaPoint('Promotion timeline', 'Alex Rivera');
  await meeting.addAgendaPoint('Conference budget');
  await meeting.tick('Conference budget');
  await meeting.writeNotes({ shared: '## Decisions\n\n- Alex leads the **payments** migration', private: 'PRIVATE-MARKER-7731 seemed tired' });
  await meeting.addAction('Share the design doc', 'Alex Rivera', isoDay(-1));
  await meeting.addAction('Book the offsite', 'Me');
  await meeting.tick('Book the offsite');
  const preview = await meeting.preview('Shared notes');
  await expect(preview.getByRole('heading', { name: 'Decisions' })).toBeVisible();
  await lookInBothThemes(app, 'meeting', testInfo);

  // Everything was stored: a reload shows the same meeting.
  await app.reload();
  await expect(meeting.privateNotes).toHaveValue('PRIVATE-MARKER-7731 seemed tired');
  await expect(meeting.item('Conference budget')).toBeChecked();

  const next = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await expect(next.talkingPoints.getByRole('listitem')).toHaveCount(1);
  await expect(next.talkingPoints.getByRole('listitem').filter({ hasText: 'Promotion timeline' })).toContainText(`from ${shortLabel(lastWeek)}`);
  await expect(next.actionList.getByRole('listitem')).toHaveCount(1);
  await expect(next.actionList.getByRole('listitem').filter({ hasText: 'Share the design doc' })).toContainText(`from ${shortLabel(lastWeek)}`);
  await expect(next.actionList.getByRole('listitem').filter({ hasText: 'Share the design doc' })).toContainText('overdue');
  await expect(next.privateNotes).toHaveValue('');
  await lookInBothThemes(app, 'meeting-carried-over', testInfo);
});

test('deleting an agenda point or action item can be undone; deleting the meeting asks first', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const meeting: MeetingPage = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await meeting.addAgendaPoint('Hiring plan');
  await meeting.addAction('Write the job ad', 'Me');
  await meeting.deletePoint('Hiring plan');
  await expect(meeting.item('Hiring plan')).toHaveCount(0);
  await meeting.undo();
  await expect(meeting.item('Hiring plan')).toBeVisible();
  await meeting.deleteAction('Write the job ad');
  await expect(meeting.item('Write the job ad')).toHaveCount(0);
  await meeting.undo();
  await expect(meeting.item('Write the job ad')).toBeVisible();

  const confirm = await meeting.deleteMeeting();
  await expect(confirm).toContainText('the 1 action item agreed in it');
  await lookInBothThemes(app, 'meeting-delete-dialog', testInfo);
  await confirm.getByRole('button', { name: 'Delete meeting' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '1:1s' })).toBeVisible();
  await expect(new OneOnOnesPage(app).seriesRow('Alex Rivera')).toContainText('Not yet');
});
