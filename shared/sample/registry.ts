import type { SampleModule } from './context';
import { actionItemsModule } from './modules/action-items';
import { assessmentsModule } from './modules/assessments';
import { calibrationModule } from './modules/calibration';
import { cyclesModule } from './modules/cycles';
import { feedbackModule } from './modules/feedback';
import { goalsModule } from './modules/goals';
import { oneOnOnesModule } from './modules/one-on-ones';
import { orgModule } from './modules/org';
import { winsModule } from './modules/wins';

/**
 * The generator modules, in the order they run. A feature that adds a table adds its schema to
 * tables.ts and one module here (after the modules it reads). Each module draws from its own
 * random stream, so adding one leaves every other table's rows exactly as they were.
 */
export const sampleModules: readonly SampleModule[] = [
  orgModule,
  oneOnOnesModule,
  actionItemsModule,
  assessmentsModule,
  feedbackModule,
  goalsModule,
  calibrationModule,
  cyclesModule,
  winsModule,
];
