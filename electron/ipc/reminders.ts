import type { remindersContract } from '../../shared/ipc/reminders';
import type { ReminderScheduler } from '../services/reminders';
import type { DomainHandlers } from './dispatch';

/** Follow-up reminders: the renderer hands over the open follow-ups, main's scheduler notifies (services/reminders.ts). */
export function createRemindersHandlers(scheduler: ReminderScheduler): DomainHandlers<typeof remindersContract> {
  return {
    'reminders:schedule': async ({ reminders }) => ({ upcoming: scheduler.schedule(reminders) }),
  };
}
