import * as fs from 'node:fs/promises';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAtomicWriter, type FileSystem, isTempFileName, TEMP_NAME_LENGTH, tempPathBeside } from '../../../electron/services/atomic-write';
import { createFileWriter } from '../../../electron/services/file-writer';
import { createLaddersService } from '../../../electron/services/ladders/service';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'trellis-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(code), { code });

/** Real fs, except that every temp file it opens for writing records its name. */
function recordingOpens(names: string[]): FileSystem {
  return {
    ...fs,
    open: (async (file: string, flags: string, mode?: number) => {
      if (flags === 'wx') names.push(path.basename(file));
      return fs.open(file, flags, mode);
    }) as FileSystem['open'],
  };
}

describe('one atomic writer', () => {
  it('uses short temp names of one fixed length, whatever the target is called', async () => {
    const opened: string[] = [];
    const writer = createAtomicWriter(recordingOpens(opened));
    await writer.replace(path.join(dir, 'a.md'), 'A');
    await writer.replace(path.join(dir, `${'山'.repeat(70)}.md`), 'B');
    expect(opened).toHaveLength(2);
    for (const name of opened) {
      expect(name).toHaveLength(TEMP_NAME_LENGTH);
      expect(isTempFileName(name)).toBe(true);
    }
    expect(path.basename(tempPathBeside('/x/y/whatever.yaml'))).toHaveLength(TEMP_NAME_LENGTH);
    expect((await readdir(dir)).sort()).toEqual(['a.md', `${'山'.repeat(70)}.md`].sort());
  });

  it('a folder export with a long multi-byte name succeeds (its temp name no longer overflows)', async () => {
    // 76 CJK letters: 228 bytes plus ".md", within the 255 bytes a file system allows.
    const name = `${'議'.repeat(76)}.md`;
    const written = await createFileWriter().exportFolder(dir, [
      { name, content: '# Notes\n' },
      { name: 'short.md', content: 'x' },
    ]);
    expect(written).toEqual([name, 'short.md']);
    expect(await readFile(path.join(dir, name), 'utf8')).toBe('# Notes\n');
  });
});

describe('ladder saves on a full disk', () => {
  it('say that the disk is full and leave the file as it was', async () => {
    const fixtures = path.resolve(import.meta.dirname, '../../fixtures/ladders/app');
    const userFolder = path.join(dir, 'mine');
    await mkdir(userFolder);
    await cp(path.join(fixtures, 'team.yaml'), path.join(userFolder, 'team.yaml'));
    await cp(path.join(fixtures, 'parts'), path.join(userFolder, 'parts'), { recursive: true });
    const full: FileSystem = {
      ...fs,
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await fs.open(file, flags, mode);
        if (flags !== 'wx') return handle;
        return Object.assign(Object.create(handle), {
          writeFile: async () => Promise.reject(errno('ENOSPC')),
          sync: () => handle.sync(),
          close: () => handle.close(),
        });
      }) as FileSystem['open'],
    };
    const service = createLaddersService({
      bundledDir: path.join(dir, 'none'),
      userDataDir: path.join(dir, 'data'),
      userFolder: () => userFolder,
      onChanged: () => {},
      fs: full,
    });
    try {
      const before = await readFile(path.join(userFolder, 'team.yaml'), 'utf8');
      const detail = await service.get('user:team.yaml');
      const text = detail.files[0]!.text.replace('name: Team Ladder', 'name: Team Ladder v2');
      await expect(service.save('user:team.yaml', text)).rejects.toMatchObject({
        code: 'io',
        message: 'The disk is full, so nothing was written to team.yaml. Free some space and save again.',
      });
      await expect(service.saveDraft('user:team.yaml', 'draft')).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('The disk is full') });
      expect(await readFile(path.join(userFolder, 'team.yaml'), 'utf8')).toBe(before);
      expect((await readdir(userFolder)).sort()).toEqual(['parts', 'team.yaml']);
    } finally {
      await service.close();
    }
  });
});
