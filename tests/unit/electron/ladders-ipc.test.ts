import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { call, createTestMain, type TestMain } from '../../support/main-context';

const fixtures = path.resolve(__dirname, '../../fixtures/ladders/app');
let main: TestMain;

beforeEach(async () => {
  main = await createTestMain();
  await cp(fixtures, main.laddersDir, { recursive: true });
});
afterEach(() => main.dispose());

describe('ladders over IPC (real handler table, contract-checked)', () => {
  it('lists the shipped ladders and the user folder, inside the contract', async () => {
    const result = await call(main, 'ladders:list');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value;
    expect(value.folder).toBe(main.laddersDir);
    expect(value.ladders.map((l) => l.key)).toEqual(expect.arrayContaining(['bundled:engineering.yaml', 'user:team.yaml', 'user:support.yaml']));
    expect(value.ladders.every((l) => l.status === 'valid')).toBe(true);
  });

  it('answers unknown ladders, bad input and read-only saves with codes, not crashes', async () => {
    expect(await call(main, 'ladders:get', { key: 'user:nope.yaml' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await main.dispatch('ladders:get', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call(main, 'ladders:save', { key: 'bundled:engineering.yaml', text: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(main, 'ladders:version-diff', { ladderId: 'team', from: 'a'.repeat(64), to: 'b'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('pushes ladders:changed after a save', async () => {
    const detail = await call(main, 'ladders:get', { key: 'user:support.yaml' });
    if (!detail.ok) throw new Error('get failed');
    const text = detail.value.files[0]!.text.replace('Support Ladder', 'Support Ladder 2');
    expect(await call(main, 'ladders:save', { key: 'user:support.yaml', text })).toMatchObject({ ok: true, value: { saved: true } });
    expect(main.emitted).toContainEqual({ event: 'ladders:changed', payload: { keys: ['user:support.yaml'] } });
  });

  it('gives back a stored version by hash, even after the file changed', async () => {
    const before = await call(main, 'ladders:get', { key: 'user:support.yaml' });
    if (!before.ok) throw new Error('get failed');
    const { summary, files } = before.value;
    if (!summary.hash) throw new Error('no version in use');
    await call(main, 'ladders:save', { key: 'user:support.yaml', text: files[0]!.text.replace('Support Ladder', 'Support Ladder 3') });
    const stored = await call(main, 'ladders:version-get', { ladderId: 'support', hash: summary.hash });
    expect(stored).toMatchObject({ ok: true, value: { info: { hash: summary.hash, sourceKeys: ['user:support.yaml'] }, ladder: { name: 'Support Ladder' } } });
  });

  it('exports the review through the injected save-file function', async () => {
    const result = await call(main, 'ladders:export-review', { key: 'user:team.yaml', since: '2020-01-01' });
    expect(result).toMatchObject({ ok: true, value: { saved: true } });
    expect(main.savePaths[0]).toMatch(/team-criteria-review-\d{4}-\d{2}-\d{2}\.md$/);
    expect(await readFile(main.savePaths[0]!, 'utf8')).toMatch(/^# Criteria review/);
  });
});
