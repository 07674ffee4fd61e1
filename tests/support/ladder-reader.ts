import type { ReadInclude } from '../../shared/ladder';

/** A ReadInclude over an in-memory map of absolute POSIX paths to text, for tests. */
export const mapReader =
  (map: Record<string, string>): ReadInclude =>
  (from, include) => {
    const resolved = `${from.slice(0, from.lastIndexOf('/'))}/${include}`;
    const text = map[resolved];
    return text === undefined ? null : { path: resolved, text };
  };
