import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';

import { writeArchive } from '../support/backup-files';
import { connectApp, expect, lookInBothThemes, screenSizes, test } from './fixtures';

async function openPage(page: Page, name: 'People' | 'Settings') {
  // The sidebar's link: Today's empty state links to People too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const csv = (rows: string[]) => ['Name,Email,Level', ...rows].join('\n');
const team = csv(['Alex Rivera,alex@example.com,L5', 'Maya Okafor,maya@example.com,M2', 'Sam Lee,sam@example.com,L3']);

async function importPeople(page: Page, text: string, expectLabel: RegExp) {
  await openPage(page, 'People');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import people from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  const button = dialog.getByRole('button', { name: expectLabel });
  await expect(button).toBeEnabled();
  return { dialog, button };
}

async function importAndWait(page: Page, text: string, label: RegExp) {
  const { dialog, button } = await importPeople(page, text, label);
  await button.click();
  await expect(dialog).toBeHidden();
}

const peopleRows = (page: Page) => page.getByRole('table', { name: 'People' }).getByRole('row');

/**
 * Keeps the next IndexedDB write transaction on `store` open forever once it has written its
 * first row (a never-ending chain of reads in the same transaction), so the test can close the
 * window while the import or restore is half done. Set from the page before the action.
 */
async function holdNextWrite(page: Page, store: string) {
  await page.evaluate((storeName) => {
    const w = window as unknown as { __held?: boolean };
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        const request = original.apply(this, args);
        if (this.name === storeName && !w.__held) {
          w.__held = true;
          const spin = () => {
            this.get('never-a-key').onsuccess = spin;
          };
          spin();
        }
        return request;
      };
    }
  }, store);
}

test('export a backup, change the data, restore it and see the old data again', async ({ app, main }, testInfo) => {
  await importAndWait(app, team, /Import 3 people/);
  await expect(peopleRows(app)).toHaveCount(4);

  await openPage(app, 'Settings');
  // The database is read in a worker of its own, not on the window's main thread.
  const workers: string[] = [];
  app.on('worker', (worker) => workers.push(worker.url()));
  await app.getByRole('button', { name: 'Export backup…' }).click();
  await expect(app.getByRole('status')).toContainText('Backup saved');
  expect(workers.filter((url) => url.includes('backup-export.worker'))).toHaveLength(1);
  expect(main.savePaths).toHaveLength(1);
  const file = main.savePaths[0]!;
  expect(path.dirname(file)).toBe(main.exportDir);
  expect((await stat(file)).size).toBeGreaterThan(500);
  await expect(app.getByText(/exported to/)).toBeVisible();

  // Alex is promoted and someone joins, after the backup.
  await importAndWait(app, csv(['Alex Rivera,alex@example.com,L6', 'Jo Park,jo@example.com,L4']), /Import 2 people/);
  await expect(peopleRows(app)).toHaveCount(5);

  await openPage(app, 'Settings');
  main.chooseOpenAnswers.push(file);
  await app.getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('3 people');
  await expect(dialog).toContainText('by Trellis 0.0.0-test');
  await expect(dialog).toContainText(path.basename(file));
  await lookInBothThemes(app, 'restore-confirm', testInfo);
  await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click();
  const done = app.getByRole('dialog', { name: 'Backup restored' });
  await expect(done).toBeVisible();
  await expect(done).toContainText('before-restore');
  await done.getByRole('button', { name: 'Reload Trellis' }).click();

  await openPage(app, 'People');
  await expect(peopleRows(app)).toHaveCount(4);
  await expect(peopleRows(app).filter({ hasText: 'Alex Rivera' })).toContainText('L5');
  await expect(app.getByText('Jo Park')).toHaveCount(0);

  // The data from before the restore is kept as an automatic backup. (A daily one may be there
  // too: the app makes it 15 s after start, which a slow run of this test outlasts.)
  await openPage(app, 'Settings');
  const list = app.getByRole('list', { name: 'Automatic backups' });
  await expect(list.getByRole('listitem').filter({ hasText: 'before a restore' })).toHaveCount(1);
  await app.getByRole('button', { name: 'Open backups folder' }).click();
  await expect.poll(() => main.openedPaths).toEqual([path.join(main.dataDir, 'backups')]);

  await app.getByRole('heading', { name: 'Settings', level: 1 }).scrollIntoViewIfNeeded();
  await lookInBothThemes(app, 'settings-data', testInfo, { sizes: screenSizes });
  await list.scrollIntoViewIfNeeded();
  await lookInBothThemes(app, 'settings-backups', testInfo, { sizes: screenSizes });
});

test('damaged, cut-short, foreign and newer backups are refused with the reason, and nothing changes', async ({ app, main }, testInfo) => {
  await importAndWait(app, team, /Import 3 people/);
  await openPage(app, 'Settings');
  await app.getByRole('button', { name: 'Export backup…' }).click();
  await expect(app.getByRole('status')).toContainText('Backup saved');
  const good = await readFile(main.savePaths[0]!);
  // A well-formed backup from a future Trellis whose file format this one does not know.
  const parts = unzipSync(good);
  const manifest = JSON.parse(new TextDecoder().decode(parts['manifest.json'])) as Record<string, unknown>;
  const future = await writeArchive(path.join(main.dataDir, 'crafted'), 'future.trellisbackup', {
    ...parts,
    'manifest.json': JSON.stringify({ ...manifest, formatVersion: 7, app: { name: 'Trellis', version: '4.2.0', platform: 'linux' } }),
  });

  const cases: [string, Uint8Array | string, RegExp][] = [
    ['future.trellisbackup', await readFile(future), /made by a newer Trellis \(4\.2\.0\)\. Update Trellis/],
    ['cut.trellisbackup', good.subarray(0, Math.floor(good.length * 0.6)), /incomplete/],
    ['flipped.trellisbackup', Buffer.from(good).map((b, i) => (i === 200 ? b ^ 1 : b)), /damaged/],
    ['notes.trellisbackup', 'just some text', /not a Trellis backup/],
  ];
  for (const [name, data, reason] of cases) {
    const file = path.join(main.exportDir, name);
    await writeFile(file, data);
    main.chooseOpenAnswers.push(file);
    await app.getByRole('button', { name: 'Restore from backup…' }).click();
    const alert = app.getByRole('alert').filter({ hasText: 'will not restore' });
    await expect(alert).toContainText(reason);
    await expect(alert).toContainText(name);
  }
  await lookInBothThemes(app, 'restore-refused', testInfo);
  await openPage(app, 'People');
  await expect(peopleRows(app)).toHaveCount(4);
  // No restore began: no backup of the current data was made for one (a daily backup may have been).
  const made = await readdir(path.join(main.dataDir, 'backups')).catch(() => [] as string[]);
  expect(made.filter((name) => !name.endsWith('-daily.trellisbackup'))).toEqual([]);
});

test('closing the window in the middle of a CSV import leaves the people as they were', async ({ app, main, server, context }) => {
  await importAndWait(app, team, /Import 3 people/);
  const big = csv(Array.from({ length: 400 }, (_, i) => `Person ${i},p${i}@example.com,L${i % 6}`));
  const { button } = await importPeople(app, big, /Import 400 people/);
  await holdNextWrite(app, 'people');
  await button.click();
  await app.waitForFunction(() => (window as unknown as { __held?: boolean }).__held === true);
  await app.close();

  const again = await context.newPage();
  const disconnect = await connectApp(again, server, main);
  await openPage(again, 'People');
  await expect(peopleRows(again)).toHaveCount(4);
  await expect(again.getByText('Person 1', { exact: true })).toHaveCount(0);
  disconnect();
});

test('closing the window in the middle of a restore leaves the data as it was', async ({ app, main, server, context }) => {
  await importAndWait(app, team, /Import 3 people/);
  await openPage(app, 'Settings');
  await app.getByRole('button', { name: 'Export backup…' }).click();
  await expect(app.getByRole('status')).toContainText('Backup saved');
  await importAndWait(app, csv(['Alex Rivera,alex@example.com,L6', 'Jo Park,jo@example.com,L4']), /Import 2 people/);

  await openPage(app, 'Settings');
  main.chooseOpenAnswers.push(main.savePaths[0]!);
  await app.getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Restore this backup?' });
  await holdNextWrite(app, 'people');
  await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await app.waitForFunction(() => (window as unknown as { __held?: boolean }).__held === true);
  await app.close();

  const again = await context.newPage();
  const disconnect = await connectApp(again, server, main);
  await openPage(again, 'People');
  await expect(peopleRows(again)).toHaveCount(5);
  await expect(peopleRows(again).filter({ hasText: 'Alex Rivera' })).toContainText('L6');
  await expect(again.getByText('Jo Park')).toBeVisible();
  // Nothing of the backup's files was put in place either.
  expect((await readdir(main.laddersDir).catch(() => [])).filter((n) => !n.startsWith('.'))).toEqual([]);
  disconnect();
});

/**
 * The app's own export worker, served with a read that fails once it has read a few pages (as a
 * failing disk would): IndexedDB's getAll throws from the third request on.
 */
async function failReadsInBackupWorker(page: Page) {
  await page.route(/backup-export\.worker-[^/]*\.js(\?|$)/, async (route) => {
    const response = await route.fetch();
    const failing = `{
      const getAll = IDBObjectStore.prototype.getAll;
      let calls = 0;
      IDBObjectStore.prototype.getAll = function (...args) {
        if (++calls > 2) throw new DOMException('The disk could not be read', 'UnknownError');
        return getAll.apply(this, args);
      };
    }
`;
    await route.fulfill({ response, body: failing + (await response.text()) });
  });
}

test('a backup whose read fails half-way says so, leaves no file, and the next one works', async ({ app, main }) => {
  await importAndWait(app, team, /Import 3 people/);
  await openPage(app, 'Settings');
  await failReadsInBackupWorker(app);
  await app.getByRole('button', { name: 'Export backup…' }).click();
  await expect(app.getByText(/Trellis could not make the backup \(.*The disk could not be read.*\)/)).toBeVisible();
  expect(main.savePaths).toHaveLength(1);
  // Neither the chosen file nor a part of it.
  expect(await readdir(main.exportDir)).toEqual([]);
  await expect(app.getByRole('button', { name: 'Export backup…' })).toBeEnabled();

  await app.unrouteAll({ behavior: 'wait' });
  await app.getByRole('button', { name: 'Export backup…' }).click();
  await expect(app.getByRole('status')).toContainText('Backup saved');
  expect(await readdir(main.exportDir)).toEqual([path.basename(main.savePaths[1]!)]);
});
