import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { parseSeriesIcs } from '../support/ical';
import { expect, expectAccessible, snap, test, tick } from './fixtures';
import { addAction, addAgendaPoint, addPerson, createSeries, isoDay, startMeeting } from './meetings-helpers';

const MARKER = 'PRIVATE-MARKER-e51c09';

async function readAll(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')] as const)));
}

test('Markdown: the shared part and the notes export leave private notes out unless ticked and confirmed', async ({ app, main }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  await startMeeting(app, 'Alex Rivera', isoDay(0));
  await addAgendaPoint(app, 'Promotion timeline');
  await app.getByRole('textbox', { name: 'Shared notes' }).fill('Alex leads the payments migration');
  await app.getByRole('textbox', { name: 'Private notes' }).fill(`${MARKER} seemed tired`);
  await expect(app.getByRole('status', { name: 'Notes: Saved' })).toBeVisible();
  await addAction(app, 'Share the design doc', 'Alex Rivera');
  await snap(app, 'meeting-share-actions', testInfo);
  await expectAccessible(app, 'Meeting with share actions');

  // Save as .md: the shared part only.
  await app.getByRole('button', { name: 'Save as .md' }).click();
  const sharedName = `${isoDay(0)}-1-1-alex-rivera.md`;
  await expect(app.getByRole('status').filter({ hasText: `Saved ${sharedName}` })).toBeVisible();
  const shared = await readFile(path.join(main.exportDir, sharedName), 'utf8');
  expect(shared).toContain('- [ ] Promotion timeline');
  expect(shared).toContain('Alex leads the payments migration');
  expect(shared).toContain('- [ ] Alex Rivera: Share the design doc');
  expect(shared).not.toContain(MARKER);

  // Copy as Markdown puts the same text on the clipboard.
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url()).origin });
  await app.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Copied the shared notes as Markdown' })).toBeVisible();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(shared);

  // Export notes from the person's page, box not ticked.
  await app.getByRole('link', { name: 'Alex Rivera’s page' }).click();
  await app.getByRole('button', { name: 'Export notes…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export notes of Alex Rivera' });
  await expect(dialog).toContainText('1 meeting as Markdown files');
  await snap(app, 'export-notes-dialog', testInfo);
  await expectAccessible(app, 'Export notes dialog');
  main.chooseFolderAnswers.push(main.exportDir);
  await dialog.getByRole('button', { name: 'Choose folder and export…' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: `Exported 1 file to ${main.exportDir}` })).toBeVisible();
  let files = await readAll(main.exportDir);
  // The file saved before keeps its name: the export never overwrites, it picks a free one.
  expect([...files.keys()].sort()).toEqual([sharedName, sharedName.replace('.md', '-2.md')].sort());
  for (const [name, content] of files) {
    expect(content, name).not.toContain(MARKER);
  }
  expect(files.get(sharedName.replace('.md', '-2.md'))).toMatch(/^---\nperson: Alex Rivera\ndate: "?\d{4}-\d{2}-\d{2}"?\nkind: 1:1\n/);

  // Ticked: a second, explicit confirmation, then the private notes are in the file body.
  await app.getByRole('button', { name: 'Export notes…' }).click();
  await tick(app, 'Include private notes');
  main.chooseFolderAnswers.push(main.exportDir);
  await dialog.getByRole('button', { name: 'Choose folder and export…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Private notes will be written to these files. Anyone who can read the folder can read them.');
  expect(await readdir(main.exportDir)).toHaveLength(2);
  await snap(app, 'export-notes-confirm', testInfo);
  await expectAccessible(app, 'Export private confirmation');
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, 'export-notes-confirm-dark', testInfo);
  await expectAccessible(app, 'Export private confirmation (dark)');
  await app.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Export with private notes' }).click();
  await expect(dialog).toBeHidden();
  files = await readAll(main.exportDir);
  const withPrivate = files.get(sharedName.replace('.md', '-3.md'))!;
  expect(withPrivate).toContain('## Private notes');
  expect(withPrivate).toContain(`${MARKER} seemed tired`);
  expect(withPrivate.split('\n---\n')[0]).not.toContain(MARKER);

  // Everyone's notes, from the People list: private notes left out again by default.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await app.getByRole('button', { name: 'Export all notes…' }).click();
  const everyone = app.getByRole('dialog', { name: 'Export everyone’s notes' });
  await expect(everyone.getByRole('checkbox', { name: 'Include private notes' })).not.toBeChecked();
  main.chooseFolderAnswers.push(main.exportDir);
  await everyone.getByRole('button', { name: 'Choose folder and export…' }).click();
  await expect(everyone).toBeHidden();
  files = await readAll(main.exportDir);
  expect(files.get(sharedName.replace('.md', '-4.md'))).not.toContain(MARKER);
});

test('.ics export of a series parses back with ical.js with the right rule', async ({ app, main }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await app.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await expect(app.getByRole('heading', { level: 1, name: 'Alex Rivera' })).toBeVisible();
  await snap(app, 'person-with-exports', testInfo);
  await expectAccessible(app, 'Person page with exports');
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, 'person-with-exports-dark', testInfo);
  await expectAccessible(app, 'Person page with exports (dark)');
  await app.emulateMedia({ colorScheme: 'light' });
  await app.getByRole('button', { name: 'Add to calendar (.ics): 1:1 with Alex Rivera' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved 1-1-alex-rivera.ics' })).toBeVisible();

  const text = await readFile(path.join(main.exportDir, '1-1-alex-rivera.ics'), 'utf8');
  const parsed = parseSeriesIcs(text, 4);
  const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(`${isoDay(0)}T12:00:00`).getDay()];
  expect(parsed.rrule).toBe(`FREQ=WEEKLY;BYDAY=${weekday}`);
  expect(parsed.summary).toBe('1:1 — Alex Rivera');
  expect(parsed.durationSeconds).toBeGreaterThan(0);
  const zone = parsed.tzid ?? 'UTC';
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  expect(parsed.occurrences.map(day)).toEqual([isoDay(0), isoDay(7), isoDay(14), isoDay(21)]);
});

test('keyboard only: export with private notes needs the box and a second, focused confirmation', async ({ app, main }) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  await startMeeting(app, 'Alex Rivera', isoDay(0));
  await app.getByRole('textbox', { name: 'Private notes' }).fill(MARKER);
  await expect(app.getByRole('status', { name: 'Notes: Saved' })).toBeVisible();
  await app.getByRole('link', { name: 'Alex Rivera’s page' }).click();

  await app.getByRole('button', { name: 'Export notes…' }).focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Export notes of Alex Rivera' });
  const box = dialog.getByRole('checkbox', { name: 'Include private notes' });
  for (let i = 0; i < 5 && !(await box.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await app.keyboard.press('Space');
  await expect(box).toBeChecked();
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Choose folder and export…' })).toBeFocused();
  await app.keyboard.press('Enter');
  // The safe choice has focus: pressing Enter again goes back instead of exporting.
  await expect(dialog.getByRole('button', { name: 'Back' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(box).toBeChecked();
  expect(await readdir(main.exportDir)).toEqual([]);

  await dialog.getByRole('button', { name: 'Choose folder and export…' }).focus();
  await app.keyboard.press('Enter');
  await app.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Export with private notes' })).toBeFocused();
  main.chooseFolderAnswers.push(main.exportDir);
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const files = await readAll(main.exportDir);
  expect([...files.values()].some((c) => c.includes(MARKER))).toBe(true);
});

test('a failed export says why in the dialog and leaves it open', async ({ app, main }) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  await startMeeting(app, 'Alex Rivera', isoDay(0));
  await app.getByRole('link', { name: 'Alex Rivera’s page' }).click();
  // The folder the chooser answers has gone (an unplugged drive, say).
  await rm(main.exportDir, { recursive: true });
  await app.getByRole('button', { name: 'Export notes…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export notes of Alex Rivera' });
  main.chooseFolderAnswers.push(main.exportDir);
  await dialog.getByRole('button', { name: 'Choose folder and export…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('does not exist any more. Choose the folder again.');
  await expect(dialog).toBeVisible();
});
