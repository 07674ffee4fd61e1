import { expect, test } from './fixtures';
import { addPerson } from './pages/people';

/**
 * Layout shifts (the Layout Instability API) not caused by the user's own input, summed from the
 * start of the page: a card that appears after the first paint and pushes others down counts.
 */
const watchShifts = `(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push({ value: entry.value, at: entry.startTime });
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

test('a person page opened straight after a start is drawn whole: no card moves once it is up', async ({ app, context }) => {
  await addPerson(app, 'Maya Okafor');
  const people = await addPerson(app, 'Alex Rivera');
  const alex = await people.openPerson('Alex Rivera');
  const url = app.url();
  await expect(alex.relationships).toBeVisible();

  // A fresh start on the person page, before the code of the other screens has been fetched ahead.
  await context.addInitScript({ content: watchShifts });
  await app.goto('about:blank');
  await app.goto(url);
  await expect(app.getByRole('heading', { level: 1, name: 'Alex Rivera' })).toBeVisible();
  const before = await alex.relationships.boundingBox();
  await expect(app.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Queue a talking point for the next 1:1' })).toBeVisible();
  // Room for anything late to arrive: two animation frames after the page is idle.
  await app.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  expect(await alex.relationships.boundingBox()).toEqual(before);
  const shifts = await app.evaluate(() => (window as unknown as { __shifts: { value: number }[] }).__shifts);
  expect(shifts.reduce((sum, s) => sum + s.value, 0)).toBeLessThan(0.01);

  // And a click aimed at the card's button lands on it.
  await alex.addRelationship('Maya Okafor', 'Mentor of Alex');
  await expect(alex.relationshipList()).toContainText('Mentor: Maya Okafor');
});
