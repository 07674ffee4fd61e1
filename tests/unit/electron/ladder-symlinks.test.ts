import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createLaddersService, type LaddersService } from '../../../electron/services/ladders/service';
import { watchFolder } from '../../../electron/services/ladders/watcher';
import { eventually } from '../../support/eventually';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/ladders/app');
const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));

let root: string;
let userFolder: string;
let outside: string;
let service: LaddersService;
let changes: string[][];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'trellis-links-'));
  userFolder = path.join(root, 'ladders');
  outside = path.join(root, 'outside');
  await mkdir(userFolder);
  await mkdir(outside);
  await cp(path.join(fixtures, 'parts'), path.join(outside, 'parts'), { recursive: true });
  await cp(path.join(fixtures, 'team.yaml'), path.join(outside, 'secret.yaml'));
  await writeFile(path.join(outside, 'notes.txt'), 'private\n');
  changes = [];
  service = createLaddersService({
    bundledDir: path.join(root, 'none'),
    userDataDir: path.join(root, 'data'),
    userFolder: () => userFolder,
    onChanged: (keys) => changes.push(keys),
    debounceMs: 40,
  });
});

afterEach(async () => {
  await service.close();
  await rm(root, { recursive: true, force: true });
});

/** What is outside: names, contents and modification times. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const info = await stat(file);
    out.push(`${path.relative(dir, file)} ${info.mtimeMs} ${entry.isFile() ? await readFile(file, 'utf8') : ''}`);
  }
  return out.sort();
}

describe('symbolic links never lead out of the ladders folder', () => {
  it('a ladder file that links outside is listed with a clear problem, and never read', async () => {
    await symlink(path.join(outside, 'secret.yaml'), path.join(userFolder, 'linked.yaml'));
    const summary = (await service.list()).ladders.find((l) => l.key === 'user:linked.yaml');
    expect(summary).toMatchObject({ status: 'invalid', name: null, hash: null });
    expect(summary?.problems).toEqual([
      expect.objectContaining({ file: 'linked.yaml', line: 1, code: 'link-outside-folder', message: expect.stringContaining('outside your ladders folder') }),
    ]);
    const detail = await service.get('user:linked.yaml');
    expect(detail.files).toEqual([]);
    expect(JSON.stringify(detail)).not.toContain('Team Ladder');
  });

  it('an include that links outside (a file, or a folder that is a link) is refused on its line', async () => {
    await cp(path.join(fixtures, 'team.yaml'), path.join(userFolder, 'team.yaml'));
    await symlink(path.join(outside, 'parts'), path.join(userFolder, 'parts'));
    const summary = (await service.list()).ladders.find((l) => l.key === 'user:team.yaml')!;
    expect(summary.status).toBe('invalid');
    expect(summary.problems).toContainEqual(
      expect.objectContaining({
        file: 'team.yaml',
        line: 13,
        code: 'link-outside-folder',
        message: '"parts/scales.yaml" is a link to a file outside your ladders folder; Trellis does not follow it',
      }),
    );
    expect((await service.get('user:team.yaml')).files.map((f) => f.path)).toEqual(['team.yaml']);
  });

  it('an include that climbs out with ".." is refused with the same kind of problem', async () => {
    const text = (await readFile(path.join(fixtures, 'team.yaml'), 'utf8')).replace('include: [parts/scales.yaml]', 'include: [../outside/parts/scales.yaml]');
    await writeFile(path.join(userFolder, 'team.yaml'), text);
    const summary = (await service.list()).ladders.find((l) => l.key === 'user:team.yaml')!;
    expect(summary.problems).toContainEqual(expect.objectContaining({ code: 'link-outside-folder', line: 13 }));
  });

  it('writes never go through a link out of the folder', async () => {
    await mkdir(path.join(outside, 'empty-parts'));
    const before = await snapshot(outside);
    await cp(path.join(fixtures, 'team.yaml'), path.join(userFolder, 'team.yaml'));
    await cp(path.join(fixtures, 'parts'), path.join(userFolder, 'parts'), { recursive: true });
    // The draft name beside team.yaml is a link to a file outside.
    await symlink(path.join(outside, 'notes.txt'), path.join(userFolder, 'team.draft.yaml'));
    await expect(service.saveDraft('user:team.yaml', 'draft text')).rejects.toMatchObject({ code: 'forbidden' });
    // A bundled copy would put parts/ under a link to outside.
    await rm(path.join(userFolder, 'parts'), { recursive: true });
    await symlink(path.join(outside, 'empty-parts'), path.join(userFolder, 'parts'));
    const withBundled = createLaddersService({
      bundledDir: fixtures,
      userDataDir: path.join(root, 'data2'),
      userFolder: () => userFolder,
      onChanged: () => {},
    });
    try {
      const copied = await withBundled.copyToFolder('bundled:support.yaml');
      expect(copied.key).toBe('user:support.yaml');
      expect(await readdir(path.join(outside, 'empty-parts'))).toEqual([]);
    } finally {
      await withBundled.close();
    }
    expect(await snapshot(outside)).toEqual(before);
  });

  it('a link that stays inside the folder is followed, and a save writes the real file', async () => {
    await mkdir(path.join(userFolder, 'real'));
    await cp(path.join(fixtures, 'team.yaml'), path.join(userFolder, 'real', 'team.yaml'));
    await cp(path.join(fixtures, 'parts'), path.join(userFolder, 'parts'), { recursive: true });
    await symlink(path.join('real', 'team.yaml'), path.join(userFolder, 'team.yaml'));
    const detail = await service.get('user:team.yaml');
    expect(detail.summary.status).toBe('valid');
    const text = detail.files[0]!.text.replace('name: Team Ladder', 'name: Team Ladder (linked)');
    // The include resolves relative to the link's own place: this ladder's parts/ are at the top.
    expect(await service.save('user:team.yaml', text)).toMatchObject({ saved: true });
    expect(await readFile(path.join(userFolder, 'real', 'team.yaml'), 'utf8')).toBe(text);
  });

  it('the watcher does not follow a linked folder out of the ladders folder', async () => {
    await symlink(outside, path.join(userFolder, 'elsewhere'));
    const seen: string[] = [];
    const watcher = watchFolder(userFolder, (paths) => seen.push(...paths), { debounceMs: 20, stabilityMs: 20, accept: (n) => n.endsWith('.yaml') });
    try {
      await watcher.ready;
      await writeFile(path.join(outside, 'new.yaml'), 'id: x\n');
      await writeFile(path.join(userFolder, 'top.yaml'), 'id: top\n');
      await eventually(() => expect(seen).toContain(path.join(userFolder, 'top.yaml')));
      await quiet(300);
      expect(seen).toEqual([path.join(userFolder, 'top.yaml')]);
    } finally {
      await watcher.close();
    }
  });
});
