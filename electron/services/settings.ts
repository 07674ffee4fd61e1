import path from 'node:path';

import { AppError } from '../../shared/ipc/result';
import { defaultSettings, type Settings, type SettingsPatch, settingsPatchSchema, settingsSchema } from '../../shared/settings';
import type { KeyValueStore } from './key-value';

const KEY = 'settings';

export interface SettingsService {
  get(): Settings;
  /** Applies a patch from the renderer (settings:set) and tells `onChanged`. */
  set(patch: SettingsPatch): Settings;
  /**
   * The ladders folder, only ever from the answer of main's folder dialog. A relative path is
   * refused: it would mean whatever folder main happens to run in.
   */
  setLaddersFolder(folder: string): Settings;
  readonly path: string;
}

/** `onChanged` runs after every change, whoever made it: main pushes `settings:changed` to every window from there. */
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
    const settings = settingsSchema.parse(merged);
    // Absolute on this platform too ("C:\…" is not a folder on Linux).
    if (settings.laddersFolder !== null && !path.isAbsolute(settings.laddersFolder)) settings.laddersFolder = null;
    return settings;
  };
  const write = (next: Settings) => {
    store.set(KEY, next);
    onChanged(next);
    return next;
  };
  return {
    get: read,
    set(patch) {
      const valid = settingsPatchSchema.parse(patch);
      return write(settingsSchema.parse({ ...read(), ...valid }));
    },
    setLaddersFolder(folder) {
      if (typeof folder !== 'string' || !path.isAbsolute(folder) || folder.includes('\0'))
        throw new AppError('invalid-input', 'The ladders folder must be a full path to a folder.');
      return write(settingsSchema.parse({ ...read(), laddersFolder: path.resolve(folder) }));
    },
    path: store.path,
  };
}
