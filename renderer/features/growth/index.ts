/**
 * The public surface of Growth: what other features may use. Its screens are loaded by
 * app/App.tsx; everything else here is private to the feature. Its commands join the palette
 * from here.
 */
import { registerCommands } from '../../app/commands';
import { growthCommands } from './commands';

export { type CoverageEvidence, EvidenceCoverage, useCoverageEvidence } from './EvidenceCoverage';
export { type LadderLevel, LadderLevelFields, useLadderLevel } from './LadderLevelFields';

registerCommands(growthCommands);
