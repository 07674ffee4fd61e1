import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createVersionStore, type VersionInfo, versionsToKeep } from '../../../electron/services/ladders/version-store';
import { type LadderDetail, type LadderList, VERSION_HISTORY } from '../../../shared/ipc/ladders';
import { limits } from '../../../shared/ladder';
import { createTestMain, type TestMain } from '../../support/main-context';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/ladders/app');
let main: TestMain;
beforeEach(async () => {
  main = await createTestMain();
  await cp(fixtures, main.laddersDir, { recursive: true });
});
afterEach(() => main.dispose());

describe('ladder ids and keys are checked against their patterns', () => {
  it.each(['..', '.', '', 'a/b', '../ladders', '%2e%2e', 'team\\..', ' team', 'x'.repeat(81)])('ladders:versions refuses the id %j', async (ladderId) => {
    expect(await main.dispatch('ladders:versions', { ladderId })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await main.dispatch('ladders:version-get', { ladderId, hash: 'a'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('the version store itself lists nothing for an id that would name another folder', async () => {
    const store = createVersionStore(path.join(main.dataDir, 'ladder-versions'));
    await main.dispatch('ladders:list', undefined);
    expect(await store.list('team')).not.toEqual([]);
    for (const id of ['..', '.', '', 'ladder-versions/../..']) expect(await store.list(id), id).toEqual([]);
  });

  it.each([
    'user:../settings.json',
    'user:/etc/passwd.yaml',
    'user:parts/scales.yaml',
    'user:.hidden.yaml',
    'other:team.yaml',
    'user:team.txt',
    'user:',
    'team.yaml',
  ])('every operation that takes a key refuses %j', async (key) => {
    for (const [channel, payload] of [
      ['ladders:get', { key }],
      ['ladders:save', { key, text: 'id: x' }],
      ['ladders:save-draft', { key, text: 'x' }],
      ['ladders:copy-to-folder', { key }],
      ['ladders:review', { key, since: '2020-01-01' }],
      ['ladders:export-review', { key, since: '2020-01-01' }],
      ['ladders:edit-cell', { key, trackId: 'ic', competencyId: 'design', levelId: 'L2', criteria: 'x' }],
    ] as const) {
      expect(await main.dispatch(channel, payload), `${channel} ${key}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });
});

describe('ladder files over the size limit', () => {
  const big = () => `id: big\nname: Big\n# ${'x'.repeat(limits.maxBytes)}\n`;

  it('are listed with a problem, never sent whole to the renderer', async () => {
    await writeFile(path.join(main.laddersDir, 'big.yaml'), big());
    const list = await main.dispatch('ladders:list', undefined);
    if (!list.ok) throw new Error(list.error.message);
    const summary = (list.value as LadderList).ladders.find((l) => l.key === 'user:big.yaml')!;
    expect(summary.problems).toEqual([
      expect.objectContaining({ code: 'too-large', message: expect.stringMatching(/"big\.yaml" is too large \(2\.0 MB; the limit is 2\.0 MB\)/) }),
    ]);
    const detail = await main.dispatch('ladders:get', { key: 'user:big.yaml' });
    expect(detail).toMatchObject({ ok: true, value: { files: [], draft: null } });
    expect(JSON.stringify(detail).length).toBeLessThan(10_000);
  });

  it('as an include, are refused on the include line and not sent either', async () => {
    await writeFile(path.join(main.laddersDir, 'parts', 'scales.yaml'), big());
    const detail = await main.dispatch('ladders:get', { key: 'user:team.yaml' });
    if (!detail.ok) throw new Error(detail.error.message);
    expect((detail.value as LadderDetail).summary.problems).toContainEqual(expect.objectContaining({ file: 'team.yaml', line: 13, code: 'too-large' }));
    expect(JSON.stringify(detail).length).toBeLessThan(200_000);
  });

  it('are refused by ladders:save before anything is written', async () => {
    const answer = await main.dispatch('ladders:save', { key: 'user:team.yaml', text: 'x'.repeat(limits.maxBytes + 1) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('the version store is bounded', () => {
  const version = (i: number, v: string): VersionInfo => ({
    ladderId: 'team',
    hash: i.toString(16).padStart(64, '0'),
    version: v,
    name: 'Team',
    firstSeen: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    sourceKeys: ['user:team.yaml'],
  });

  it(`keeps the last ${VERSION_HISTORY.recent}, plus the last of every version value`, () => {
    // 50 edits: versions 1.0.0 (0–19), 1.1.0 (20–39), 2.0.0 (40–49).
    const all = Array.from({ length: 50 }, (_, i) => version(i, i < 20 ? '1.0.0' : i < 40 ? '1.1.0' : '2.0.0'));
    const kept = versionsToKeep(all);
    const expected = new Set([19, ...Array.from({ length: 20 }, (_, i) => 30 + i)].map((i) => all[i]!.hash));
    expect(kept).toEqual(expected);
  });

  it('removes what it does not keep as new versions arrive', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'trellis-versions-'));
    try {
      let minute = 0;
      const store = createVersionStore(dir, () => new Date(Date.UTC(2026, 0, 1, 0, minute++)), 3);
      const ladder = { id: 'team' } as never;
      for (let i = 0; i < 10; i++) {
        await store.remember({
          ladderId: 'team',
          hash: i.toString(16).padStart(64, 'a'),
          version: i < 5 ? '1.0.0' : '1.1.0',
          name: 'Team',
          sourceKey: 'user:team.yaml',
          ladder,
          files: [],
        });
      }
      const listed = await store.list('team');
      expect(listed.map((v) => Number.parseInt(v.hash.slice(-1), 16))).toEqual([4, 7, 8, 9]);
      expect(await readdir(path.join(dir, 'team'))).toHaveLength(4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
