import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { recoverSettingsFile, recoveryNotice } from '../../electron/services/settings-file';
import { expect, lookInBothThemes, test } from './fixtures';

test('a damaged settings file: the window opens with defaults and the user is told once', async ({ app, main }, testInfo) => {
  // The page the fixture opened asks for notices once; wait for that, or it could take this one.
  await expect.poll(() => main.answered.includes('app:notices')).toBe(true);
  // What main.ts does at start-up, before the settings store opens the file.
  const file = path.join(main.dataDir, 'settings.json');
  await writeFile(file, '{"settings": {"theme": "dark", ');
  const recovery = recoverSettingsFile(file);
  expect(recovery).not.toBeNull();
  main.notices.push(recoveryNotice(recovery!));
  expect((await readdir(main.dataDir)).filter((n) => n.startsWith('settings.corrupt-'))).toHaveLength(1);

  await app.setViewportSize({ width: 1024, height: 640 });
  await app.reload();
  const notice = app.getByRole('alert').filter({ hasText: 'Your settings were reset' });
  await expect(notice).toContainText('it is not valid JSON');
  await expect(notice).toContainText(recovery!.movedTo);
  // With the settings gone, Trellis asks again who is using it (the notice says why).
  await expect(app.getByRole('heading', { level: 1, name: 'Welcome to Trellis' })).toBeVisible();
  await lookInBothThemes(app, 'settings-reset-notice', testInfo);

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  // Told once: not again after a reload.
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Welcome to Trellis' })).toBeVisible();
  await expect(app.getByText('Your settings were reset')).toHaveCount(0);
});
