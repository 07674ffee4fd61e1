import { isoDay } from './dates';
import { expect, test } from './fixtures';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { addPerson } from './pages/people';

/** A meeting open with the notes editor showing. */
async function openMeeting(app: Parameters<typeof addPerson>[0]) {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: isoDay(0) });
  await startMeeting(app, 'Alex Rivera', isoDay(0));
}

test('notes typed right before a reload are saved', async ({ app }) => {
  await openMeeting(app);
  const privateNotes = app.getByRole('textbox', { name: 'Private notes' });
  // Type and reload at once, well inside the autosave delay: no "Saved" has been shown yet.
  await privateNotes.fill('Said in the last second before Ctrl+R');
  await app.reload();
  await expect(app.getByRole('textbox', { name: 'Private notes' })).toHaveValue('Said in the last second before Ctrl+R');
});

test('main’s flush request (before a close or quit) saves pending notes and is answered', async ({ app, main }) => {
  await openMeeting(app);
  await app.getByRole('textbox', { name: 'Shared notes' }).fill('Typed just before the window closed');
  expect(await main.requestFlush()).toBe('flushed');
  await expect(app.getByRole('status', { name: 'Notes: Saved' })).toBeVisible();
  await app.reload();
  await expect(app.getByRole('textbox', { name: 'Shared notes' })).toHaveValue('Typed just before the window closed');
});
