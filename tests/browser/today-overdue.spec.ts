import { isoDay, shortLabel } from './dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { goTo } from './pages/nav';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { addPerson } from './pages/people';

test('Today draws the 50 most overdue action items and "Show all" pages through the rest', async ({ app }, testInfo) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera', { startDate: isoDay(-21) });
  await startMeeting(app, 'Alex Rivera', isoDay(-21));
  const meetingId = new URL(app.url()).hash.split('/').pop()!;
  const personId = await app.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('trellis');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const meeting = await new Promise<{ personId: string }>((resolve) => {
      const req = db.transaction('meetings').objectStore('meetings').get(id);
      req.onsuccess = () => resolve(req.result as { personId: string });
    });
    db.close();
    return meeting.personId;
  }, meetingId);

  // Years of follow-ups nobody closed: 260 overdue items, written straight into the database.
  const items = Array.from({ length: 260 }, (_, i) => ({
    id: `overdue-${String(i).padStart(3, '0')}`,
    personId,
    meetingId,
    text: `Follow-up number ${i + 1}`,
    owner: i % 3 === 0 ? 'me' : 'them',
    due: isoDay(-2 - (i % 19)),
    done: false,
    open: 1,
    createdAt: `${isoDay(-21)}T09:${String(i % 60).padStart(2, '0')}:00.000Z`,
    updatedAt: `${isoDay(-21)}T09:${String(i % 60).padStart(2, '0')}:00.000Z`,
  }));
  await app.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('trellis');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('actionItems', 'readwrite');
      for (const row of rows) tx.objectStore('actionItems').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, items);
  await app.reload();
  await goTo(app, 'Today');

  const list = app.getByRole('list', { name: 'Overdue action items' });
  await expect(list.getByRole('listitem')).toHaveCount(50);
  // Most overdue first: the oldest due date heads the list.
  await expect(list.getByRole('listitem').first()).toContainText(`due ${shortLabel(isoDay(-20))}`);
  await lookInBothThemes(app, 'today-overdue-capped', testInfo);
  await app.getByRole('link', { name: 'Show all overdue action items' }).click();

  await expect(app.getByRole('heading', { level: 1, name: 'Overdue action items' })).toBeVisible();
  const all = app.getByRole('region', { name: 'Overdue action items' }).getByRole('list', { name: 'Overdue action items' });
  await expect(all.getByRole('listitem')).toHaveCount(200);
  await expect(app.getByText('Showing 200 of 260')).toBeVisible();
  await expect(app.getByText('260 open past their due date · most overdue first')).toBeVisible();
  await app.getByRole('button', { name: 'Show 60 more' }).click();
  await expect(all.getByRole('listitem')).toHaveCount(260);
  await expect(app.getByRole('button', { name: /Show \d+ more/ })).toHaveCount(0);
  await lookInBothThemes(app, 'overdue-page', testInfo, { sizes: screenSizes });

  // Each item leads to the meeting that agreed it.
  await all.getByRole('listitem').filter({ hasText: 'Follow-up number 1' }).first().getByRole('link', { name: 'Open' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '1:1 with Alex Rivera' })).toBeVisible();
});
