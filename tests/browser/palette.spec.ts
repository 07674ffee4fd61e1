import { isoDay } from './dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { MeetingPage } from './pages/meeting';
import { createSeries } from './pages/one-on-ones';
import { Palette, ShortcutsOverlay } from './pages/palette';
import { addPerson } from './pages/people';
import { PersonPage } from './pages/person';

test('palette: go to a person by name, accents and case folded', async ({ app }, testInfo) => {
  await addPerson(app, 'Zoë Martínez');
  await addPerson(app, 'Alex Rivera');
  const palette = await Palette.open(app);
  await expect(palette.option('Start a 1:1 with…')).toBeVisible();
  await lookInBothThemes(app, 'palette', testInfo, { sizes: screenSizes });
  await palette.type('zoe mart');
  await expect(palette.option(/Zoë Martínez/)).toBeVisible();
  await expect(palette.option(/Alex Rivera/)).toHaveCount(0);
  await app.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  await PersonPage.expect(app, 'Zoë Martínez');
});

test('palette: start a 1:1 with someone by keyboard only', async ({ app }) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const palette = await Palette.open(app);
  await palette.type('start');
  await palette.chooseByKeyboard('Start a 1:1 with…');
  await expect(palette.input).toHaveAccessibleName('Start a 1:1 with');
  await palette.type('alex');
  await palette.chooseByKeyboard(/Alex Rivera/);
  const meeting = new MeetingPage(app);
  await expect(meeting.heading('1:1 with Alex Rivera')).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: '1:1 with Alex Rivera' })).toBeVisible();
});

test('palette: queue a talking point for the next 1:1 by keyboard only, and go back a step', async ({ app }, testInfo) => {
  // A long flow (screenshots in both themes at two sizes, a reload): more time than one step needs.
  test.slow();
  await addPerson(app, 'Alex Rivera');
  await addPerson(app, 'Sam Okafor');
  // The single-key shortcut Q opens the palette at "Queue a talking point for…".
  await app.getByRole('heading', { level: 1 }).click();
  await app.keyboard.press('q');
  const palette = new Palette(app);
  await expect(palette.input).toHaveAccessibleName('Queue a talking point for');
  await palette.type('sam');
  await app.keyboard.press('Enter');
  await expect(palette.input).toHaveAccessibleName('Talking point');
  // Backspace in the empty box goes back to the person.
  await app.keyboard.press('Backspace');
  await expect(palette.input).toHaveAccessibleName('Queue a talking point for');
  await palette.type('alex');
  await app.keyboard.press('Enter');
  await palette.type('Conference budget for next year');
  await expect(palette.selected).toContainText('Conference budget for next year');
  await lookInBothThemes(app, 'palette-queue-point', testInfo, { sizes: screenSizes });
  await app.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Queued for your next 1:1 with Alex Rivera' })).toBeVisible();

  await app.keyboard.press('g');
  await app.keyboard.press('p');
  await expect(app.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  const again = await Palette.open(app);
  await again.type('alex');
  await app.keyboard.press('Enter');
  const person = await PersonPage.expect(app, 'Alex Rivera');
  await expect(person.queued).toContainText('Conference budget for next year');
});

test('the shortcut overlay lists the shortcuts, and they work', async ({ app }, testInfo) => {
  await app.getByRole('heading', { level: 1, name: 'Today' }).click();
  const overlay = await ShortcutsOverlay.open(app);
  await expect(overlay.row('Open the command palette')).toBeVisible();
  await expect(overlay.row('Go to People')).toBeVisible();
  await expect(overlay.row('Queue a talking point for…')).toBeVisible();
  await lookInBothThemes(app, 'shortcuts-overlay', testInfo, { sizes: screenSizes });
  await app.keyboard.press('Escape');
  await expect(overlay.dialog).toBeHidden();

  await app.keyboard.press('g');
  await app.keyboard.press('l');
  await expect(app.getByRole('heading', { level: 1, name: 'Ladders' })).toBeVisible();
  await app.keyboard.press('g');
  await app.keyboard.press('t');
  await expect(app.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  // From the palette too.
  const palette = await Palette.open(app);
  await palette.type('shortcuts');
  await app.keyboard.press('Enter');
  await expect(overlay.dialog).toBeVisible();
});

test('single-key shortcuts leave typing alone', async ({ app }) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: isoDay(0) });
  const palette = new Palette(app);
  const person = await (await Palette.open(app)).type('alex').then(async () => {
    await app.keyboard.press('Enter');
    return PersonPage.expect(app, 'Alex Rivera');
  });
  await person.queueField.click();
  await app.keyboard.type('quick gp?');
  await expect(person.queueField).toHaveValue('quick gp?');
  await expect(palette.dialog).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: 'Alex Rivera' })).toBeVisible();
});
