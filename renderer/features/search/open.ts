import { requestReveal } from '../../app/reveal';
import type { SearchHit } from './engine';
import { searchKind } from './kinds';

/** Opens the screen of a hit, at the match: returns the route to navigate to. */
export function openSearchHit(hit: SearchHit, navigate: (path: string) => void): void {
  const kind = searchKind(hit.kind);
  if (!kind) return;
  const target = kind.open(hit);
  if (target.reveal) requestReveal(target.reveal);
  navigate(target.path);
}
