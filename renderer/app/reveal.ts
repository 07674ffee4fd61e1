import { useEffect } from 'react';

import { fold } from '../../shared/domain/text';

/**
 * "Open it at the match": a screen opened from search (or the palette) is told what to show
 * first. The opener calls `requestReveal` and navigates; the part of the screen that holds the
 * target calls `useReveal` and, when a request names it, scrolls to and selects the match. A
 * request is taken once, and forgotten after a few seconds if no screen took it.
 */
export interface RevealRequest {
  /** What to reveal, named by the screen that shows it: "meeting:<id>:private", "ladder-cell". */
  target: string;
  /** Folded words to find (for text) or the screen's own reference (for a ladder cell). */
  terms: string[];
}

let pending: { request: RevealRequest; at: number } | null = null;
const listeners = new Set<() => void>();
const STALE_MS = 5000;

export function requestReveal(request: RevealRequest): void {
  pending = { request, at: Date.now() };
  for (const l of listeners) l();
}

/** Takes the pending request if it names `target` (only once). */
export function takeReveal(target: string): RevealRequest | null {
  if (!pending || pending.request.target !== target) return null;
  const { request, at } = pending;
  pending = null;
  return Date.now() - at < STALE_MS ? request : null;
}

/** Calls `reveal` when a request for `target` is pending now or arrives while mounted. */
export function useReveal(target: string | undefined, reveal: (request: RevealRequest) => void): void {
  useEffect(() => {
    if (!target) return;
    const check = () => {
      const request = takeReveal(target);
      if (request) reveal(request);
    };
    check();
    listeners.add(check);
    return () => void listeners.delete(check);
  }, [target, reveal]);
}

/** Where in `text` the first of the folded `terms` starts, as a word (or its start); -1 if none. */
export function findTerm(text: string, terms: readonly string[]): { start: number; end: number } | null {
  const words = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  for (const m of words) {
    const f = fold(m[0]);
    if (terms.some((t) => f === t || (t.length >= 2 && f.startsWith(t)))) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** Focuses a textarea with the first match selected and scrolled into view. */
export function revealInTextArea(area: HTMLTextAreaElement, terms: readonly string[]): void {
  const at = findTerm(area.value, terms);
  area.focus({ preventScroll: true });
  area.scrollIntoView({ block: 'center' });
  if (!at) return;
  area.setSelectionRange(at.start, at.end);
  area.scrollTop = Math.max(0, heightOfTextBefore(area, at.start) - area.clientHeight / 2);
}

/** How tall the textarea's text up to `index` is, wrapped as the textarea wraps it. */
function heightOfTextBefore(area: HTMLTextAreaElement, index: number): number {
  const style = getComputedStyle(area);
  const mirror = document.createElement('div');
  for (const p of [
    'fontFamily',
    'fontSize',
    'fontWeight',
    'lineHeight',
    'letterSpacing',
    'paddingLeft',
    'paddingRight',
    'paddingTop',
    'boxSizing',
    'tabSize',
  ] as const)
    mirror.style[p] = style[p];
  mirror.style.width = `${area.clientWidth}px`;
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.textContent = area.value.slice(0, index) || ' ';
  document.body.appendChild(mirror);
  const height = mirror.scrollHeight;
  mirror.remove();
  return height;
}
