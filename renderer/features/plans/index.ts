/**
 * The public surface of growth plans (goals, milestones, check-ins; stretch work and learning;
 * stagnation): what other features may use. Its screen (GoalPage) and the meeting's panel
 * (MeetingGoals) are loaded by app/App.tsx, which hands the panel to the meeting screen; the prep
 * view's section is registered here (app/prep-sections.ts). Plans uses one-on-ones (autosave), so
 * one-on-ones cannot import plans.
 */
import { lazy } from 'react';

import { registerCommands } from '../../app/commands';
import { registerPrepSection } from '../../app/prep-sections';
import { planCommands } from './commands';

export { GrowthPlanSection } from './GrowthPlanSection';
export { GrowthSettingsSection } from './GrowthSettingsSection';
export { PersonPlanSections } from './PersonPlanSections';
export { StagnationFlag, StagnationSection } from './StagnationFlag';

registerCommands(planCommands);
registerPrepSection({ id: 'plans.goals', order: 20, Component: lazy(() => import('./PrepGoalsSection')) });
