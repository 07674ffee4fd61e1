import type { SettingsService } from '../services/settings';
import type { PartialHandlerTable } from './dispatch';
import type { EventSink } from './events';

export function createSettingsHandlers(settings: SettingsService, events: EventSink): PartialHandlerTable<'settings:get' | 'settings:set'> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': (patch) => {
      const next = settings.set(patch);
      events.emit('settings:changed', next);
      return next;
    },
  };
}
