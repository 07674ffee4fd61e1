import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { parseSeriesIcs } from '../support/ical';
import { isoDay } from './dates';
import { expect, lookInBothThemes, test } from './fixtures';
import { ExportNotesDialog } from './pages/export-notes';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { addPerson, PeoplePage } from './pages/people';
import { PersonPage } from './pages/person';

const MARKER = 'PRIVATE-MARKER-e51c09';

async function readAll(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')] as const)));
}

test('Markdown: the shared part and the notes export leave private notes out unless ticked and confirmed', async ({ app, main }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await meeting.addAgendaPoint('Promotion timeline');
  await meeting.writeNotes({ shared: 'Alex leads the payments migration', private: `${MARKER} seemed tired` });
  await meeting.addAction('Share the design doc', 'Alex Rivera');
  await lookInBothThemes(app, 'meeting-share-actions', testInfo);

  // Save as .md: the shared part only.
  await meeting.saveAsMarkdown();
  const sharedName = `${isoDay(0)}-1-1-alex-rivera.md`;
  await expect(app.getByRole('status').filter({ hasText: `Saved ${sharedName}` })).toBeVisible();
  const shared = await readFile(path.join(main.exportDir, sharedName), 'utf8');
  expect(shared).toContain('- [ ] Promotion timeline');
  expect(shared).toContain('Alex leads the payments migration');
  expect(shared).toContain('- [ ] Alex Rivera: Share the design doc');
  expect(shared).not.toContain(MARKER);

  // Copy as Markdown puts the same text on the clipboard.
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url()).origin });
  await meeting.copyAsMarkdown();
  await expect(app.getByRole('status').filter({ hasText: 'Copied the shared notes as Markdown' })).toBeVisible();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(shared);

  // Export notes from the person's page, box not ticked.
  await meeting.openPersonPage('Alex Rivera');
  const person = new PersonPage(app, 'Alex Rivera');
  const exportNotes = await person.exportNotes();
  const dialog = exportNotes.root;
  await expect(dialog).toContainText('1 meeting as Markdown files');
  await lookInBothThemes(app, 'export-notes-dialog', testInfo);
  main.chooseFolderAnswers.push(main.exportDir);
  await exportNotes.export();
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
  await person.exportNotes();
  await exportNotes.tickIncludePrivate();
  main.chooseFolderAnswers.push(main.exportDir);
  await exportNotes.export();
  await expect(dialog.getByRole('alert')).toContainText('Private notes will be written to these files. Anyone who can read the folder can read them.');
  expect(await readdir(main.exportDir)).toHaveLength(2);
  await lookInBothThemes(app, 'export-notes-confirm', testInfo);
  await exportNotes.confirmWithPrivateNotes();
  await expect(dialog).toBeHidden();
  files = await readAll(main.exportDir);
  const withPrivate = files.get(sharedName.replace('.md', '-3.md'))!;
  expect(withPrivate).toContain('## Private notes');
  expect(withPrivate).toContain(`${MARKER} seemed tired`);
  expect(withPrivate.split('\n---\n')[0]).not.toContain(MARKER);

  // Everyone's notes, from the People list: private notes left out again by default.
  const everyone = await (await PeoplePage.open(app)).exportAllNotes();
  await expect(everyone.includePrivate).not.toBeChecked();
  main.chooseFolderAnswers.push(main.exportDir);
  await everyone.export();
  await expect(everyone.root).toBeHidden();
  files = await readAll(main.exportDir);
  expect(files.get(sharedName.replace('.md', '-4.md'))).not.toContain(MARKER);
});

test('.ics export of a series parses back with ical.js with the right rule', async ({ app, main }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const person = await (await PeoplePage.open(app)).openPerson('Alex Rivera');
  await lookInBothThemes(app, 'person-with-exports', testInfo);
  await person.calendarButton().click();
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
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await meeting.writeNotes({ private: MARKER });
  await meeting.openPersonPage('Alex Rivera');

  const person = new PersonPage(app, 'Alex Rivera');
  await person.exportNotesButton.focus();
  await app.keyboard.press('Enter');
  const exportNotes = new ExportNotesDialog(app, 'Export notes of Alex Rivera');
  const dialog = exportNotes.root;
  const box = exportNotes.includePrivate;
  for (let i = 0; i < 5 && !(await box.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await app.keyboard.press('Space');
  await expect(box).toBeChecked();
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await expect(exportNotes.exportButton).toBeFocused();
  await app.keyboard.press('Enter');
  // The safe choice has focus: pressing Enter again goes back instead of exporting.
  await expect(exportNotes.backButton).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(box).toBeChecked();
  expect(await readdir(main.exportDir)).toEqual([]);

  await exportNotes.exportButton.focus();
  await app.keyboard.press('Enter');
  await app.keyboard.press('Tab');
  await expect(exportNotes.confirmButton).toBeFocused();
  main.chooseFolderAnswers.push(main.exportDir);
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const files = await readAll(main.exportDir);
  expect([...files.values()].some((c) => c.includes(MARKER))).toBe(true);
});

test('a failed export says why in the dialog and leaves it open', async ({ app, main }) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await meeting.openPersonPage('Alex Rivera');
  // The folder the chooser answers has gone (an unplugged drive, say).
  await rm(main.exportDir, { recursive: true });
  const exportNotes = await new PersonPage(app, 'Alex Rivera').exportNotes();
  main.chooseFolderAnswers.push(main.exportDir);
  await exportNotes.export();
  await expect(exportNotes.root.getByRole('alert')).toContainText('does not exist any more. Choose the folder again.');
  await expect(exportNotes.root).toBeVisible();
});
