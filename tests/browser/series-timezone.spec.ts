import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { parseSeriesIcs } from '../support/ical';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { choose } from './pages/controls';
import { YouSettings } from './pages/first-run';
import { goTo } from './pages/nav';
import { PeoplePage } from './pages/people';

test('a series time zone is picked by typing "Berl", and its .ics names organizer and attendee', async ({ app, main }, testInfo) => {
  // The user is a person in Trellis ("This is me"): their email is the organizer of calendar files.
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Maya Okafor', email: 'Maya@Example.com' });
  const you = await YouSettings.open(app);
  await you.chooseMe('Maya Okafor');
  await expect(you.section).toContainText('Calendar files name you, maya@example.com, as organizer');
  expect(main.store.get('settings')).toMatchObject({ mePersonId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  await lookInBothThemes(app, 'settings-your-email', testInfo);

  await goTo(app, 'People');
  await app.getByRole('button', { name: 'Add person' }).first().click();
  const person = app.getByRole('dialog', { name: 'Add a person' });
  await person.getByRole('textbox', { name: 'Name' }).fill('Alex Rivera');
  await person.getByRole('textbox', { name: 'Email' }).fill('alex@example.com');
  await person.getByRole('button', { name: 'Add person' }).click();
  await expect(person).toBeHidden();

  await goTo(app, '1:1s');
  await app.getByRole('button', { name: 'New series' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'New 1:1 series' });
  await choose(app, dialog, /Person/, 'Alex Rivera');
  const zone = dialog.getByRole('combobox', { name: 'Time zone' });
  // The system's zone comes first when the list opens.
  const system = await app.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(zone).toHaveValue(system);
  await dialog.getByRole('button', { name: 'Show all: Time zone' }).click();
  await expect(app.getByRole('listbox').getByRole('option').first()).toContainText(system);
  await expect(app.getByRole('listbox').getByRole('option').first()).toContainText('This computer’s time zone');
  await app.keyboard.press('Escape');

  await zone.fill('Berl');
  const berlin = app.getByRole('option', { name: /Europe\/Berlin/ });
  await expect(berlin).toBeVisible();
  await expect(app.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await lookInBothThemes(app, 'series-dialog-zone-search', testInfo, { sizes: screenSizes });
  await berlin.click();
  await expect(zone).toHaveValue('Europe/Berlin');
  await lookInBothThemes(app, 'series-dialog', testInfo, { sizes: screenSizes });

  // Words in any order, spaces for underscores: "york new" finds America/New_York; nonsense finds nothing.
  await zone.fill('york new');
  await expect(app.getByRole('option', { name: /America\/New_York/ })).toBeVisible();
  await zone.fill('Atlantis');
  await expect(app.getByText('No time zone matches; try a city such as Berlin or New York')).toBeVisible();
  await app.keyboard.press('Escape');
  await dialog.getByRole('textbox', { name: 'Time' }).click();
  await expect(zone).toHaveValue('Europe/Berlin');

  await dialog.getByRole('button', { name: 'Create series' }).click();
  await expect(dialog).toBeHidden();

  await goTo(app, 'People');
  await app.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await app.getByRole('button', { name: 'Add to calendar (.ics): 1:1 with Alex Rivera' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved 1-1-alex-rivera.ics' })).toBeVisible();
  const parsed = parseSeriesIcs(await readFile(path.join(main.exportDir, '1-1-alex-rivera.ics'), 'utf8'), 2);
  expect(parsed.tzid).toBe('Europe/Berlin');
  expect(parsed.organizer).toMatchObject({ address: 'mailto:maya@example.com' });
  expect(parsed.attendees).toEqual([
    { address: 'mailto:alex@example.com', cn: 'Alex Rivera', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' },
    { address: 'mailto:maya@example.com', cn: 'Maya Okafor', role: 'CHAIR', partstat: 'ACCEPTED' },
  ]);
});
