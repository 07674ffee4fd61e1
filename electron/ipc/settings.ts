import type { settingsContract } from '../../shared/ipc/settings';
import type { SettingsService } from '../services/settings';
import type { DomainHandlers } from './dispatch';

export function createSettingsHandlers(settings: SettingsService): DomainHandlers<typeof settingsContract> {
  return {
    'settings:get': () => settings.get(),
    // The service itself announces the change (settings:changed), whoever asked for it.
    'settings:set': (patch) => settings.set(patch),
  };
}
