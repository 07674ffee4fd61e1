import { defaultSettings, type Settings, type SettingsPatch, settingsPatchSchema, settingsSchema } from '../../shared/settings';
import type { KeyValueStore } from './key-value';

const KEY = 'settings';

export interface SettingsService {
  get(): Settings;
  /** Applies a patch and tells `onChanged` (which pushes `settings:changed` to every window). */
  set(patch: SettingsPatch): Settings;
  readonly path: string;
}

export function createSettingsService(store: KeyValueStore, onChanged: (settings: Settings) => void = () => {}): SettingsService {
  /** A damaged or hand-edited value falls back to defaults field by field, never to a crash. */
  const read = (): Settings => {
    const raw = store.get(KEY);
    if (raw === undefined || raw === null || typeof raw !== 'object') return { ...defaultSettings };
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const [field, value] of Object.entries(raw)) {
      if (!(field in defaultSettings)) continue;
      const single = settingsSchema.safeParse({ ...defaultSettings, [field]: value });
      if (single.success) merged[field] = value;
    }
    return settingsSchema.parse(merged);
  };
  return {
    get: read,
    set(patch) {
      const valid = settingsPatchSchema.parse(patch);
      const next = settingsSchema.parse({ ...read(), ...valid });
      store.set(KEY, next);
      onChanged(next);
      return next;
    },
    path: store.path,
  };
}
