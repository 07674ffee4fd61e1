import { isoDay } from './dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { addPerson, PeoplePage } from './pages/people';

test('the timeline says which meeting each row is, names owners and shows done items as done', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  const day = isoDay(-7);
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: day });
  const meeting = await startMeeting(app, 'Alex Rivera', day);
  await meeting.addAction('Draft the rota', 'Alex Rivera');
  await meeting.addAction('Book the offsite', 'Me');
  await meeting.tick('Book the offsite');

  const person = await (await PeoplePage.open(app)).openPerson('Alex Rivera');
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const medium = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d));
  await expect(person.timeline.getByRole('link', { name: `1:1 on ${medium}` })).toBeVisible();
  await expect(person.timelineEntry('Draft the rota')).toContainText('Alex Rivera · open');
  await expect(person.timelineEntry('Book the offsite')).toContainText('You · done');
  const done = person.timelineEntry('Book the offsite').getByRole('link', { name: 'Book the offsite' });
  await expect(done).toHaveCSS('text-decoration-line', 'line-through');
  await expect(person.timelineEntry('Draft the rota').getByRole('link', { name: 'Draft the rota' })).not.toHaveCSS('text-decoration-line', 'line-through');
  await person.timelineRegion.scrollIntoViewIfNeeded();
  await lookInBothThemes(app, 'person-timeline', testInfo, { sizes: screenSizes });
});
