import { isoDay } from './dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { boxOf, expectApart, expectInsideWindow, widthInCharacters } from './pages/geometry';
import { MeetingPage } from './pages/meeting';
import { createSeries, OneOnOnesPage, startMeeting } from './pages/one-on-ones';
import { addPerson, PeoplePage } from './pages/people';
import { PrepPage } from './pages/prep';

/** Sixty characters: the name a layout has to survive. */
const longName = 'Alexandrina Wilhelmina Featherstonehaugh-Montgomery Okafor-N';
const longPoint = 'Team offsite location, and what we should do about the travel budget for it this year';
const longAction = 'Draft the billing proposal for the platform team and send it round';

test.beforeEach(async ({ app }) => {
  expect(longName).toHaveLength(60);
  await addPerson(app, longName);
  await createSeries(app, longName, { startDate: isoDay(-7) });
  const meeting = await startMeeting(app, longName, isoDay(-7));
  await meeting.addAgendaPoint(longPoint);
  await meeting.addAction(longAction, longName);
  await meeting.addAction('Ask finance', 'Me', isoDay(3));
});

test('a meeting with a long name keeps Delete in the window and its fields apart', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  const meeting = new MeetingPage(app);
  for (const [width, height] of screenSizes) {
    await app.setViewportSize({ width, height });
    await expectInsideWindow(app, meeting.deleteButton);
    await expectInsideWindow(app, app.getByRole('link', { name: `${longName}’s page` }));
    // A checkbox whose label wraps keeps its square.
    const box = await boxOf(meeting.checkboxBox(longPoint));
    expect(box.width).toBeCloseTo(16, 0);
    expect(box.height).toBeCloseTo(16, 0);
    await expectApart(meeting.raisedBy, meeting.addPointButton);
    await expectApart(meeting.owner, meeting.due);
    await expectApart(meeting.newPoint, meeting.raisedBy);
  }
  await app.setViewportSize({ width: 1280, height: 800 });
  await lookInBothThemes(app, 'layout-meeting', testInfo, { sizes: screenSizes });
});

test('the prep view gives an open action item room to read', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  await app.getByRole('link', { name: 'Prep view' }).click();
  const prep = new PrepPage(app);
  await expect(prep.heading(`Prep: 1:1 with ${longName}`)).toBeVisible();
  for (const [width, height] of screenSizes) {
    await app.setViewportSize({ width, height });
    // "Draf / t the / billi / ng" was about four characters a line.
    expect(await widthInCharacters(prep.actionText(longAction))).toBeGreaterThanOrEqual(24);
    const box = await boxOf(prep.actionText(longAction).locator('.checkbox__box'));
    expect(box.width).toBeCloseTo(16, 0);
  }
  await app.setViewportSize({ width: 1280, height: 800 });
  await lookInBothThemes(app, 'layout-prep', testInfo, { sizes: screenSizes });
});

test('the actions cell of People and 1:1s rows is as tall as its row', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  const people = await PeoplePage.open(app);
  for (const [width, height] of screenSizes) {
    await app.setViewportSize({ width, height });
    const row = await boxOf(people.row(longName));
    const cell = await boxOf(people.row(longName).getByRole('cell').last());
    expect(Math.abs(cell.height - row.height)).toBeLessThanOrEqual(1);
  }
  await lookInBothThemes(app, 'layout-people', testInfo, { sizes: screenSizes });
  const oneOnOnes = await OneOnOnesPage.open(app);
  for (const [width, height] of screenSizes) {
    await app.setViewportSize({ width, height });
    const row = await boxOf(oneOnOnes.seriesRow(longName));
    const cell = await boxOf(oneOnOnes.seriesRow(longName).getByRole('cell').last());
    expect(Math.abs(cell.height - row.height)).toBeLessThanOrEqual(1);
    await expectInsideWindow(app, oneOnOnes.seriesRow(longName).getByRole('button', { name: /^Edit series/ }));
  }
  await lookInBothThemes(app, 'layout-one-on-ones', testInfo, { sizes: screenSizes });
});
