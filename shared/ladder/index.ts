/** Career ladders: the file format, the checker and the resolved model the app uses. */
export { cellFor, checkLadder } from './check';
export { checkSharedLadderFile, isSharedLadderFile, type SharedFileCheck } from './check-shared';
export * from './model';
export * from './schema';
export { limits } from './source';
export { closest, didYouMean, editDistance } from './suggest';
