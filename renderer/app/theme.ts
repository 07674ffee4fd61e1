import { useEffect } from 'react';

import type { Settings } from '../../shared/settings';
import { trellis, unwrap } from './ipc';

export function applyTheme(theme: Settings['theme']) {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}

/** Follows the OS unless the user chose light or dark in Settings. */
export function useThemeFromSettings() {
  useEffect(() => {
    let cancelled = false;
    unwrap(trellis().settingsGet())
      .then((s) => !cancelled && applyTheme(s.theme))
      .catch(() => applyTheme('system'));
    // Another window may change the theme: follow it.
    const unsubscribe = trellis().onSettingsChanged((s) => applyTheme(s.theme));
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);
}
