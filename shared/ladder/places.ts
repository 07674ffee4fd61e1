/**
 * Where something is in a ladder file, said the way its author thinks of it: `competency "code",
 * level "L2"` rather than `competencies[0].levels.L2`, and `level 2` (counting from 1) for an item
 * that has no id to name it by.
 */
import type { PathKey } from './source';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lists whose items have ids: the item is named by its id. */
const namedLists: Record<string, string> = {
  competencies: 'competency',
  levels: 'level',
  tracks: 'track',
  scales: 'scale',
  categories: 'category',
  steps: 'step',
  subLevels: 'sub-level',
  archetypes: 'archetype',
};

/** Lists whose items are counted. */
const countedLists: Record<string, string> = {
  changelog: 'changelog entry',
  include: 'include',
  criteria: 'criterion',
  examples: 'example',
  links: 'link',
  signals: 'signal',
  emphasis: 'emphasis',
  bands: 'band',
  titles: 'title',
  tracks: 'track',
  competencies: 'competency',
};

/** Maps keyed by ids: the entry is named by its key. */
const keyedMaps: Record<string, (key: string) => string> = {
  levels: (key) => `level "${key}"`,
  ranks: (key) => `rank ${key}`,
  titles: (key) => `title for track "${key}"`,
};

/** The places `path` goes through, outermost first: ["competency \"code\"", "level \"L2\""]. */
export function placesOf(root: unknown, path: readonly PathKey[]): string[] {
  const places: string[] = [];
  let value = root;
  let parentKey: PathKey | undefined;
  let containerIsList = false;
  for (const key of path) {
    const child = isRecord(value) || Array.isArray(value) ? (value as Record<PathKey, unknown>)[key] : undefined;
    if (typeof key === 'number' && typeof parentKey === 'string') {
      const named = namedLists[parentKey];
      const id = isRecord(child) && typeof child.id === 'string' && child.id.trim() !== '' ? child.id : undefined;
      // A competency's `tracks` is a list of ids, not of tracks: count it.
      if (named && id !== undefined && !(parentKey === 'tracks' && places.length > 0)) places.push(`${named} "${id}"`);
      else places.push(`${countedLists[parentKey] ?? namedLists[parentKey] ?? `entry of "${parentKey}"`} ${key + 1}`);
    } else if (typeof key === 'string' && typeof parentKey === 'string' && !containerIsList && keyedMaps[parentKey] && isRecord(value) && places.length > 0) {
      places.push(keyedMaps[parentKey]!(key));
    } else if (typeof key === 'string' && key === 'scoring' && places.length === 0) {
      places.push('scoring');
    }
    containerIsList = Array.isArray(child);
    parentKey = key;
    value = child;
  }
  return places;
}

/** ` in competency "code", level "L2"`, or nothing at the top of the file. */
export function inPlace(root: unknown, path: readonly PathKey[]): string {
  const places = placesOf(root, path);
  return places.length === 0 ? '' : ` in ${places.join(', ')}`;
}

/**
 * How to name the value at `path` in a message: `"summary" in level "L2"`, `level 3`,
 * `example 2 in competency "code", level "L1"`, or `the file`.
 */
export function describeAt(root: unknown, path: readonly PathKey[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') {
    const places = placesOf(root, path);
    const own = places.pop();
    return `${own ?? `entry ${last + 1}`}${places.length > 0 ? ` in ${places.join(', ')}` : ''}`;
  }
  const parent = path.slice(0, -1);
  // The key of an id-keyed map is itself the place ("level \"L2\"" in a competency).
  const places = placesOf(root, path);
  const parentPlaces = placesOf(root, parent);
  if (places.length > parentPlaces.length) return `${places[places.length - 1]}${inPlace(root, parent)}`;
  return `"${last}"${inPlace(root, parent)}`;
}
