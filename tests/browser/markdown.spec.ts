import { isoDay } from './dates';
import { expect, lookInBothThemes, test } from './fixtures';
import { readUserFile, seedLadders, writeUserFile } from './ladders-support';
import { LaddersPage } from './pages/ladders';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { addPerson } from './pages/people';

/** HTML someone might paste into notes from a web page, or commit into a shared ladder file. */
const pasted = [
  '<div style="position:fixed;inset:0;z-index:50;background:crimson" class="modal-overlay" id="main-content">Covered the window</div>',
  '',
  '![Team photo](https://images.example.com/team.png)',
  '',
  '<form action="https://collect.example/"><input name="password" value="hunter2"><button>Send</button></form>',
  '',
  'Read [the guide](https://example.com/guide) first.',
].join('\n');

test('pasted HTML in notes cannot restyle the window; a remote image is a visible placeholder; links go to main', async ({ app, main }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await meeting.writeNotes({ shared: pasted });
  const preview = await meeting.preview('Shared notes');

  await expect(preview).toContainText('Covered the window');
  await expect(preview.getByText('Remote image not loaded: Team photo (images.example.com)')).toBeVisible();
  await expect(preview.locator('[style], [class]:not(.markdown__image-missing), [id], img, form, input, button')).toHaveCount(0);
  // The window is not covered: the navigation still takes clicks.
  const covered = await preview.getByText('Covered the window').evaluate((el) => getComputedStyle(el).position);
  expect(covered).toBe('static');
  await lookInBothThemes(app, 'markdown-notes-preview', testInfo);

  await preview.getByRole('link', { name: 'the guide' }).click();
  await expect.poll(() => main.openedExternally).toEqual(['https://example.com/guide']);
  await expect(meeting.heading('1:1 with Alex Rivera')).toBeVisible();
});

test('ladder criteria are rendered by the same policy', async ({ app, main }, testInfo) => {
  await seedLadders(main);
  const original = await readUserFile(main);
  await writeUserFile(
    main,
    original.replace(
      'criteria: Pairs with newer teammates and answers their questions.',
      'criteria: "Pairs with newer teammates, see [the guide](https://example.com/mentoring). ![diagram](https://cdn.example.com/d.png) <span style=\\"color:red\\" class=\\"btn btn--primary\\">now</span>"',
    ),
  );
  const ladders = await LaddersPage.open(app);
  const cell = await ladders.openCell('Mentoring, L2 Engineer II', 'Mentoring · L2 Engineer II');
  const criteria = cell.region('Criteria');
  await expect(criteria.getByText('Remote image not loaded: diagram (cdn.example.com)')).toBeVisible();
  await expect(criteria.locator('[style], .btn, img')).toHaveCount(0);
  await lookInBothThemes(app, 'markdown-ladder-cell', testInfo);
  await criteria.getByRole('link', { name: 'the guide' }).click();
  await expect.poll(() => main.openedExternally).toEqual(['https://example.com/mentoring']);
});
