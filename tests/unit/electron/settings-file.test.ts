import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { recoverSettingsFile, recoveryNotice } from '../../../electron/services/settings-file';
import { confStore } from '../../support/main-context';

let dir: string;
let file: string;
const now = () => new Date('2026-03-02T09:15:00.123Z');
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'trellis-settings-'));
  file = path.join(dir, 'settings.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('a damaged settings.json', () => {
  it.each([
    ['not JSON at all', '{"settings": {"theme": "dark"', 'invalid-json'],
    ['an empty file', '', 'invalid-json'],
    ['not an object', '[1, 2, 3]', 'wrong-types'],
    ['settings of the wrong type', '{"settings": "dark"}', 'wrong-types'],
    ['a theme of the wrong type', '{"settings": {"theme": 42}}', 'wrong-types'],
    ['a folder of the wrong type', '{"settings": {"laddersFolder": {"path": "/x"}}}', 'wrong-types'],
    ['window bounds of the wrong type', '{"window": 7}', 'wrong-types'],
  ])('(%s) is moved aside as settings.corrupt-<date>.json', async (_what, text, reason) => {
    await writeFile(file, text);
    const recovery = recoverSettingsFile(file, now);
    expect(recovery).toEqual({ movedTo: path.join(dir, 'settings.corrupt-2026-03-02T09-15-00Z.json'), reason });
    expect(await readdir(dir)).toEqual(['settings.corrupt-2026-03-02T09-15-00Z.json']);
    expect(await readFile(recovery!.movedTo, 'utf8')).toBe(text);
    // electron-store (conf) then starts from defaults instead of throwing.
    expect(confStore(dir).get('settings')).toBeUndefined();
  });

  it('is not touched when it is fine, absent, or only holds values a newer Trellis knows', async () => {
    expect(recoverSettingsFile(file, now)).toBeNull();
    for (const text of [
      '{}',
      '{"settings": {"theme": "dark", "laddersFolder": null}}',
      '{"settings": {"theme": "sepia", "future": [1]}, "window": {"x": 1}}',
    ]) {
      await writeFile(file, text);
      expect(recoverSettingsFile(file, now), text).toBeNull();
      expect(await readFile(file, 'utf8')).toBe(text);
    }
  });

  it('never overwrites an earlier damaged copy', async () => {
    await writeFile(path.join(dir, 'settings.corrupt-2026-03-02T09-15-00Z.json'), 'first');
    await writeFile(file, 'second {');
    expect(recoverSettingsFile(file, now)?.movedTo).toBe(path.join(dir, 'settings.corrupt-2026-03-02T09-15-00Z-2.json'));
    expect(await readFile(path.join(dir, 'settings.corrupt-2026-03-02T09-15-00Z.json'), 'utf8')).toBe('first');
  });

  it('tells the user what happened and where the old file is', () => {
    const notice = recoveryNotice({ movedTo: '/data/settings.corrupt-x.json', reason: 'invalid-json' });
    expect(notice).toMatchObject({ severity: 'warning', title: 'Your settings were reset' });
    expect(notice.message).toContain('it is not valid JSON');
    expect(notice.message).toContain('/data/settings.corrupt-x.json');
  });

  it('conf itself throws on such a file, which is why it is checked first', async () => {
    await writeFile(file, '{"settings": ');
    expect(() => confStore(dir)).toThrow();
  });
});
