/**
 * The public surface of growth plans (goals, milestones, check-ins; stretch work and learning;
 * stagnation): what other features may use. Its screen (GoalPage) and the panels the 1:1 screens
 * show (MeetingGoals, PrepGoals) are loaded by app/App.tsx, which hands them to those screens:
 * plans uses one-on-ones (autosave), so one-on-ones cannot import plans.
 */
import { registerCommands } from '../../app/commands';
import { planCommands } from './commands';

export { GrowthPlanSection } from './GrowthPlanSection';
export { GrowthSettingsSection } from './GrowthSettingsSection';
export { PersonPlanSections } from './PersonPlanSections';
export { StagnationFlag, StagnationSection } from './StagnationFlag';

registerCommands(planCommands);
