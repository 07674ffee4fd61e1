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

test('Markdown: the shared part and the notes export never hold private notes', async ({ app, main }, testInfo) => {
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

  // Export notes from the person's page: it says private notes stay behind, and offers no way to include them.
  await meeting.openPersonPage('Alex Rivera');
  const person = new PersonPage(app, 'Alex Rivera');
  const exportNotes = await person.exportNotes();
  const dialog = exportNotes.root;
  await expect(dialog).toContainText('1 meeting as Markdown files');
  await expect(dialog).toContainText('Private notes are never exported');
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
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

  // Everyone's notes, from the People list: private notes left out there too.
  const everyone = await (await PeoplePage.open(app)).exportAllNotes();
  main.chooseFolderAnswers.push(main.exportDir);
  await everyone.export();
  await expect(everyone.root).toBeHidden();
  files = await readAll(main.exportDir);
  expect(files.get(sharedName.replace('.md', '-3.md'))).not.toContain(MARKER);
  expect(files.size).toBe(3);
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

test('keyboard only: export notes is reached and run from the keyboard, and leaves private notes behind', async ({ app, main }) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await meeting.writeNotes({ shared: 'Shared words', private: MARKER });
  await meeting.openPersonPage('Alex Rivera');

  const person = new PersonPage(app, 'Alex Rivera');
  await person.exportNotesButton.focus();
  await app.keyboard.press('Enter');
  const exportNotes = new ExportNotesDialog(app, 'Export notes of Alex Rivera');
  const button = exportNotes.exportButton;
  for (let i = 0; i < 5 && !(await button.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(button).toBeFocused();
  main.chooseFolderAnswers.push(main.exportDir);
  await app.keyboard.press('Enter');
  await expect(exportNotes.root).toBeHidden();
  const files = await readAll(main.exportDir);
  expect(files.size).toBe(1);
  expect([...files.values()].some((c) => c.includes('Shared words'))).toBe(true);
  expect([...files.values()].some((c) => c.includes(MARKER))).toBe(false);
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
