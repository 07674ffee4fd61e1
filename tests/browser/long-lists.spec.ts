import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { canariesIn, canary } from '../support/canary';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { PeoplePage } from './pages/people';
import { putRows } from './support-db';

const PEOPLE = 400;
const stamp = '2026-01-05T09:00:00.000Z';
const nameOf = (i: number) => `Person ${String(i).padStart(3, '0')}`;

function people(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `person-${i}`,
    name: nameOf(i),
    email: `person${i}@example.com`,
    title: i % 7 === 0 ? 'Engineering Manager' : 'Engineer',
    level: `L${(i % 5) + 2}`,
    managerId: null,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  }));
}

test('a long People list draws only what is in view, says how long it is, and finds a person by keyboard', async ({ app }, testInfo) => {
  // 400 rows, screenshots at two sizes and ninety key presses: more than one ordinary flow.
  test.slow();
  await expect(app.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await putRows(app, 'people', people(PEOPLE));
  const list = await PeoplePage.open(app);
  await expect(list.row(nameOf(0))).toBeVisible();
  // Assistive technology hears all 400 rows (and the header); the DOM holds a screenful.
  await expect(list.table).toHaveAttribute('aria-rowcount', String(PEOPLE + 1));
  const drawn = await list.table.getByRole('row').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(80);
  await expect(list.row(nameOf(PEOPLE - 1))).toHaveCount(0);
  await expect(list.row(nameOf(3))).toHaveAttribute('aria-rowindex', '5');
  await lookInBothThemes(app, 'people-long-list', testInfo, { sizes: screenSizes });

  // Scrolling to the end with the keyboard draws the last rows.
  await app.getByRole('main').focus();
  await app.keyboard.press('End');
  await expect(list.row(nameOf(PEOPLE - 1))).toBeVisible();
  await expect(list.row(nameOf(PEOPLE - 1))).toHaveAttribute('aria-rowindex', String(PEOPLE + 1));
  await expect(list.row(nameOf(0))).toHaveCount(0);
  await app.keyboard.press('Home');
  await expect(list.row(nameOf(0))).toBeVisible();

  // Tab walks the rows past the first screenful: each focused row scrolls into view and the next is drawn.
  await list
    .row(nameOf(0))
    .getByRole('link', { name: nameOf(0) })
    .focus();
  for (let i = 0; i < 3 * 30; i += 1) await app.keyboard.press('Tab');
  const focused = app.locator(':focus');
  await expect(focused).toBeInViewport();
  await expect(focused).toHaveAccessibleName(/Person 0(2[89]|30)/);

  // And the filter finds someone far down the list: type, Tab to the row, Enter.
  await app.getByRole('searchbox', { name: 'Filter people' }).focus();
  await app.keyboard.type(nameOf(377));
  await expect(list.table.getByRole('row')).toHaveCount(2);
  await expect(list.table).toHaveAttribute('aria-rowcount', '2');
  // Past the view switch to the first row.
  const link = app.getByRole('link', { name: nameOf(377) });
  for (let i = 0; i < 6 && !(await link.evaluate((el) => el === document.activeElement)); i += 1) await app.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: nameOf(377) })).toBeVisible();
});

const MEETINGS = 40;

function meetings(personId: string, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const date = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    return {
      id: `meeting-${personId}-${i}`,
      personId,
      seriesId: null,
      kind: 'one-on-one',
      date,
      agenda: [{ id: `a-${i}`, text: `Point ${i}`, author: 'me', done: false }],
      sharedNotes: `Shared notes of meeting ${i}.`,
      privateNotes: `Only for me: ${canary('privateNotes')}`,
      tags: [],
      createdAt: `${date}T09:00:00.000Z`,
      updatedAt: `${date}T09:00:00.000Z`,
    };
  });
}

test('export all notes shows progress, Cancel leaves nothing, and a finished export holds no private note', async ({ app, main }, testInfo) => {
  await expect(app.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await putRows(app, 'people', people(3));
  await putRows(app, 'meetings', [...meetings('person-1', MEETINGS), ...meetings('person-2', MEETINGS)]);

  // Main answers the first chunk only when the test says so: the export is caught half-way.
  const dispatch = main.dispatch;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let hold = true;
  main.dispatch = async (channel, payload) => {
    if (hold && channel === 'files:export-chunk') await held;
    return dispatch(channel, payload);
  };

  const list = await PeoplePage.open(app);
  const exporting = await list.exportAllNotes();
  await expect(exporting.root).toContainText(`${2 * MEETINGS} meetings as Markdown files`);
  main.chooseFolderAnswers.push(main.exportDir);
  await exporting.export();
  await expect(exporting.progress).toBeVisible();
  await expect(exporting.root).toContainText(`Into ${main.exportDir}. Nothing appears there until every file is written.`);
  await lookInBothThemes(app, 'export-all-progress', testInfo, { sizes: screenSizes });
  await exporting.cancelExport();
  release();
  await expect(exporting.root.getByRole('status')).toHaveText(`Export cancelled. Nothing was written to ${main.exportDir}.`);
  expect(await readdir(main.exportDir)).toEqual([]);

  // Again, to the end: every meeting a file, and the private notes in none of them.
  hold = false;
  main.chooseFolderAnswers.push(main.exportDir);
  await exporting.export();
  await expect(exporting.root).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: `Exported ${2 * MEETINGS} files to ${main.exportDir}` })).toBeVisible();
  const names = await readdir(main.exportDir);
  expect(names).toHaveLength(2 * MEETINGS);
  expect(names.some((n) => n.startsWith('.'))).toBe(false);
  const text = (await Promise.all(names.map((n) => readFile(path.join(main.exportDir, n), 'utf8')))).join('\n');
  expect(text).toContain('Shared notes of meeting 39.');
  expect(canariesIn(text)).toEqual([]);
});
