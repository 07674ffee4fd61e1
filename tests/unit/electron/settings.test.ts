import { describe, expect, it } from 'vitest';

import { memoryStore } from '../../../electron/services/key-value';
import { createSettingsService } from '../../../electron/services/settings';
import { restorableBounds } from '../../../electron/services/window-state';

const backupDefaults = {
  backupKeepDaily: 7,
  backupKeepWeekly: 4,
  stagnationMonths: null,
  careerConversationMonths: 6,
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
};

describe('settings service', () => {
  it('starts from defaults and saves a patch', () => {
    const store = memoryStore();
    const settings = createSettingsService(store);
    expect(settings.get()).toEqual({ theme: 'system', laddersFolder: null, userEmail: null, userRole: null, mePersonId: null, ...backupDefaults });
    expect(settings.set({ theme: 'dark' })).toEqual({
      theme: 'dark',
      laddersFolder: null,
      userEmail: null,
      userRole: null,
      mePersonId: null,
      ...backupDefaults,
    });
    expect(createSettingsService(store).get().theme).toBe('dark');
  });

  it('refuses an invalid patch and keeps what was stored', () => {
    const store = memoryStore({ settings: { theme: 'light', laddersFolder: null } });
    const settings = createSettingsService(store);
    expect(() => settings.set({ theme: 'neon' } as never)).toThrow();
    expect(store.get('settings')).toEqual({ theme: 'light', laddersFolder: null });
  });

  it('survives a hand-edited or damaged file field by field', () => {
    const settings = createSettingsService(memoryStore({ settings: { theme: 42, laddersFolder: '/home/me/ladders', unknown: true } }));
    expect(settings.get()).toEqual({
      theme: 'system',
      laddersFolder: '/home/me/ladders',
      userEmail: null,
      userRole: null,
      mePersonId: null,
      ...backupDefaults,
    });
    expect(createSettingsService(memoryStore({ settings: 'garbage' })).get()).toEqual({
      theme: 'system',
      laddersFolder: null,
      userEmail: null,
      userRole: null,
      mePersonId: null,
      ...backupDefaults,
    });
  });
});

describe('working hours (where a free slot is looked for)', () => {
  it('keeps hours that end after they start on at least one day, refuses anything else, and drops a damaged value', () => {
    const store = memoryStore();
    const settings = createSettingsService(store);
    expect(settings.set({ workingHours: { start: '08:30', end: '12:00', days: [2, 4] } }).workingHours).toEqual({ start: '08:30', end: '12:00', days: [2, 4] });
    for (const workingHours of [
      { start: '13:00', end: '12:00', days: [1] },
      { start: '09:00', end: '17:00', days: [] },
      { start: '9am', end: '17:00', days: [1] },
      { start: '09:00', end: '24:00', days: [1] },
      { start: '09:00', end: '17:00', days: [8] },
      { start: '09:00', end: '17:00', days: [1, 1] },
    ]) {
      expect(() => settings.set({ workingHours })).toThrow();
    }
    expect(settings.get().workingHours).toEqual({ start: '08:30', end: '12:00', days: [2, 4] });
    const damaged = createSettingsService(memoryStore({ settings: { theme: 'dark', workingHours: { start: '17:00', end: '09:00', days: [1] } } }));
    expect(damaged.get()).toMatchObject({ theme: 'dark', workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] } });
  });
});

describe('your email (the organizer of calendar files)', () => {
  it('keeps a valid email, clears it with null, and refuses anything else', () => {
    const settings = createSettingsService(memoryStore());
    expect(settings.set({ userEmail: 'maya@example.com' }).userEmail).toBe('maya@example.com');
    expect(() => settings.set({ userEmail: 'maya@example.com\r\nATTENDEE:mailto:x@y' })).toThrow();
    expect(() => settings.set({ userEmail: 'not an email' })).toThrow();
    expect(settings.get().userEmail).toBe('maya@example.com');
    expect(settings.set({ userEmail: null }).userEmail).toBeNull();
  });
});

describe('who uses Trellis (role and "this is me")', () => {
  it('keeps a role and a person id, and clears the person with null', () => {
    const settings = createSettingsService(memoryStore());
    expect(settings.set({ userRole: 'engineer', mePersonId: '0b5c1e6a-0c1f-4d7a-9d8e-2f3a4b5c6d7e' })).toMatchObject({
      userRole: 'engineer',
      mePersonId: '0b5c1e6a-0c1f-4d7a-9d8e-2f3a4b5c6d7e',
    });
    expect(settings.set({ mePersonId: null }).mePersonId).toBeNull();
    expect(settings.get().userRole).toBe('engineer');
  });

  it('refuses a role it does not know and a person id that is not an id', () => {
    const settings = createSettingsService(memoryStore());
    for (const mePersonId of ['../settings.json', '', 'a'.repeat(65), '<img src=x>', 'id with spaces', '-leading-dash']) {
      expect(() => settings.set({ mePersonId }), mePersonId).toThrow();
    }
    expect(() => settings.set({ userRole: 'admin' } as never)).toThrow();
    expect(settings.get()).toMatchObject({ userRole: null, mePersonId: null });
  });

  it('drops a damaged role or person id from the file, keeping the rest', () => {
    const settings = createSettingsService(memoryStore({ settings: { theme: 'dark', userRole: 'boss', mePersonId: '../../x' } }));
    expect(settings.get()).toMatchObject({ theme: 'dark', userRole: null, mePersonId: null });
  });
});

describe('window bounds', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };
  it('restores bounds that are on a connected display', () => {
    expect(restorableBounds({ x: 100, y: 100, width: 1200, height: 800 }, [display])).toEqual({ x: 100, y: 100, width: 1200, height: 800, maximized: false });
  });
  it('forgets bounds on a monitor that is gone, or that are damaged', () => {
    expect(restorableBounds({ x: 3000, y: 100, width: 1200, height: 800 }, [display])).toBeNull();
    expect(restorableBounds({ x: 'a' }, [display])).toBeNull();
    expect(restorableBounds(undefined, [display])).toBeNull();
    expect(restorableBounds({ x: 0, y: 0, width: 10, height: 10 }, [display])).toBeNull();
  });
});
