/**
 * The public surface of Feedback: what other features may use. Its screens (entries, the
 * follow-ups inbox, an entry) and the quick-capture dialog are loaded by app/. From here come the
 * palette's commands, the follow-ups section of the 1:1 prep view (app/prep-sections.ts) and the
 * section Today shows. app/App.tsx imports this module for its registrations, so it stays small:
 * the sections are lazy components (render them inside Suspense).
 */

import { registerCommands } from '../../app/commands';
import { registerPrepSection } from '../../app/prep-sections';
import { preloadableLazy } from '../../ui/lazy-part';
import { feedbackCommands } from './commands';

/** Open follow-ups due by tomorrow, with a link to the inbox. Props: `{ today }`. */
export const TodayFollowUps = preloadableLazy(() => import('./FollowUpSections').then((m) => ({ default: m.TodayFollowUps })));

/** Keeps main's follow-up reminders (OS notifications) in step with the open follow-ups; mount once, in the shell. */
export const FollowUpReminders = preloadableLazy(() => import('./Reminders'));

registerCommands(feedbackCommands);
registerPrepSection({
  id: 'feedback.follow-ups',
  order: 10,
  Component: preloadableLazy(() => import('./FollowUpSections').then((m) => ({ default: m.PrepFollowUps }))),
});
