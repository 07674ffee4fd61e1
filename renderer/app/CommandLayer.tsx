import { Suspense, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';

import { preloadableLazy } from '../ui/lazy-part';
import { setPaletteOpen, usePaletteOpen } from './palette-open';
import { requestCapture, useCaptureRequest } from './quick-capture';
import { createShortcutMatcher, eventKey, type ShortcutAction } from './shortcuts';

// The palette (cmdk, search results) and the overlay are loaded on first use, not with the first screen.
const Palette = preloadableLazy(() => import('../features/palette/Palette'));
const ShortcutsOverlay = preloadableLazy(() => import('../features/palette/ShortcutsOverlay'));
// The search index starts once the first screen is up; its worker reads IndexedDB on its own.
const SearchIndexer = preloadableLazy(() => import('../features/search/Indexer'));
// Quick capture of feedback, over any screen, loaded on first use.
const FeedbackCapture = preloadableLazy(() => import('../features/feedback/QuickCaptureDialog'));
const WinCapture = preloadableLazy(() => import('../features/feedback/WinCaptureDialog'));

/** Typing in a field (or a dialog being open) keeps single-key shortcuts out of the way. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.closest('[role="dialog"], [role="alertdialog"]') !== null;
}

/**
 * The app's keyboard layer: Ctrl/Cmd+K opens the command palette from anywhere, `?` the list of
 * shortcuts, and the single-key shortcuts of app/shortcuts.ts work wherever the focus is not in a
 * text field.
 */
export function CommandLayer() {
  const palette = usePaletteOpen();
  const setPalette = setPaletteOpen;
  const [overlay, setOverlay] = useState(false);
  const capture = useCaptureRequest();
  const [location, navigate] = useLocation();
  const match = useMemo(() => createShortcutMatcher(), []);

  useEffect(() => {
    const run = (action: ShortcutAction) => {
      if (action.kind === 'palette') setPalette((open) => (open ? null : { mode: 'commands' }));
      else if (action.kind === 'search') setPalette({ mode: 'search' });
      else if (action.kind === 'overlay') setOverlay(true);
      else if (action.kind === 'navigate') navigate(action.path);
      else if (action.kind === 'capture') requestCapture({ kind: action.what });
      else setPalette({ mode: 'commands', commandId: action.id });
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const key = eventKey(e);
      if (!key) return;
      if (key === 'Mod+K') {
        e.preventDefault();
        setOverlay(false);
        run({ kind: 'palette' });
        return;
      }
      if (isTyping(e.target)) return;
      const shortcut = match(key);
      if (!shortcut?.action) return;
      e.preventDefault();
      run(shortcut.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [match, navigate, setPalette]);

  return (
    <>
      <Suspense fallback={null}>
        <SearchIndexer />
      </Suspense>
      <Suspense fallback={null}>
        {palette && (
          <Palette
            key={`${palette.mode}:${palette.commandId ?? ''}`}
            open={palette}
            onClose={() => setPalette(null)}
            onShowShortcuts={() => setOverlay(true)}
          />
        )}
        {overlay && <ShortcutsOverlay onClose={() => setOverlay(false)} />}
        {capture?.kind === 'feedback' && <FeedbackCapture screen={location} personId={capture.personId} onClose={() => requestCapture(null)} />}
        {capture?.kind === 'win' && <WinCapture screen={location} personId={capture.personId} onClose={() => requestCapture(null)} />}
      </Suspense>
    </>
  );
}
