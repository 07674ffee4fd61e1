import { useEffect } from 'react';

import type { Settings } from '../../shared/settings';
import { useMainQuery } from './useMain';

export function applyTheme(theme: Settings['theme']) {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}

/** Follows the OS unless the user chose light or dark in Settings, here or in another window. */
export function useThemeFromSettings() {
  const settings = useMainQuery('settings:get', undefined, { refreshOn: ['settings:changed'] });
  // Until settings arrive (or when they cannot be read), the OS decides.
  const theme = settings.status === 'ready' ? settings.value.theme : 'system';
  useEffect(() => applyTheme(theme), [theme]);
}
