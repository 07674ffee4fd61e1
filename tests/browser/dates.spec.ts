import { isoDay } from './dates';
import { expect, lookInBothThemes, test } from './fixtures';
import { dateField } from './pages/controls';
import { createSeries, OneOnOnesPage } from './pages/one-on-ones';
import { addPerson } from './pages/people';
import { PersonPage } from './pages/person';

/**
 * Dates follow the user's locale, the same way in lists, headings and date fields (issue 9
 * item 28). The rest of the suite runs in en-GB; here the same screens in two other locales.
 */
const cases = [
  { locale: 'en-US', started: 'Mar 15, 2021', startField: '3/15/2021', meeting: 'Wednesday, March 6, 2030', meetingField: '3/6/2030', due: 'due Mar 13, 2030' },
  { locale: 'de-DE', started: '15. März 2021', startField: '15.3.2021', meeting: 'Mittwoch, 6. März 2030', meetingField: '6.3.2030', due: 'due 13. März 2030' },
];

for (const c of cases) {
  test.describe(`in ${c.locale}`, () => {
    test.use({ locale: c.locale });

    test('lists, headings and date fields show dates the same way', async ({ app }, testInfo) => {
      const people = await addPerson(app, { name: 'Alex Rivera', startDate: '2021-03-15' });
      await expect(people.row('Alex Rivera')).toContainText(c.started);
      const dialog = await people.edit('Alex Rivera');
      await expect(dateField(dialog.root, 'Start date')).toHaveText(c.startField);
      await lookInBothThemes(app, `dates-${c.locale}-person`, testInfo);
      await dialog.cancel();

      await createSeries(app, 'Alex Rivera', { startDate: isoDay(0) });
      // The start dialog's date field and the meeting's heading agree.
      const start = await (await OneOnOnesPage.open(app)).start('Alex Rivera');
      await start.setDate('2030-03-06');
      await expect(dateField(start.root, 'Date')).toHaveText(c.meetingField);
      await start.chooseTemplate('No template');
      const meeting = await start.start();
      await expect(app.getByText(c.meeting)).toBeVisible();
      await meeting.addAction('Send the offer', 'Me', '2030-03-13');
      await expect(meeting.actionList.getByRole('listitem').filter({ hasText: 'Send the offer' })).toContainText(c.due);
      await lookInBothThemes(app, `dates-${c.locale}-meeting`, testInfo);
      await meeting.openPersonPage('Alex Rivera');
      await expect(new PersonPage(app, 'Alex Rivera').timeline).toContainText(c.due);
      await expect(app.getByRole('region', { name: 'Details' })).toContainText(c.started);
    });
  });
}

test('a date can be picked from a calendar as well as typed', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: '2030-03-06' });
  const start = await (await OneOnOnesPage.open(app)).start('Alex Rivera');
  await start.setDate('2030-03-06');
  await start.root.getByRole('button', { name: 'Choose from a calendar' }).click();
  const calendar = app.getByRole('application', { name: /March 2030/ });
  await expect(calendar).toBeVisible();
  await lookInBothThemes(app, 'date-calendar', testInfo);
  await calendar.getByRole('button', { name: /20 March 2030/ }).click();
  await expect(dateField(start.root, 'Date')).toHaveText('20/03/2030');
  await start.chooseTemplate('No template');
  await start.start();
  // From the start: react-aria's live announcer may still say "Selected Date: Wednesday, 20 March 2030" for a moment.
  await expect(app.getByText(/^Wednesday, 20 March 2030/)).toBeVisible();
});
