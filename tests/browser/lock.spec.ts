import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { unzipSync } from 'fflate';

import { isoDay } from './dates';
import { connectApp, expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { tick } from './pages/controls';
import { SampleTeam } from './pages/first-run';
import { LockScreen, LockSettings, readIndexedDb } from './pages/lock';
import { MeetingPage } from './pages/meeting';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { Palette } from './pages/palette';
import { addPerson } from './pages/people';

const CANARY = 'CANARY-9c41';
const PASSPHRASE = 'correct horse battery staple';

/** A meeting whose private notes, shared notes, agenda and action items all carry the canary; returns its URL. */
async function meetingWithCanary(app: Parameters<typeof addPerson>[0]) {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: isoDay(0) });
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await meeting.addAgendaPoint(`Agenda ${CANARY}`);
  await meeting.addAction(`Action ${CANARY}`, 'Me');
  await meeting.sharedNotes.fill(`Shared ${CANARY}`);
  await meeting.privateNotes.fill(`Private ${CANARY}: thinking about a move to the platform team`);
  await expect(meeting.saved).toBeVisible();
  return { meeting, url: app.url() };
}

test('turn on the lock: the notes are encrypted at rest, the lock screen asks at start, a wrong passphrase changes nothing', async ({ app }) => {
  // Three Argon2id derivations (64 MiB each) on a shared machine.
  test.slow();
  const { url } = await meetingWithCanary(app);
  expect(await readIndexedDb(app)).toContain(CANARY);

  const lock = await LockSettings.open(app);
  const { key } = await lock.turnOn(PASSPHRASE, { encrypt: /All note text/ });
  expect(key).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
  await lock.closeRecoveryKey();
  await expect(lock.section).toContainText('On. Trellis encrypts all note text');

  // Read straight from IndexedDB: no protected text anywhere, the names and dates still there.
  const stored = await readIndexedDb(app);
  expect(stored).not.toContain(CANARY);
  expect(stored).toContain('Alex Rivera');

  await app.goto(url);
  await app.reload();
  await expect(LockScreen.heading(app)).toBeVisible();
  await expect(app.getByText(CANARY)).toHaveCount(0);

  const form = await LockScreen.unlock(app, 'correct horse battery stapler');
  await expect(form.getByText('That passphrase is not right. Nothing was changed; try again.')).toBeVisible();
  expect(await readIndexedDb(app)).toBe(stored);

  await LockScreen.unlock(app, PASSPHRASE);
  const meeting = new MeetingPage(app);
  await expect(meeting.heading('1:1 with Alex Rivera')).toBeVisible();
  await expect(meeting.privateNotes).toHaveValue(`Private ${CANARY}: thinking about a move to the platform team`);
  await expect(meeting.sharedNotes).toHaveValue(`Shared ${CANARY}`);
  await expect(meeting.item(`Agenda ${CANARY}`)).toBeVisible();

  // Typing while unlocked is stored encrypted too.
  await meeting.privateNotes.fill(`Edited ${CANARY} after unlocking`);
  await expect(meeting.saved).toBeVisible();
  expect(await readIndexedDb(app)).not.toContain(CANARY);
});

test('the lock screen and the lock settings, light and dark', async ({ app }, testInfo) => {
  // Many screenshots, each checked with axe, and two Argon2id derivations.
  test.slow();
  const lock = await LockSettings.open(app);
  await lookInBothThemes(app, 'lock-settings-off', testInfo);
  await lock.turnOn(PASSPHRASE, { look: () => lookInBothThemes(app, 'lock-turn-on', testInfo) });
  await lookInBothThemes(app, 'lock-recovery-key', testInfo, { sizes: screenSizes });
  await lock.closeRecoveryKey();
  await lock.section.getByText('What the lock protects, and what it does not').click();
  await lookInBothThemes(app, 'lock-settings-on', testInfo, { sizes: screenSizes });
  await app.reload();
  await expect(LockScreen.heading(app)).toBeVisible();
  await lookInBothThemes(app, 'lock-screen', testInfo, { sizes: screenSizes });
  const form = await LockScreen.unlock(app, 'not the passphrase');
  await expect(form.getByText(/That passphrase is not right/)).toBeVisible();
  await lookInBothThemes(app, 'lock-screen-wrong', testInfo);
});

test('change the passphrase, lock now, and recover with the recovery key', async ({ app }) => {
  // Seven Argon2id derivations (64 MiB each) on a shared machine.
  test.slow();
  const { url } = await meetingWithCanary(app);
  const lock = await LockSettings.open(app);
  const { key } = await lock.turnOn(PASSPHRASE);
  await lock.closeRecoveryKey();
  const before = JSON.parse(await readIndexedDb(app)) as Record<string, unknown>;

  const wrong = await lock.changePassphrase('not my passphrase', 'a brand new passphrase');
  await expect(wrong.getByText('That passphrase is not right.')).toBeVisible();
  await wrong.getByRole('button', { name: 'Cancel' }).click();
  const dialog = await lock.changePassphrase(PASSPHRASE, 'a brand new passphrase');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status')).toContainText('Passphrase changed');
  // Only the key ring changed: every record is stored exactly as before.
  const after = JSON.parse(await readIndexedDb(app)) as Record<string, unknown>;
  expect({ ...after, keyring: null }).toEqual({ ...before, keyring: null });

  await lock.lockNow();
  await expect(await LockScreen.unlock(app, PASSPHRASE).then((f) => f.getByText(/not right/))).toBeVisible();
  await LockScreen.unlock(app, 'a brand new passphrase');
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // Forgotten passphrase: the recovery key opens it, sets a new one, and shows a new recovery key once.
  await (await LockSettings.open(app)).lockNow();
  const form = await LockScreen.recover(app, '00000-00000-00000-00000-00000-00000-00000-00000', 'third passphrase here');
  await expect(form.getByText(/That recovery key is not right/)).toBeVisible();
  await form.getByLabel('Recovery key').fill(key.toLowerCase());
  await form.getByRole('button', { name: 'Unlock and set passphrase' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Your new recovery key' })).toBeVisible();
  await tick(app, 'I have printed or written down my recovery key');
  await app.getByRole('button', { name: 'Done' }).click();
  await app.goto(url);
  await expect(new MeetingPage(app).privateNotes).toHaveValue(`Private ${CANARY}: thinking about a move to the platform team`);
  // The new passphrase is the one from now on.
  await app.reload();
  await LockScreen.unlock(app, 'third passphrase here');
  await expect(new MeetingPage(app).privateNotes).toHaveValue(`Private ${CANARY}: thinking about a move to the platform team`);
});

test('a backup of a locked database stays encrypted, and restoring it asks for its passphrase', async ({ app, main }) => {
  const { url } = await meetingWithCanary(app);
  const lock = await LockSettings.open(app);
  await lock.turnOn(PASSPHRASE, { encrypt: 'Private notes only' });
  await lock.closeRecoveryKey();

  await app.getByRole('button', { name: 'Export backup…' }).click();
  await expect(app.getByRole('status')).toContainText('Backup saved');
  const file = main.savePaths[0]!;
  // The file, read directly: the private note is nowhere in it, the manifest says the lock is on.
  const bytes = await readFile(file);
  expect(bytes.includes(CANARY)).toBe(false);
  const parts = unzipSync(new Uint8Array(bytes));
  const database = new TextDecoder().decode(parts['database.json']);
  expect(database).not.toContain('Private CANARY');
  expect(database).toContain(`Shared ${CANARY}`); // "private notes only": shared notes stay readable
  expect(JSON.parse(new TextDecoder().decode(parts['manifest.json'])).lock).toEqual({ enabled: true });

  // Change the note after the backup, then restore it.
  await app.goto(url);
  const meeting = new MeetingPage(app);
  await meeting.privateNotes.fill('Written after the backup');
  await expect(meeting.saved).toBeVisible();
  await LockSettings.open(app);
  main.chooseOpenAnswers.push(file);
  await app.getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('Passphrase lock on: after restoring, Trellis asks for the passphrase this backup was made with');
  await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await app.getByRole('dialog', { name: 'Backup restored' }).getByRole('button', { name: 'Reload Trellis' }).click();

  await expect(LockScreen.heading(app)).toBeVisible();
  await LockScreen.unlock(app, PASSPHRASE);
  await app.goto(url);
  await expect(new MeetingPage(app).privateNotes).toHaveValue(`Private ${CANARY}: thinking about a move to the platform team`);
  expect(await readIndexedDb(app)).not.toContain('Private CANARY');
});

/** What the unsaved-typing journal (renderer/app/unsaved.ts) holds in localStorage. */
const journal = (app: Parameters<typeof addPerson>[0]) =>
  app.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('trellis.unsaved:'))
      .map((k) => localStorage.getItem(k))
      .join('\n'),
  );

test('with the lock on, search finds encrypted notes only while unlocked, and unsaved typing is not kept in the clear', async ({ app }) => {
  // Two Argon2id derivations and two index builds.
  test.slow();
  const { url } = await meetingWithCanary(app);
  const lock = await LockSettings.open(app);
  await expect(lock.section).toContainText('index is built in memory from the decrypted notes, is never written to disk');
  await lock.turnOn(PASSPHRASE, { encrypt: /All note text/ });
  await lock.closeRecoveryKey();

  // Right after turning it on, in the same session: the index is built again with the key.
  const palette = await Palette.open(app);
  await palette.type('platform team');
  await expect(palette.group('Meeting notes').getByRole('option', { name: /Private note/ })).toBeVisible();
  await palette.close();

  // Typing still inside the autosave delay when the page goes away is not written to localStorage.
  await app.goto(url);
  const meeting = new MeetingPage(app);
  await meeting.privateNotes.fill(`Unsaved ${CANARY} typed right before leaving`);
  await app.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect(await journal(app)).not.toContain(CANARY);
  await expect(meeting.saved).toBeVisible();

  // Locked: no search worker runs (its index held the decrypted text), and nothing protected is on screen.
  await (await LockSettings.open(app)).lockNow();
  await expect.poll(() => app.workers().filter((w) => /search/.test(w.url())).length).toBe(0);
  await expect(app.getByRole('button', { name: /^Search/ })).toHaveCount(0);

  // Unlocked again: the index is built again, in memory, and finds what was typed.
  await LockScreen.unlock(app, PASSPHRASE);
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const again = await Palette.open(app);
  await again.type('typed right before leaving');
  await expect(again.group('Meeting notes').getByRole('option', { name: /Private note/ })).toBeVisible();
  expect(await readIndexedDb(app)).not.toContain(CANARY);
  expect(await journal(app)).not.toContain(CANARY);
});

test('the sample team is never locked, and Settings say the lock and backups belong to your own data', async ({ app }) => {
  test.slow();
  await meetingWithCanary(app);
  const lock = await LockSettings.open(app);
  await lock.turnOn(PASSPHRASE);
  await lock.closeRecoveryKey();
  await app.getByRole('region', { name: 'Sample team' }).getByRole('button', { name: 'Try with a sample team' }).click();
  const sample = new SampleTeam(app);
  await sample.expectOpen();
  // The sample opens without the passphrase: it is made up, in a database of its own, never encrypted.
  await expect(LockScreen.heading(app)).toHaveCount(0);
  const inSample = await LockSettings.open(app);
  await expect(inSample.section).toContainText('The passphrase lock protects your own data, not the sample team');
  await expect(inSample.section.getByRole('button')).toHaveCount(0);
  expect(await readIndexedDb(app, 'trellis-sample')).not.toContain('"$lock"');
  // Backups are of the user's own data: neither made from nor restored into the sample.
  await expect(app.getByRole('note').filter({ hasText: 'You are trying the sample team. Backups hold your own data' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Export backup…' })).toBeDisabled();
  await expect(app.getByRole('button', { name: 'Restore from backup…' })).toBeDisabled();
  // The user's own data stays encrypted meanwhile, and asks for its passphrase on the way back.
  expect(await readIndexedDb(app)).not.toContain('thinking about a move');
  await sample.banner.getByRole('button', { name: 'Leave the sample' }).click();
  await app.getByRole('dialog', { name: 'Leave the sample team?' }).getByRole('button', { name: 'Leave and remove the sample' }).click();
  await expect(LockScreen.heading(app)).toBeVisible();
  await LockScreen.unlock(app, PASSPHRASE);
  await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
});

test('remember on this device: Trellis opens without the passphrase when it starts, Lock now still asks, and a keyring that is no protection is refused', async ({
  app,
  main,
  server,
  context,
}, testInfo) => {
  // Four Argon2id derivations (64 MiB each) on a shared machine.
  test.slow();
  const { url } = await meetingWithCanary(app);
  const lock = await LockSettings.open(app);
  await lock.turnOn(PASSPHRASE);
  await lock.closeRecoveryKey();
  await expect(lock.remembered).toContainText('Not remembered');

  const wrong = await lock.rememberOnDevice('not my passphrase at all');
  await expect(wrong.getByText('That passphrase is not right.')).toBeVisible();
  await lookInBothThemes(app, 'lock-remember-dialog', testInfo, { sizes: screenSizes });
  await wrong.getByRole('button', { name: 'Cancel' }).click();
  const dialog = await lock.rememberOnDevice(PASSPHRASE);
  await expect(dialog).toBeHidden();
  await expect(lock.remembered).toContainText('Remembered with the GNOME keyring (libsecret)');
  await lock.remembered.scrollIntoViewIfNeeded();
  await lookInBothThemes(app, 'lock-settings-remembered', testInfo, { sizes: screenSizes });
  // Main keeps the secret sealed by the keychain: the database holds only the wrapping.
  const kept = await readFile(path.join(main.dataDir, 'device-keys.json'), 'utf8');
  expect(Object.keys((JSON.parse(kept) as { keys: object }).keys)).toHaveLength(1);
  expect(await readIndexedDb(app)).not.toContain(`Private ${CANARY}`);

  // Trellis started again (a new window: nothing of the last one's memory): open at once.
  await app.close();
  const again = await context.newPage();
  let disconnect = await connectApp(again, server, main);
  await again.goto(url.replace(/^.*?\/\/[^/]+/, server.origin));
  await expect(new MeetingPage(again).privateNotes).toHaveValue(`Private ${CANARY}: thinking about a move to the platform team`);
  await expect(LockScreen.heading(again)).toHaveCount(0);

  // Locking means asking: after Lock now, and after the reload it does, the passphrase is needed.
  await (await LockSettings.open(again)).lockNow();
  await again.reload();
  await expect(LockScreen.heading(again)).toBeVisible();
  await LockScreen.unlock(again, PASSPHRASE);
  await expect(again.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  disconnect();

  // The desktop now has no keyring (Electron falls back to basic_text): the key is not used, and the lock screen says why.
  main.keychain.backend = 'basic_text';
  await again.close();
  const third = await context.newPage();
  disconnect = await connectApp(third, server, main);
  await expect(LockScreen.heading(third)).toBeVisible();
  await expect(third.getByRole('status').filter({ hasText: 'could not use the key remembered on this device' })).toContainText('basic_text');
  await LockScreen.unlock(third, PASSPHRASE);
  const settings = await LockSettings.open(third);
  await settings.remembered.getByRole('button', { name: 'Forget on this device' }).click();
  await expect(settings.remembered).toContainText('Not remembered');
  expect(JSON.parse(await readFile(path.join(main.dataDir, 'device-keys.json'), 'utf8'))).toEqual({ format: 1, keys: {} });
  const refused = await settings.openRemember();
  await expect(refused.getByRole('alert')).toContainText('Trellis will not remember the key on this computer');
  await expect(refused.getByRole('alert')).toContainText('basic_text');
  await expect(refused.getByLabel('Passphrase')).toHaveCount(0);
  await lookInBothThemes(third, 'lock-remember-refused', testInfo, { sizes: screenSizes });
  await refused.getByRole('button', { name: 'Close' }).click();
  disconnect();
});
