import * as fs from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFileWriter, type FileSystem } from '../../../electron/services/file-writer';
import { AppError } from '../../../shared/ipc/result';
import { createTestMain, type TestMain } from '../../support/main-context';

let main: TestMain;
beforeEach(async () => {
  main = await createTestMain();
});
afterEach(() => main.dispose());

const listing = () => fs.readdir(main.exportDir);
const errno = (code: string) => Object.assign(new Error(code), { code });

/** Real fs, except that writing a file's content writes part of it and then fails with `code`. */
function failingWrites(code: string, failOnWrite = 1): FileSystem {
  let writes = 0;
  return {
    ...fs,
    open: (async (file: string, flags: string, mode?: number) => {
      const handle = await fs.open(file, flags, mode);
      const writeFile = async (content: string) => {
        writes += 1;
        if (writes < failOnWrite) return handle.writeFile(content, 'utf8');
        await handle.writeFile(content.slice(0, Math.ceil(content.length / 2)), 'utf8');
        throw errno(code);
      };
      return Object.assign(Object.create(handle), { writeFile, sync: () => handle.sync(), close: () => handle.close() });
    }) as FileSystem['open'],
  };
}

describe('files:save-text', () => {
  it('writes the file the save dialog chose, and nothing when it is cancelled', async () => {
    const result = await main.dispatch('files:save-text', { suggestedName: 'alex.md', content: '# Hello\n', kind: 'markdown', title: 'Save the shared notes' });
    expect(result).toEqual({ ok: true, value: { saved: true, path: path.join(main.exportDir, 'alex.md') } });
    expect(await fs.readFile(path.join(main.exportDir, 'alex.md'), 'utf8')).toBe('# Hello\n');
    expect(main.dialogs).toEqual(['Save the shared notes']);

    const cancelled = await createTestMain({ chooseSavePath: async () => null });
    expect(await cancelled.dispatch('files:save-text', { suggestedName: 'a.md', content: 'x', kind: 'markdown', title: 'Save' })).toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(await fs.readdir(cancelled.exportDir)).toEqual([]);
    await cancelled.dispose();
  });

  it('refuses a suggested name with folders in it', async () => {
    const result = await main.dispatch('files:save-text', { suggestedName: '../evil.md', content: 'x', kind: 'markdown', title: 'Save' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(main.dialogs).toEqual([]);
  });

  it('a full disk leaves neither a partial file nor a temp file, and the old file intact', async () => {
    const target = path.join(main.exportDir, 'notes.md');
    await fs.writeFile(target, 'old content');
    const writer = createFileWriter(failingWrites('ENOSPC'));
    const error = await writer.saveText(target, 'new content that will not fit').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'io', message: expect.stringContaining('The disk is full') });
    expect(await listing()).toEqual(['notes.md']);
    expect(await fs.readFile(target, 'utf8')).toBe('old content');
  });
});

describe('files:export-folder', () => {
  it('writes every file, never replacing one already there', async () => {
    await fs.writeFile(path.join(main.exportDir, 'a.md'), 'mine');
    main.chooseFolderAnswers.push(main.exportDir);
    const result = await main.dispatch('files:export-folder', {
      title: 'Export notes',
      files: [
        { name: 'a.md', content: 'A' },
        { name: 'b.md', content: 'B' },
      ],
    });
    expect(result).toEqual({ ok: true, value: { saved: true, folder: main.exportDir, written: ['a-2.md', 'b.md'] } });
    expect((await listing()).sort()).toEqual(['a-2.md', 'a.md', 'b.md']);
    expect(await fs.readFile(path.join(main.exportDir, 'a.md'), 'utf8')).toBe('mine');
    expect(await fs.readFile(path.join(main.exportDir, 'a-2.md'), 'utf8')).toBe('A');
  });

  it('refuses path traversal and writes nothing at all', async () => {
    for (const name of ['../escape.md', '/etc/passwd', 'sub/dir.md', '..\\x.md', '.hidden']) {
      main.chooseFolderAnswers.push(main.exportDir);
      const result = await main.dispatch('files:export-folder', {
        title: 'Export',
        files: [
          { name: 'fine.md', content: 'x' },
          { name, content: 'x' },
        ],
      });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await listing()).toEqual([]);
    expect(await fs.readdir(path.dirname(main.exportDir))).not.toContain('escape.md');
  });

  it('all or nothing: a full disk on the third file leaves the folder as it was', async () => {
    await fs.writeFile(path.join(main.exportDir, 'keep.txt'), 'keep');
    const writer = createFileWriter(failingWrites('ENOSPC', 3));
    const files = ['1.md', '2.md', '3.md', '4.md'].map((name) => ({ name, content: `content of ${name}` }));
    await expect(writer.exportFolder(main.exportDir, files)).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('The disk is full') });
    expect(await listing()).toEqual(['keep.txt']);
  });

  it('says plainly when permission is denied or the folder is gone', async () => {
    const denied = createFileWriter({ ...fs, open: (async () => Promise.reject(errno('EACCES'))) as FileSystem['open'] });
    await expect(denied.exportFolder(main.exportDir, [{ name: 'a.md', content: 'x' }])).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('not allowed to write'),
    });
    const gone = createFileWriter();
    await expect(gone.exportFolder(path.join(main.exportDir, 'missing'), [{ name: 'a.md', content: 'x' }])).rejects.toMatchObject({
      message: expect.stringContaining('does not exist any more'),
    });
  });

  it('returns saved: false when the folder chooser is cancelled', async () => {
    // No answer queued: the test chooser behaves like a cancelled dialog.
    expect(await main.dispatch('files:export-folder', { title: 'Export', files: [{ name: 'a.md', content: 'x' }] })).toEqual({
      ok: true,
      value: { saved: false, written: [] },
    });
    expect(await listing()).toEqual([]);
  });
});
