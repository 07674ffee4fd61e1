import type { SourcePosition } from './model';
import { type ParsedFile, type PathKey, rangeAt } from './source';

/** 1-based line and column of the node at `path`, for "open this in the editor". */
export function positionOf(file: ParsedFile, path: readonly PathKey[]): SourcePosition | undefined {
  const range = rangeAt(file, path);
  if (!range) return undefined;
  const { line, col } = file.lineCounter.linePos(range[0]);
  return { file: file.path, line, column: col, path: [...path] };
}
