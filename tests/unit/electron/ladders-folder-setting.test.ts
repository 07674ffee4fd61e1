import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { memoryStore } from '../../../electron/services/key-value';
import { createSettingsService } from '../../../electron/services/settings';
import type { Settings } from '../../../shared/settings';
import { createTestMain, type TestMain } from '../../support/main-context';

let main: TestMain;
beforeEach(async () => {
  main = await createTestMain();
});
afterEach(() => main.dispose());

describe('the ladders folder comes only from main’s own dialog', () => {
  it('settings:set refuses laddersFolder, and ladders stay where they were', async () => {
    const elsewhere = path.join(main.dataDir, 'repo', '.github', 'workflows');
    await mkdir(elsewhere, { recursive: true });
    await writeFile(path.join(elsewhere, 'ci.yml'), 'on: push\n');
    for (const patch of [{ laddersFolder: elsewhere }, { theme: 'dark', laddersFolder: elsewhere }, { laddersFolder: null }]) {
      expect(await main.dispatch('settings:set', patch)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(main.store.get('settings')).toBeUndefined();
    const list = await main.dispatch('ladders:list', undefined);
    expect(list).toMatchObject({ ok: true, value: { folder: main.laddersDir } });
    expect(await readdir(elsewhere)).toEqual(['ci.yml']);
  });

  it('ladders:choose-folder sets it from the dialog’s answer, and announces the change', async () => {
    const chosen = path.join(main.dataDir, 'checkout');
    await mkdir(chosen);
    main.chooseFolderAnswers.push(chosen);
    expect(await main.dispatch('ladders:choose-folder', undefined)).toEqual({ ok: true, value: { folder: chosen } });
    expect(main.store.get('settings')).toMatchObject({ laddersFolder: chosen });
    expect(main.emitted.filter((e) => e.event === 'settings:changed').map((e) => (e.payload as Settings).laddersFolder)).toEqual([chosen]);
  });

  it('a relative answer is refused, whoever gives it', async () => {
    main.chooseFolderAnswers.push('ladders');
    expect(await main.dispatch('ladders:choose-folder', undefined)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(main.store.get('settings')).toBeUndefined();
  });

  it('a relative folder in a hand-edited settings file is ignored', () => {
    for (const laddersFolder of ['ladders', './ladders', '../x', 'C:relative']) {
      expect(createSettingsService(memoryStore({ settings: { laddersFolder } })).get().laddersFolder, laddersFolder).toBeNull();
    }
    expect(createSettingsService(memoryStore({ settings: { laddersFolder: '/home/me/ladders' } })).get().laddersFolder).toBe('/home/me/ladders');
  });
});

describe('the settings service announces every change itself', () => {
  it('calls onChanged after set and after setLaddersFolder', () => {
    const seen: Settings[] = [];
    const settings = createSettingsService(memoryStore(), (s) => seen.push(s));
    settings.set({ theme: 'dark' });
    settings.setLaddersFolder('/srv/ladders');
    expect(seen.map(({ theme, laddersFolder }) => ({ theme, laddersFolder }))).toEqual([
      { theme: 'dark', laddersFolder: null },
      { theme: 'dark', laddersFolder: '/srv/ladders' },
    ]);
    expect(() => settings.setLaddersFolder('relative/folder')).toThrow(/full path/);
    expect(seen).toHaveLength(2);
  });
});
