/**
 * The public surface of growth plans (goals, milestones, check-ins; stretch work and learning;
 * stagnation): what other features may use. Its screen (GoalPage) and the meeting's panel
 * (MeetingGoals) are loaded by app/App.tsx, which hands the panel to the meeting screen; the prep
 * view's section is registered here (app/prep-sections.ts). Plans uses one-on-ones (autosave), so
 * one-on-ones cannot import plans.
 */

import { registerCommands } from '../../app/commands';
import { registerPrepSection } from '../../app/prep-sections';
import { lazyPart, lazySection } from '../../ui/lazy-part';
import { preloadableLazy } from '../../ui/lazy-part';
import { planCommands } from './commands';

// The shell imports this module for its registrations: the parts below load with the screen that draws them.
export const GrowthSettingsSection = lazyPart(() => import('./GrowthSettingsSection').then((m) => m.GrowthSettingsSection));
export const PersonPlanSections = lazySection(() => import('./PersonPlanSections').then((m) => m.PersonPlanSections));
// The flag and Today's section show only once their data says so, so they cannot be drawn with the
// screen anyway; and Today, the first screen, must not wait for this chunk.
export const StagnationFlag = lazyPart(() => import('./StagnationFlag').then((m) => m.StagnationFlag));
export const StagnationSection = lazyPart(() => import('./StagnationFlag').then((m) => m.StagnationSection));

registerCommands(planCommands);
registerPrepSection({ id: 'plans.goals', order: 20, Component: preloadableLazy(() => import('./PrepGoalsSection')) });
