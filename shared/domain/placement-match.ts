/**
 * Reading a level written as text (an HR export's "Level" column, a free-text level from before
 * ladders) as a place on a ladder: it matches a level or sub-level by id or title, ignoring case
 * and spacing. Text that matches nothing stays text; nothing is guessed.
 */
import type { PlacementOption } from '../ladder/placement';

export interface LevelMatch {
  trackId: string;
  levelId: string;
  /** How the matched level is titled on its track. */
  title: string;
}

const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The track and level `text` names on a ladder. When several tracks have that level, the one
 * `trackHint` names (a track column's text, by id or name) wins, else the first track listed.
 */
export function matchLevel(options: PlacementOption[], text: string | undefined, trackHint?: string): LevelMatch | null {
  if (!text || key(text) === '') return null;
  const wanted = key(text);
  const found: LevelMatch[] = [];
  for (const track of options) {
    for (const level of track.levels) {
      const candidates = [{ id: level.id, title: level.title }, ...level.subLevels.map((s) => ({ id: s.id, title: s.title }))];
      const hit = candidates.find((c) => key(c.id) === wanted || key(c.title) === wanted);
      if (hit) {
        found.push({ trackId: track.trackId, levelId: hit.id, title: hit.title });
        break;
      }
    }
  }
  if (found.length <= 1) return found[0] ?? null;
  const hint = trackHint ? key(trackHint) : '';
  const byHint = hint
    ? found.find((f) => {
        const track = options.find((t) => t.trackId === f.trackId)!;
        return key(track.trackId) === hint || key(track.trackName) === hint;
      })
    : undefined;
  return byHint ?? found[0]!;
}
