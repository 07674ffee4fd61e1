import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { SaveDialogRequest } from '../../../electron/ipc/dialogs';
import { createTestMain, type TestMain } from '../../support/main-context';

let main: TestMain | undefined;
afterEach(() => main?.dispose());

/** A test main whose save dialog records what it was asked and answers `answer(request)`. */
async function withDialog(answer: (request: SaveDialogRequest, exportDir: string) => string | null) {
  const asked: SaveDialogRequest[] = [];
  let exportDir = '';
  main = await createTestMain({
    chooseSavePath: async (request) => {
      asked.push(request);
      return answer(request, exportDir);
    },
  });
  exportDir = main.exportDir;
  return { main, asked };
}

describe('one "save a file the user chooses", by kind', () => {
  it('proposes the name with the extension of its kind and filters by that kind', async () => {
    const { main, asked } = await withDialog((r, dir) => path.join(dir, r.defaultName));
    for (const [kind, name, expected] of [
      ['markdown', 'notes.md', 'notes.md'],
      ['calendar', '1-1-alex', '1-1-alex.ics'],
      ['csv', 'people.md', 'people.md.csv'],
    ] as const) {
      const result = await main.dispatch('files:save-text', { suggestedName: name, content: 'x', kind, title: 'Save' });
      expect(result).toEqual({ ok: true, value: { saved: true, path: path.join(main.exportDir, expected) } });
    }
    expect(asked.map((r) => [r.defaultName, r.filters])).toEqual([
      ['notes.md', [{ name: 'Markdown', extensions: ['md'] }]],
      ['1-1-alex.ics', [{ name: 'Calendar', extensions: ['ics'] }]],
      ['people.md.csv', [{ name: 'CSV', extensions: ['csv'] }]],
    ]);
  });

  it('adds the extension when the user typed a name without it, and then never replaces a file', async () => {
    const { main } = await withDialog((_r, dir) => path.join(dir, 'mine'));
    await writeFile(path.join(main.exportDir, 'mine.csv'), 'keep me');
    const result = await main.dispatch('files:save-text', { suggestedName: 'people.csv', content: 'new', kind: 'csv', title: 'Export people' });
    expect(result).toEqual({ ok: true, value: { saved: true, path: path.join(main.exportDir, 'mine-2.csv') } });
    expect(await readFile(path.join(main.exportDir, 'mine.csv'), 'utf8')).toBe('keep me');
    expect(await readFile(path.join(main.exportDir, 'mine-2.csv'), 'utf8')).toBe('new');
  });

  it('replaces a file only at the exact path the dialog asked about', async () => {
    const { main } = await withDialog((_r, dir) => path.join(dir, 'alex.md'));
    await writeFile(path.join(main.exportDir, 'alex.md'), 'old');
    await main.dispatch('files:save-text', { suggestedName: 'alex.md', content: 'new', kind: 'markdown', title: 'Save' });
    expect(await readdir(main.exportDir)).toEqual(['alex.md']);
    expect(await readFile(path.join(main.exportDir, 'alex.md'), 'utf8')).toBe('new');
  });

  it('the criteria review export goes through the same function, as Markdown', async () => {
    const { main, asked } = await withDialog(() => null);
    await main.dispatch('ladders:export-review', { key: 'bundled:engineering.yaml', since: '2020-01-01' });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.defaultName).toMatch(/^engineering-criteria-review-\d{4}-\d{2}-\d{2}\.md$/);
    expect(asked[0]!.filters).toEqual([{ name: 'Markdown', extensions: ['md'] }]);
  });

  it('folder exports get the extension of their kind on every file', async () => {
    main = await createTestMain();
    main.chooseFolderAnswers.push(main.exportDir);
    const result = await main.dispatch('files:export-folder', {
      title: 'Export',
      kind: 'markdown',
      files: [
        { name: 'a.md', content: 'A' },
        { name: 'run.bat', content: 'B' },
      ],
    });
    expect(result).toMatchObject({ ok: true, value: { written: ['a.md', 'run.bat.md'] } });
  });

  it('refuses an export larger than the cap before asking for a folder', async () => {
    main = await createTestMain();
    main.chooseFolderAnswers.push(main.exportDir);
    const big = 'x'.repeat(19_000_000);
    const files = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.md`, content: big }));
    const result = await main.dispatch('files:export-folder', { title: 'Export', files });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('at most 200 MB') } });
    expect(main.dialogs).toEqual([]);
    expect(await readdir(main.exportDir)).toEqual([]);
  });
});
