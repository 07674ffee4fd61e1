/**
 * HTML the Markdown component made lately, by policy and source, newest last: going back to a
 * meeting or a prep view draws the same notes again, and parsing and sanitising them was most of
 * that screen's work. A module of its own, without the parser, so the lock can empty it from the
 * first screen's code.
 */
const kept = new Map<string, string>();
const KEPT = 300;

export function keptRendering(key: string, render: () => string): string {
  let html = kept.get(key);
  if (html === undefined) html = render();
  else kept.delete(key);
  kept.set(key, html);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return html;
}

/** Drops every kept rendering: what locking does, so no decrypted note outlives the key in memory. */
export function forgetRenderedMarkdown(): void {
  kept.clear();
}

/** How many renderings are kept (tests). */
export function keptRenderings(): number {
  return kept.size;
}
