import { describe, expect, it } from 'vitest';

import { memoryStore } from '../../../electron/services/key-value';
import { createReminderScheduler, fireTime, noticeFor, type ReminderNotice } from '../../../electron/services/reminders';
import { canariesIn, canary } from '../../support/canary';
import { call, createTestMain } from '../../support/main-context';
import { createManualClock } from '../../support/manual-clock';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('follow-up reminders (main)', () => {
  it('remembers what it sent in main’s own store, so a restart does not notify again', () => {
    const store = memoryStore();
    const clock = createManualClock(local(2026, 3, 3, 10, 0));
    const first: ReminderNotice[] = [];
    createReminderScheduler((n) => first.push(n), clock, store).schedule([{ id: 'a', due: '2026-03-03', person: null }]);
    expect(first).toHaveLength(1);
    // Trellis restarts: a new scheduler on the same store, the follow-up still open.
    const again: ReminderNotice[] = [];
    const restarted = createReminderScheduler((n) => again.push(n), clock, store);
    expect(
      restarted.schedule([
        { id: 'a', due: '2026-03-03', person: null },
        { id: 'b', due: '2026-03-03', person: null },
      ]),
    ).toBe(0);
    expect(again.map((n) => n.ids)).toEqual([['b']]);
  });

  it('fires each reminder once, at 09:00 local on its day, whatever else is rescheduled; never sleeps', () => {
    const clock = createManualClock(local(2026, 3, 2, 17, 0));
    const shown: ReminderNotice[] = [];
    const scheduler = createReminderScheduler((n) => shown.push(n), clock);
    expect(fireTime('2026-03-03')).toEqual(local(2026, 3, 3, 9, 0));

    expect(scheduler.schedule([{ id: 'a', due: '2026-03-03', person: 'Alex Rivera' }])).toBe(1);
    clock.advanceTo(local(2026, 3, 3, 8, 59));
    expect(shown).toEqual([]);
    clock.advanceTo(local(2026, 3, 3, 9, 0));
    expect(shown).toEqual([{ title: 'A follow-up is due', body: 'Follow up with Alex Rivera.', ids: ['a'] }]);

    // The renderer schedules the same open follow-up again (it is still open): no second notification.
    expect(scheduler.schedule([{ id: 'a', due: '2026-03-03', person: 'Alex Rivera' }])).toBe(0);
    clock.advanceTo(local(2026, 3, 9));
    expect(shown).toHaveLength(1);

    // Two already past when scheduled: one notification at once; a private one names nobody.
    scheduler.schedule([
      { id: 'b', due: '2026-03-01', person: null },
      { id: 'c', due: '2026-03-02', person: 'Sam Lee' },
      { id: 'd', due: '2026-04-20', person: null },
    ]);
    expect(shown[1]).toEqual({ title: '2 follow-ups are due', body: 'Open Trellis to see them. With Sam Lee.', ids: ['b', 'c'] });
    // Far ahead: armed in steps (a sleeping laptop or a clock change is caught up), fired on the day.
    expect(clock.pending).toBe(1);
    clock.advanceTo(local(2026, 4, 20, 9, 0));
    expect(shown[2]).toEqual({ title: 'A follow-up is due', body: 'Open Trellis to see it.', ids: ['d'] });
    // Closed before its day: scheduling without it cancels it.
    scheduler.schedule([{ id: 'e', due: '2026-05-01', person: 'Alex Rivera' }]);
    scheduler.schedule([]);
    clock.advanceTo(local(2026, 6, 1));
    expect(shown).toHaveLength(3);
    scheduler.dispose();
  });

  it('says no more than a name: many people are cut short', () => {
    const many = ['Ann', 'Bo', 'Cy', 'Di'].map((person, i) => ({ id: String(i), due: '2026-03-01', person }));
    expect(noticeFor(many).body).toBe('Open Trellis to see them. With Ann, Bo, Cy and others.');
  });

  it('through the handler table: days and names only, refused with any other field, notified in main’s words', async () => {
    const clock = createManualClock(local(2026, 3, 2, 10));
    const shown: ReminderNotice[] = [];
    const main = await createTestMain({ notify: (n) => shown.push(n), reminderClock: clock });
    try {
      expect(await call(main, 'reminders:schedule', { reminders: [{ id: 'f1', due: '2026-03-03', person: null }] })).toEqual({
        ok: true,
        value: { upcoming: 1 },
      });
      const note = canary('followUps.note');
      const refused = await main.dispatch('reminders:schedule', { reminders: [{ id: 'f1', due: '2026-03-03', person: null, note }] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect((await main.dispatch('reminders:schedule', { reminders: [{ id: 'f1', due: '3 March', person: null }] })).ok).toBe(false);
      clock.advanceTo(local(2026, 3, 3, 9));
      expect(shown).toEqual([{ title: 'A follow-up is due', body: 'Open Trellis to see it.', ids: ['f1'] }]);
      expect(canariesIn(JSON.stringify(shown))).toEqual([]);
    } finally {
      await main.dispose();
    }
  });
});
