/** Career ladders: the file format, the checker and the resolved model the app uses. */
export { cellFor, checkLadder, fileProblem } from './check';
export { checkSharedLadderFile, isSharedLadderFile, type SharedFileCheck } from './check-shared';
export { criteriaText, derivedCriterionId } from './criteria';
export {
  criteriaIndex,
  criteriaOfCell,
  type CriterionIdChange,
  criterionIdChanges,
  criterionIdWarnings,
  findCriterion,
  type IndexedCriterion,
} from './criteria-ids';
export { limits } from './limits';
export * from './model';
export { checkPlacement, type Placement, type PlacementCheck, type PlacementOption, placementOptions, type PlacementSuggestion } from './placement';
export {
  type AskedCriterion,
  compareLevels,
  type ExpectedStep,
  expectedStep,
  type LevelAsks,
  levelAsks,
  levelAsksAll,
  type LevelDelta,
  levelDelta,
  newAtLevel,
  progressionOf,
} from './progression';
export { builtInScale } from './resolve-structure';
export * from './schema';
export { type LevelSuggestion, type PointsContribution, type Rating, suggestLevel } from './scoring';
export { closest, didYouMean, editDistance, isLikelyTypo } from './suggest';
