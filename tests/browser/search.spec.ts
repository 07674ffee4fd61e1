import { isoDay } from './dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { Palette } from './pages/palette';
import { addPerson } from './pages/people';

test('search finds a phrase of a private note, highlighted, and opens the meeting at it', async ({ app }, testInfo) => {
  // A long flow (screenshots in both themes at two sizes, a reload): more time than one step needs.
  test.slow();
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: isoDay(-7) });
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(-7));
  const filler = Array.from({ length: 40 }, (_, i) => `Line ${i + 1}: weekly status, nothing of note.`).join('\n');
  await meeting.writeNotes({ shared: 'Roadmap for the quarter agreed.', private: `${filler}\nWorried about the Équipe reorganisation and burnout.` });
  await meeting.addAction('Book the offsite venue', 'Alex Rivera');
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();

  // Accents and case folded: "equipe" finds "Équipe"; a prefix finds the word being typed.
  const palette = await Palette.openSearch(app);
  await palette.type('equipe reorg');
  const notes = palette.group('Meeting notes');
  const hit = notes.getByRole('option').first();
  await expect(hit).toContainText('Private note');
  await expect(hit).toContainText('with Alex Rivera');
  await expect(palette.marks.filter({ hasText: 'Équipe' })).toBeVisible();
  await expect(palette.marks.filter({ hasText: 'reorganisation' })).toBeVisible();
  await lookInBothThemes(app, 'search-private-note', testInfo, { sizes: screenSizes });

  await palette.chooseByKeyboard(/Private note/);
  await expect(meeting.heading('1:1 with Alex Rivera')).toBeVisible();
  // The private notes have the focus, with the match selected.
  await expect(meeting.privateNotes).toBeFocused();
  const selected = await meeting.privateNotes.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe('Équipe');

  // After a reload the worker indexes the database again (in memory only) and finds it.
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: '1:1 with Alex Rivera' })).toBeVisible();
  const again = await Palette.open(app);
  await again.type('burnout');
  await expect(again.group('Meeting notes').getByRole('option', { name: /Private note/ })).toBeVisible();
});

test('search finds action items and ladder criteria, and follows changes as they happen', async ({ app }) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await meeting.addAction('Book the offsite venue', 'Alex Rivera');

  const palette = await Palette.open(app);
  await palette.type('offsite');
  await expect(palette.group('Action items').getByRole('option', { name: /Book the offsite venue/ })).toBeVisible();
  await expect(palette.marks.filter({ hasText: 'offsite' })).toBeVisible();
  await palette.close();

  // A change made now is found at once: the index follows the database.
  await meeting.addAction('Renew the xylophone licence', 'Me');
  const again = await Palette.open(app);
  await again.type('xylophone');
  await expect(again.group('Action items').getByRole('option', { name: /Renew the xylophone licence/ })).toBeVisible();
  await again.close();

  // Deleting it takes it out.
  await meeting.deleteAction('Renew the xylophone licence');
  const gone = await Palette.open(app);
  await gone.type('xylophone');
  await expect(gone.dialog.getByText('Nothing found for “xylophone”.')).toBeVisible();
  await gone.close();

  // Ladder criteria (the shipped ladders), with a typo forgiven.
  const ladders = await Palette.open(app);
  await ladders.type('mentorng');
  const criteria = ladders.group(/Ladder criteria/);
  await expect(criteria.getByRole('option').first()).toBeVisible();
  await expect(criteria.locator('mark').first()).toBeVisible();
  // Opening one shows its cell on the Ladders screen.
  await ladders.chooseByKeyboard(/Mentoring/);
  await expect(app.getByRole('heading', { level: 1, name: 'Ladders' })).toBeVisible();
  const cell = app.getByRole('dialog', { name: /Mentoring/ });
  await expect(cell).toBeVisible();
  await cell.press('Escape');
  await expect(cell).toBeHidden();
});
