import { expect, expectAccessible, snap, test, tick } from './fixtures';
import { addAction, addAgendaPoint, addPerson, createSeries, go, isoDay, shortLabel, startMeeting } from './meetings-helpers';

test('create a weekly series: it shows its cadence and is due today', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await go(app, '1:1s');
  await expect(app.getByRole('heading', { name: 'No 1:1 series yet' })).toBeVisible();
  await snap(app, 'one-on-ones-empty', testInfo);
  await app.getByRole('button', { name: 'New series' }).first().click();
  await snap(app, 'series-dialog', testInfo);
  await expectAccessible(app, 'New series dialog');
  await app.keyboard.press('Escape');

  await createSeries(app, 'Alex Rivera');
  const row = app.getByRole('table', { name: 'Series' }).getByRole('row', { name: /Alex Rivera/ });
  await expect(row).toContainText('Every week');
  await expect(row).toContainText('Today');
  await expect(row).toContainText('Not yet');
  await snap(app, 'one-on-ones-list', testInfo);
  await expectAccessible(app, '1:1s list');
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, 'one-on-ones-list-dark', testInfo);
  await expectAccessible(app, '1:1s list (dark)');
  await app.emulateMedia({ colorScheme: 'light' });

  // A second 1:1 series with the same person is refused with a reason.
  await app.getByRole('button', { name: 'New series' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'New 1:1 series' });
  await dialog.getByRole('button', { name: /Person/ }).click();
  await app.getByRole('option', { name: 'Alex Rivera', exact: true }).click();
  await dialog.getByRole('button', { name: 'Create series' }).click();
  await expect(dialog.getByText('Alex Rivera already has a 1:1 series')).toBeVisible();
});

test('write a meeting, then the next one carries over the open point and action item with their origin', async ({ app }, testInfo) => {
  const lastWeek = isoDay(-7);
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: lastWeek });
  await startMeeting(app, 'Alex Rivera', lastWeek);

  await addAgendaPoint(app, 'Promotion timeline', 'Alex Rivera');
  await addAgendaPoint(app, 'Conference budget');
  await tick(app, 'Conference budget');
  await app.getByRole('textbox', { name: 'Shared notes' }).fill('## Decisions\n\n- Alex leads the **payments** migration');
  await app.getByRole('textbox', { name: 'Private notes' }).fill('PRIVATE-MARKER-7731 seemed tired');
  await expect(app.getByRole('status', { name: 'Notes: Saved' })).toBeVisible();
  await addAction(app, 'Share the design doc', 'Alex Rivera', isoDay(-1));
  await addAction(app, 'Book the offsite', 'Me');
  await tick(app, 'Book the offsite');
  await app.getByRole('region', { name: 'Shared notes' }).getByRole('radio', { name: 'Preview' }).click();
  await expect(app.getByRole('region', { name: 'Shared notes preview' }).getByRole('heading', { name: 'Decisions' })).toBeVisible();
  await snap(app, 'meeting-light', testInfo);
  await expectAccessible(app, 'Meeting');
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, 'meeting-dark', testInfo);
  await expectAccessible(app, 'Meeting (dark)');
  await app.emulateMedia({ colorScheme: 'light' });

  // Everything was stored: a reload shows the same meeting.
  await app.reload();
  await expect(app.getByRole('textbox', { name: 'Private notes' })).toHaveValue('PRIVATE-MARKER-7731 seemed tired');
  await expect(app.getByRole('checkbox', { name: 'Conference budget' })).toBeChecked();

  await startMeeting(app, 'Alex Rivera', isoDay(0));
  const agenda = app.getByRole('list', { name: 'Talking points' });
  await expect(agenda.getByRole('listitem')).toHaveCount(1);
  await expect(agenda.getByRole('listitem').filter({ hasText: 'Promotion timeline' })).toContainText(`from ${shortLabel(lastWeek)}`);
  const actions = app.getByRole('list', { name: 'Action items' });
  await expect(actions.getByRole('listitem')).toHaveCount(1);
  await expect(actions.getByRole('listitem').filter({ hasText: 'Share the design doc' })).toContainText(`from ${shortLabel(lastWeek)}`);
  await expect(actions.getByRole('listitem').filter({ hasText: 'Share the design doc' })).toContainText('overdue');
  await expect(app.getByRole('textbox', { name: 'Private notes' })).toHaveValue('');
  await snap(app, 'meeting-carried-over', testInfo);
});

test('deleting an agenda point or action item can be undone; deleting the meeting asks first', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  await startMeeting(app, 'Alex Rivera', isoDay(0));
  await addAgendaPoint(app, 'Hiring plan');
  await addAction(app, 'Write the job ad', 'Me');
  await app.getByRole('button', { name: 'Delete talking point: Hiring plan' }).click();
  await expect(app.getByRole('checkbox', { name: 'Hiring plan' })).toHaveCount(0);
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('checkbox', { name: 'Hiring plan' })).toBeVisible();
  await app.getByRole('button', { name: 'Delete action item: Write the job ad' }).click();
  await expect(app.getByRole('checkbox', { name: 'Write the job ad' })).toHaveCount(0);
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('checkbox', { name: 'Write the job ad' })).toBeVisible();

  await app.getByRole('button', { name: 'Delete…' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete this meeting?' });
  await expect(confirm).toContainText('the 1 action item agreed in it');
  await snap(app, 'meeting-delete-dialog', testInfo);
  await expectAccessible(app, 'Delete meeting dialog');
  await confirm.getByRole('button', { name: 'Delete meeting' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '1:1s' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Series' }).getByRole('row', { name: /Alex Rivera/ })).toContainText('Not yet');
});
