import type { CaptureKind } from './quick-capture';

/**
 * Keyboard shortcuts of the whole app, listed in the overlay (`?`). Keys are written as the user
 * presses them; "Mod" is ⌘ on a Mac and Ctrl elsewhere. Single keys work only when the focus is
 * not in a text field, so typing is never taken over.
 */
export type ShortcutAction =
  | { kind: 'palette' }
  | { kind: 'search' }
  | { kind: 'overlay' }
  | { kind: 'navigate'; path: string }
  /** Opens the palette at a registered command (see app/commands.ts). */
  | { kind: 'command'; id: string }
  /** Opens a quick-capture dialog over the screen (app/quick-capture.ts). */
  | { kind: 'capture'; what: CaptureKind };

export interface Shortcut {
  /** A sequence of key presses: ["G", "P"] is G, then P. */
  keys: readonly string[];
  label: string;
  group: 'General' | 'Go to' | 'Actions' | 'On a meeting';
  /** Absent: handled by the screen itself, listed here so the overlay shows it. */
  action?: ShortcutAction;
}

export const shortcuts: readonly Shortcut[] = [
  { keys: ['Mod+K'], label: 'Open the command palette', group: 'General', action: { kind: 'palette' } },
  { keys: ['/'], label: 'Search everything', group: 'General', action: { kind: 'search' } },
  { keys: ['?'], label: 'Show keyboard shortcuts', group: 'General', action: { kind: 'overlay' } },
  { keys: ['G', 'T'], label: 'Go to Today', group: 'Go to', action: { kind: 'navigate', path: '/' } },
  { keys: ['G', 'P'], label: 'Go to People', group: 'Go to', action: { kind: 'navigate', path: '/people' } },
  { keys: ['G', 'O'], label: 'Go to 1:1s', group: 'Go to', action: { kind: 'navigate', path: '/one-on-ones' } },
  { keys: ['G', 'L'], label: 'Go to Ladders', group: 'Go to', action: { kind: 'navigate', path: '/ladders' } },
  { keys: ['G', 'S'], label: 'Go to Settings', group: 'Go to', action: { kind: 'navigate', path: '/settings' } },
  { keys: ['S'], label: 'Start a 1:1 with…', group: 'Actions', action: { kind: 'command', id: 'one-on-ones.start' } },
  { keys: ['Q'], label: 'Queue a talking point for…', group: 'Actions', action: { kind: 'command', id: 'one-on-ones.queue-point' } },
  { keys: ['F'], label: 'Capture feedback (about the person on screen)', group: 'Actions', action: { kind: 'capture', what: 'feedback' } },
  { keys: ['W'], label: 'Log a win (of the person on screen)', group: 'Actions', action: { kind: 'capture', what: 'win' } },
  { keys: ['Mod+Z'], label: 'Undo the last change to the agenda or action items', group: 'On a meeting' },
  { keys: ['Enter'], label: 'Add the talking point or action item being typed', group: 'On a meeting' },
];

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A key as the overlay shows it on this system. */
export function keyLabel(key: string): string {
  return key.replace('Mod', isMac() ? '⌘' : 'Ctrl');
}

/** The key of an event as the table writes it: "Mod+K", "?", "G". */
export function eventKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): string | null {
  if (e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  const mod = isMac() ? e.metaKey : e.ctrlKey;
  if (mod) return `Mod+${key}`;
  if (e.ctrlKey || e.metaKey) return null;
  return key;
}

/**
 * Follows key presses through the table: returns the shortcut a press completes, or null. A
 * first key of a sequence ("G") is remembered for a moment and waits for the next.
 */
export function createShortcutMatcher(table: readonly Shortcut[] = shortcuts, waitMs = 1500) {
  let prefix: { key: string; at: number } | null = null;
  return (key: string, now = Date.now()): Shortcut | null => {
    const keys = prefix && now - prefix.at < waitMs ? [prefix.key, key] : [key];
    prefix = null;
    const actionable = table.filter((s) => s.action);
    const exact = actionable.find((s) => s.keys.length === keys.length && s.keys.every((k, i) => k === keys[i]));
    if (exact) return exact;
    if (keys.length === 2) return createShortcutMatcherRetry(actionable, key, now, (p) => (prefix = p));
    if (actionable.some((s) => s.keys.length === 2 && s.keys[0] === key)) prefix = { key, at: now };
    return null;
  };
}

/** After a prefix that led nowhere, the key may start afresh. */
function createShortcutMatcherRetry(
  table: readonly Shortcut[],
  key: string,
  now: number,
  setPrefix: (p: { key: string; at: number }) => void,
): Shortcut | null {
  const single = table.find((s) => s.keys.length === 1 && s.keys[0] === key);
  if (single) return single;
  if (table.some((s) => s.keys.length === 2 && s.keys[0] === key)) setPrefix({ key, at: now });
  return null;
}
