import type { CalendarUser } from '../../shared/domain/ics';
import { callMain } from './ipc';

/**
 * Who the user is, for the calendar files Trellis writes (ORGANIZER). Today only the email
 * from Settings; once the user is a person in Trellis ("This is me"), replace the body with
 * that person's name and email — callers only need this one function.
 */
export async function currentCalendarUser(): Promise<CalendarUser | null> {
  const settings = await callMain('settings:get');
  return settings.userEmail ? { email: settings.userEmail } : null;
}
