import * as fs from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createStagedExports, type StagedExportFileSystem, STAGING_PREFIX } from '../../../electron/services/staged-export';
import { MAX_EXPORT_CHUNK_CHARS, MAX_EXPORT_CHUNK_FILES } from '../../../shared/ipc/files';
import { call, createTestMain, type TestMain } from '../../support/main-context';

let main: TestMain;
beforeEach(async () => {
  main = await createTestMain();
});
afterEach(() => main.dispose());

const listing = async () => (await fs.readdir(main.exportDir)).sort();
const errno = (code: string) => Object.assign(new Error(code), { code });
const files = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ name: `${from + i}.md`, content: `meeting ${from + i}\n` }));

async function begin(): Promise<string> {
  main.chooseFolderAnswers.push(main.exportDir);
  const begun = await call(main, 'files:export-begin', { title: 'Export everyone’s notes' });
  if (!begun.ok || !begun.value.started) throw new Error(`not started: ${JSON.stringify(begun)}`);
  expect(begun.value.folder).toBe(main.exportDir);
  return begun.value.exportId;
}

describe('a streamed export', () => {
  it('stages chunks out of sight and moves them into the chosen folder only on commit, never replacing a file', async () => {
    await fs.writeFile(path.join(main.exportDir, '1.md'), 'mine');
    const exportId = await begin();
    for (let from = 0; from < 1200; from += 400) {
      expect(await main.dispatch('files:export-chunk', { exportId, files: files(from, from + 400) })).toEqual({ ok: true, value: { received: from + 400 } });
      // Nothing but the staging folder, a dot folder, until the end.
      const seen = await listing();
      expect(seen).toHaveLength(2);
      expect(seen[0]!.startsWith(STAGING_PREFIX)).toBe(true);
    }
    expect(await main.dispatch('files:export-commit', { exportId })).toEqual({ ok: true, value: { folder: main.exportDir, count: 1200 } });
    const names = await listing();
    expect(names).toHaveLength(1201);
    expect(names.some((n) => n.startsWith('.'))).toBe(false);
    expect(await fs.readFile(path.join(main.exportDir, '1.md'), 'utf8')).toBe('mine');
    expect(await fs.readFile(path.join(main.exportDir, '1-2.md'), 'utf8')).toBe('meeting 1\n');
    // The export is gone: a second commit is refused.
    expect(await main.dispatch('files:export-commit', { exportId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('cancel leaves nothing, and later chunks of that export are refused', async () => {
    const exportId = await begin();
    await main.dispatch('files:export-chunk', { exportId, files: files(0, 10) });
    expect(await main.dispatch('files:export-cancel', { exportId })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await listing()).toEqual([]);
    expect(await main.dispatch('files:export-chunk', { exportId, files: files(10, 20) })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await listing()).toEqual([]);
  });

  it('a cancelled folder dialog starts nothing', async () => {
    expect(await main.dispatch('files:export-begin', { title: 'Export' })).toEqual({ ok: true, value: { started: false } });
    expect(await listing()).toEqual([]);
  });

  it('a new export drops an abandoned one (a renderer that reloaded mid-export)', async () => {
    const first = await begin();
    await main.dispatch('files:export-chunk', { exportId: first, files: files(0, 5) });
    const second = await begin();
    await main.dispatch('files:export-chunk', { exportId: second, files: files(5, 7) });
    expect(await main.dispatch('files:export-commit', { exportId: first })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await main.dispatch('files:export-commit', { exportId: second })).toMatchObject({ ok: true, value: { count: 2 } });
    expect(await listing()).toEqual(['5.md', '6.md']);
  });

  it('shutting down main removes a staging folder', async () => {
    const staged = createStagedExports();
    const id = await staged.begin(main.exportDir, 'md');
    await staged.add(id, files(0, 3));
    expect(await listing()).toHaveLength(1);
    await staged.dispose();
    expect(await listing()).toEqual([]);
  });
});

describe('a compromised renderer', () => {
  it('cannot name a path: traversal and hidden names are refused and the export is dropped', async () => {
    for (const name of ['../escape.md', '/etc/passwd', 'sub/dir.md', '..\\x.md', '.hidden', `${STAGING_PREFIX}x/../../y.md`]) {
      const exportId = await begin();
      const answer = await main.dispatch('files:export-chunk', {
        exportId,
        files: [
          { name: 'fine.md', content: 'x' },
          { name, content: 'x' },
        ],
      });
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await listing(), name).toEqual([]);
    }
    expect(await fs.readdir(path.dirname(main.exportDir))).not.toContain('escape.md');
  });

  it('cannot invent an export id or pass a folder', async () => {
    await begin();
    for (const exportId of ['0'.repeat(32), '../../etc', main.exportDir]) {
      const answer = await main.dispatch('files:export-chunk', { exportId, files: [{ name: 'a.md', content: 'x' }] });
      expect(answer.ok, exportId).toBe(false);
    }
    const withFolder = await main.dispatch('files:export-begin', { title: 'Export', folder: '/tmp' } as never);
    expect(withFolder).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await listing()).toHaveLength(1);
  });

  it('cannot send an unbounded chunk: too many files, too many characters, or a name twice', async () => {
    const exportId = await begin();
    const tooMany = Array.from({ length: MAX_EXPORT_CHUNK_FILES + 1 }, (_, i) => ({ name: `${i}.md`, content: '' }));
    expect(await main.dispatch('files:export-chunk', { exportId, files: tooMany })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const half = 'x'.repeat(MAX_EXPORT_CHUNK_CHARS / 2 + 1);
    const tooLong = [
      { name: 'a.md', content: half },
      { name: 'b.md', content: half },
    ];
    expect(await main.dispatch('files:export-chunk', { exportId, files: tooLong })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Refused by the schema before the handler: the export is still open.
    expect(await main.dispatch('files:export-chunk', { exportId, files: files(0, 2) })).toEqual({ ok: true, value: { received: 2 } });
    expect(await main.dispatch('files:export-chunk', { exportId, files: [{ name: '1.MD', content: 'again' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('twice') },
    });
    expect(await listing()).toEqual([]);
  });

  it('cannot fill the disk: an export over the limit is refused and dropped', async () => {
    const staged = createStagedExports(fs, { maxBytes: 100 });
    const id = await staged.begin(main.exportDir, 'md');
    await staged.add(id, [{ name: 'a.md', content: 'x'.repeat(60) }]);
    await expect(staged.add(id, [{ name: 'b.md', content: 'x'.repeat(60) }])).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await listing()).toEqual([]);
    expect(staged.openCount).toBe(0);
  });
});

describe('failure half-way leaves nothing', () => {
  /** Real fs, except that the n-th file write (counting from 1) fails with `code`. */
  function failing(code: string, on: 'write' | 'link', at: number): StagedExportFileSystem {
    let writes = 0;
    let links = 0;
    return {
      ...fs,
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await fs.open(file, flags, mode);
        const writeFile = async (content: string) => {
          writes += 1;
          if (on !== 'write' || writes < at) return handle.writeFile(content, 'utf8');
          await handle.writeFile(content.slice(0, 1), 'utf8');
          throw errno(code);
        };
        return Object.assign(Object.create(handle), { writeFile, sync: () => handle.sync(), close: () => handle.close() });
      }) as StagedExportFileSystem['open'],
      link: (async (from: string, to: string) => {
        // Links into the staging folder are staging; those out of it place files in the user's folder.
        if (!path.dirname(to).includes(STAGING_PREFIX)) {
          links += 1;
          if (on === 'link' && links >= at) throw errno(code);
        }
        return fs.link(from, to);
      }) as StagedExportFileSystem['link'],
    };
  }

  it('a full disk in the second chunk removes the first chunk too', async () => {
    await fs.writeFile(path.join(main.exportDir, 'keep.txt'), 'keep');
    const staged = createStagedExports(failing('ENOSPC', 'write', 15));
    const id = await staged.begin(main.exportDir, 'md');
    await staged.add(id, files(0, 10));
    await expect(staged.add(id, files(10, 20))).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('The disk is full') });
    expect(await listing()).toEqual(['keep.txt']);
    await expect(staged.commit(id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a failure among files written together waits for the others, then leaves nothing', async () => {
    // The third write fails at once; the others take a while. Every write must be over before the
    // failure is reported (and the staging folder removed), or one could land in a folder being removed.
    let writes = 0;
    let pending = 0;
    let pendingAtFailure = -1;
    const slow: StagedExportFileSystem = {
      ...fs,
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await fs.open(file, flags, mode);
        const writeFile = async (content: string) => {
          writes += 1;
          if (writes === 3) throw errno('EIO');
          pending += 1;
          await new Promise((resolve) => setTimeout(resolve, 30));
          await handle.writeFile(content, 'utf8');
          pending -= 1;
        };
        return Object.assign(Object.create(handle), { writeFile, sync: () => handle.sync(), close: () => handle.close() });
      }) as StagedExportFileSystem['open'],
    };
    const staged = createStagedExports(slow);
    const id = await staged.begin(main.exportDir, 'md');
    await expect(
      staged.add(id, files(0, 12)).finally(() => {
        pendingAtFailure = pending;
      }),
    ).rejects.toMatchObject({ code: 'io' });
    expect(writes).toBeGreaterThan(3);
    expect(pendingAtFailure).toBe(0);
    expect(await listing()).toEqual([]);
    expect(staged.openCount).toBe(0);
  });

  it('a failure while moving files into place takes back those already moved', async () => {
    await fs.writeFile(path.join(main.exportDir, 'keep.txt'), 'keep');
    const staged = createStagedExports(failing('EIO', 'link', 6));
    const id = await staged.begin(main.exportDir, 'md');
    await staged.add(id, files(0, 10));
    await expect(staged.commit(id)).rejects.toMatchObject({ code: 'io' });
    expect(await listing()).toEqual(['keep.txt']);
  });
});
