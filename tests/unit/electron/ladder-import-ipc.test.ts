import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { call, createTestMain, type TestMain } from '../../support/main-context';

const appFixtures = path.resolve(__dirname, '../../fixtures/ladders/app');
const importFixtures = path.resolve(__dirname, '../../fixtures/ladders/import');
let main: TestMain;

beforeEach(async () => {
  main = await createTestMain();
  await cp(appFixtures, main.laddersDir, { recursive: true });
});
afterEach(() => main.dispose());

const topFiles = async () => (await readdir(main.laddersDir)).filter((f) => !f.startsWith('.')).sort();
const pick = async (name: string, content: string | Uint8Array) => {
  const file = path.join(main.dataDir, name);
  await writeFile(file, content);
  main.chooseOpenAnswers.push(file);
};
const valid = (id: string) =>
  `id: ${id}\nname: ${id}\ntracks: [{ id: t, name: T }]\nlevels: [{ id: L1 }]\ncompetencies:\n  - id: c\n    name: C\n    levels: { L1: { criteria: Does it } }\n`;

describe('ladder-import:open (main shows the dialog and reads what the user picked)', () => {
  it('answers chosen: false when the user cancels, and reads a picked file with its name', async () => {
    expect(await call(main, 'ladder-import:open')).toEqual({ ok: true, value: { chosen: false } });
    await pick('grid.csv', await readFile(path.join(importFixtures, 'grid.csv')));
    const answer = await call(main, 'ladder-import:open');
    expect(answer).toMatchObject({ ok: true, value: { chosen: true, source: { name: 'grid.csv', encoding: 'utf-8' } } });
    expect(main.dialogs).toContain('Import a ladder');
  });

  it('reads a spreadsheet Excel saved as UTF-16 or Windows-1252', async () => {
    const text = 'Competency,L1\nQualité,Écrit des tests\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    await pick('utf16.csv', utf16);
    const answer = await call(main, 'ladder-import:open');
    expect(answer.ok && answer.value.chosen && answer.value.source.text).toBe(text);
    await pick('legacy.csv', new Uint8Array(Buffer.from(text, 'latin1')));
    const legacy = await call(main, 'ladder-import:open');
    expect(legacy.ok && legacy.value.chosen && legacy.value.source).toMatchObject({ text, encoding: 'windows-1252' });
  });

  it('refuses a workbook, an empty file and a file too large, saying which and why', async () => {
    await pick('ladder.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(await call(main, 'ladder-import:open')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/ladder\.xlsx is an Excel/) },
    });
    await pick('empty.csv', '');
    expect(await call(main, 'ladder-import:open')).toMatchObject({ ok: false, error: { message: 'empty.csv is empty.' } });
    await pick('huge.csv', 'a,b\n'.repeat(1_400_000));
    expect(await call(main, 'ladder-import:open')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/at most 5 MB/) } });
    main.chooseOpenAnswers.push(path.join(main.dataDir, 'gone.csv'));
    expect(await call(main, 'ladder-import:open')).toMatchObject({
      ok: false,
      error: { code: 'io', message: 'gone.csv cannot be opened: it is no longer there.' },
    });
  });
});

describe('ladder-import:save (a new file in the ladders folder, never over one)', () => {
  it('writes a checked draft under the name asked for, and lists it', async () => {
    const saved = await call(main, 'ladder-import:save', { name: 'imported.yaml', text: valid('imported') });
    expect(saved).toEqual({ ok: true, value: { saved: true, key: 'user:imported.yaml', file: 'imported.yaml' } });
    expect(await readFile(path.join(main.laddersDir, 'imported.yaml'), 'utf8')).toBe(valid('imported'));
    const list = await call(main, 'ladders:list');
    expect(list.ok && list.value.ladders.some((l) => l.key === 'user:imported.yaml' && l.status === 'valid')).toBe(true);
  });

  it('never replaces a file: a taken name becomes the next free one, and free-name says so first', async () => {
    const before = await readFile(path.join(main.laddersDir, 'team.yaml'), 'utf8');
    expect(await call(main, 'ladder-import:free-name', { name: 'team.yaml' })).toEqual({ ok: true, value: { name: 'team-2.yaml' } });
    const saved = await call(main, 'ladder-import:save', { name: 'team.yaml', text: valid('other') });
    expect(saved).toMatchObject({ ok: true, value: { saved: true, file: 'team-2.yaml' } });
    expect(await readFile(path.join(main.laddersDir, 'team.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a draft with errors, with the checker’s problems, and writes nothing', async () => {
    const files = await topFiles();
    const saved = await call(main, 'ladder-import:save', { name: 'broken.yaml', text: 'id: x\nname: [unclosed\n' });
    expect(saved.ok && !saved.value.saved && saved.value.problems[0]).toMatchObject({ file: 'broken.yaml', severity: 'error', line: expect.any(Number) });
    expect(await topFiles()).toEqual(files);
  });

  it.each(['../outside.yaml', 'sub/dir.yaml', '.hidden.yaml', 'ladder.exe', 'team.draft.yaml', 'CON.yaml', 'a\u0000.yaml'])(
    'refuses the name %j before anything happens',
    async (name) => {
      const files = await topFiles();
      expect(await main.dispatch('ladder-import:save', { name, text: valid('x') })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await topFiles()).toEqual(files);
    },
  );
});
