import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { SCAN_LIMITS, scanFolder } from '../../../electron/services/ladders/catalog';
import { createLaddersService, type LaddersService, type LaddersServiceOptions } from '../../../electron/services/ladders/service';
import { eventually } from '../../support/eventually';
import { createTestMain } from '../../support/main-context';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/ladders/app');
const shipped = path.resolve(import.meta.dirname, '../../../ladders');

let root: string;
let services: LaddersService[];
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'trellis-folder-'));
  services = [];
});
afterEach(async () => {
  for (const s of services) await s.close();
  await rm(root, { recursive: true, force: true });
});

function start(options: Partial<LaddersServiceOptions> & { userFolder: () => string }) {
  const service = createLaddersService({ bundledDir: shipped, userDataDir: path.join(root, 'data'), onChanged: () => {}, debounceMs: 40, ...options });
  services.push(service);
  return service;
}

describe('a ladders folder that cannot be loaded', () => {
  it('still lists the shipped ladders, says why, and is loaded as soon as it is back', async () => {
    const drive = path.join(root, 'usb', 'ladders');
    const service = start({ userFolder: () => drive, mayCreate: () => false });
    const first = await service.list();
    expect(first.ladders.map((l) => l.key)).toContain('bundled:engineering.yaml');
    expect(first.folderProblems).toEqual([{ severity: 'error', message: expect.stringContaining('it does not exist (is its drive plugged in?)') }]);
    // A chosen folder that is gone is reported, never recreated where its drive used to be.
    await expect(mkdir(drive)).rejects.toMatchObject({ code: 'ENOENT' });

    await mkdir(drive, { recursive: true });
    await cp(path.join(fixtures, 'team.yaml'), path.join(drive, 'team.yaml'));
    await cp(path.join(fixtures, 'parts'), path.join(drive, 'parts'), { recursive: true });
    const again = await service.list();
    expect(again.folderProblems).toEqual([]);
    expect(again.ladders.map((l) => l.key)).toContain('user:team.yaml');
  });

  it('is retried by itself, and the change is announced', async () => {
    const drive = path.join(root, 'later');
    const changes: string[][] = [];
    const service = start({ userFolder: () => drive, mayCreate: () => false, retryMs: 50, onChanged: (k) => changes.push(k) });
    expect((await service.list()).folderProblems).toHaveLength(1);
    await mkdir(drive);
    await cp(path.join(fixtures, 'support.yaml'), path.join(drive, 'support.yaml'));
    await cp(path.join(fixtures, 'parts'), path.join(drive, 'parts'), { recursive: true });
    await eventually(() => expect(changes.flat()).toContain('user:support.yaml'));
  });

  it('a full disk where versions are kept does not break the first load', async () => {
    const folder = path.join(root, 'mine');
    await mkdir(folder);
    await cp(path.join(fixtures, 'team.yaml'), path.join(folder, 'team.yaml'));
    await cp(path.join(fixtures, 'parts'), path.join(folder, 'parts'), { recursive: true });
    // The version store cannot be written: its folder's place is taken by a file.
    await mkdir(path.join(root, 'data'));
    await writeFile(path.join(root, 'data', 'ladder-versions'), 'not a folder');
    const list = await start({ userFolder: () => folder }).list();
    const team = list.ladders.find((l) => l.key === 'user:team.yaml')!;
    expect(team.status).toBe('valid');
    expect(team.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'version-not-stored' })]);
    expect(list.ladders.some((l) => l.origin === 'bundled')).toBe(true);
  });

  it('the folder chooser opens without a successful list first', async () => {
    const main = await createTestMain();
    try {
      // The settings name a folder on a drive that is gone.
      main.store.set('settings', { theme: 'system', laddersFolder: path.join(root, 'gone') });
      const list = await main.dispatch('ladders:list', undefined);
      expect(list).toMatchObject({ ok: true, value: { folderProblems: [{ severity: 'error' }] } });
      const other = path.join(root, 'other');
      await mkdir(other);
      main.chooseFolderAnswers.push(other);
      expect(await main.dispatch('ladders:choose-folder', undefined)).toEqual({ ok: true, value: { folder: other } });
      expect(await main.dispatch('ladders:list', undefined)).toMatchObject({ ok: true, value: { folder: other, folderProblems: [] } });
    } finally {
      await main.dispose();
    }
  });
});

describe('a huge folder (/, a home folder) does not stall main', () => {
  it('reads a bounded number of entries and warns that the folder looks wrong', async () => {
    const huge = path.join(root, 'huge');
    await mkdir(huge);
    for (let i = 0; i < SCAN_LIMITS.entries + 50; i++) await writeFile(path.join(huge, `${String(i).padStart(5, '0')}.yaml`), '');
    const list = await start({ userFolder: () => huge }).list();
    expect(list.ladders.filter((l) => l.origin === 'user')).toHaveLength(SCAN_LIMITS.ladderFiles);
    expect(list.folderProblems).toEqual([{ severity: 'warning', message: expect.stringContaining('This folder has too many entries') }]);
    const scan = await scanFolder(huge);
    expect(scan.files).toHaveLength(SCAN_LIMITS.ladderFiles);
  });

  it('warns about many other files, the top of the disk, and the home folder', async () => {
    const busy = path.join(root, 'busy');
    await mkdir(busy);
    for (let i = 0; i <= SCAN_LIMITS.otherEntriesBeforeWarning; i++) await writeFile(path.join(busy, `${i}.txt`), '');
    expect((await scanFolder(busy, { warn: true })).problems).toEqual([
      { severity: 'warning', message: expect.stringContaining('other files and folders besides ladders') },
    ]);
    expect((await scanFolder('/', { warn: true })).problems[0]?.message).toMatch(/^Your ladders folder is the top of the disk/);
    expect((await scanFolder(os.homedir(), { warn: true })).problems[0]?.message).toMatch(/^Your ladders folder is your whole home folder/);
    expect((await scanFolder(path.resolve(fixtures), { warn: true })).problems).toEqual([]);
  });

  it('watches only the top level and the folders includes name', async () => {
    const folder = path.join(root, 'deep');
    await mkdir(path.join(folder, 'a', 'b', 'c'), { recursive: true });
    await cp(path.join(fixtures, 'team.yaml'), path.join(folder, 'team.yaml'));
    await cp(path.join(fixtures, 'parts'), path.join(folder, 'parts'), { recursive: true });
    const changes: string[][] = [];
    const service = start({ userFolder: () => folder, onChanged: (k) => changes.push(k) });
    await service.list();
    // Deep folders nothing includes are not watched: a change there wakes nothing.
    await writeFile(path.join(folder, 'a', 'b', 'c', 'x.yaml'), 'id: x\n');
    await writeFile(path.join(folder, 'a', 'y.yaml'), 'id: y\n');
    await new Promise((r) => setTimeout(r, 400));
    expect(changes).toEqual([]);
    // parts/ is named by an include, so it is watched.
    const scales = await readFile(path.join(fixtures, 'parts', 'scales.yaml'), 'utf8');
    await writeFile(path.join(folder, 'parts', 'scales.yaml'), scales.replace('label: Exceeds', 'label: Well above'));
    await eventually(() => expect(changes).toEqual([['user:team.yaml']]));
  });
});
