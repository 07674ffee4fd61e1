import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';

import { MAX_REMINDERS, type Reminder } from '../../../shared/ipc/reminders';
import { useRepositories } from '../../app/data';
import { useMainAction, useMainEvent } from '../../app/useMain';

/**
 * Keeps main's reminders in step with the open follow-ups: whenever one is added, moved or
 * closed (in any window), main gets the whole list again and notifies on the morning each falls
 * due, even with the window minimised or in the tray. A private follow-up goes without its
 * person's name; no note or feedback text is ever sent (the contract has no field for it).
 * A click on a notification opens the inbox.
 */
export default function FollowUpReminders() {
  const { feedback, db } = useRepositories();
  const [, navigate] = useLocation();
  const schedule = useMainAction('reminders:schedule');
  const run = useRef(schedule.run);
  useEffect(() => {
    run.current = schedule.run;
  }, [schedule.run]);
  const reminders = useLiveQuery(async (): Promise<Reminder[]> => {
    const open = await feedback.open(MAX_REMINDERS);
    const found = await db.people.bulkGet([...new Set(open.map((f) => f.personId))]);
    const names = new Map(found.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    return open.map((f) => ({ id: f.id, due: f.due, person: f.visibility === 'shareable' ? (names.get(f.personId)?.slice(0, 120) ?? null) : null }));
  }, [feedback, db]);
  const key = reminders ? JSON.stringify(reminders) : null;
  useEffect(() => {
    if (key === null) return;
    // Main keeps nothing on disk: a failure here (main busy, quitting) is retried at the next change.
    void run.current({ reminders: JSON.parse(key) as Reminder[] }).catch(() => {});
  }, [key]);
  useMainEvent('reminders:opened', () => navigate('/feedback/inbox'));
  return null;
}
