import { expect, test } from './fixtures';
import { goTo } from './pages/nav';

test('once the first screen is up, every screen is ready to open without fetching its code', async ({ app }) => {
  await expect(app.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  // Screens and their parts are fetched one by one in the background: wait until no new script
  // has been fetched for a while (the GoalPage screen is among the last).
  const scripts = () =>
    app.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.js(\?|$)/.test(e.name))
        .map((e) => e.name),
    );
  let before = -1;
  await expect
    .poll(
      async () => {
        const now = await scripts();
        const settled = now.length === before && now.some((n) => /\/GoalPage-[^/]*\.js$/.test(n));
        before = now.length;
        return settled;
      },
      { intervals: [3_000], timeout: 90_000 },
    )
    .toBe(true);
  // From here on no script can be fetched: each screen must draw from the code already loaded.
  const refused: string[] = [];
  await app.route(/\.js(\?|$)/, (route) => {
    refused.push(route.request().url());
    return route.abort();
  });
  for (const section of ['People', '1:1s', 'Ladders', 'Growth', 'Feedback', 'Packets', 'Calibration', 'Settings'] as const) {
    await goTo(app, section);
    await expect(app.locator('main .loading')).toHaveCount(0);
  }
  expect(refused).toEqual([]);
});
