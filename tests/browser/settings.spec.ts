import { channels, events, methodName, subscriberName } from '../../shared/ipc/channels';
import { call } from '../support/main-context';
import { expect, lookInBothThemes, test } from './fixtures';
import { goTo } from './pages/nav';
import { SettingsPage } from './pages/settings';

test('settings read and write through the real main handlers', async ({ app, main }, testInfo) => {
  const settings = await SettingsPage.open(app);
  await expect(app.getByText(main.dataDir, { exact: true })).toBeVisible();
  await settings.chooseTheme('Dark');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.getByRole('status')).toContainText('Saved');
  expect(main.store.get('settings')).toMatchObject({ theme: 'dark' });
  await lookInBothThemes(app, 'settings-theme-dark', testInfo);

  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await goTo(app, 'People');
  await lookInBothThemes(app, 'people-empty-theme-dark', testInfo);
});

test('a malformed call from the page is refused with a code and message, not a crash', async ({ app, main }) => {
  const answer = await app.evaluate(() =>
    (window as unknown as { trellis: { settingsSet: (x: unknown) => Promise<unknown> } }).trellis.settingsSet({ theme: 'purple', extra: 1 }),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  // Stored settings are as the fixture left them (past the welcome): nothing written.
  expect(main.store.get('settings')).toEqual({ userRole: 'manager' });
  const keys = await app.evaluate(() => Object.keys((window as unknown as { trellis: object }).trellis).sort());
  // One function per contract channel and event, nothing else.
  expect(keys).toEqual([...channels.map(methodName), ...events.map(subscriberName)].sort());
  expect(keys).toContain('settingsSet');
});

test('a theme changed elsewhere (another window) reaches this page as a main event', async ({ app, main }) => {
  await expect(app.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(app.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  const answer = await call(main, 'settings:set', { theme: 'light' });
  expect(answer).toMatchObject({ ok: true, value: { theme: 'light' } });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(main.emitted.map((e) => e.event)).toEqual(['settings:changed']);
});
